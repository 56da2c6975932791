//! Study mode (`#/study/<slugs>`): every question of the chosen categories on one page, answers
//! collapsed and expandable, filtered as the learner types. Printing it gives a study sheet:
//! questions, answers and key points, without the controls.

use crate::link::{Count, QuizLink, Selection};
use crate::search::Index;
use crate::web::components::answer::Answer;
use crate::web::components::{link_error, use_ctx, STUDY_LINK_ERROR};
use std::collections::HashSet;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StudyProps {
    pub selection: Selection,
}

/// The most questions "Quiz me on these" puts in its link (a search of a large bank can match
/// thousands).
const QUIZ_MAX: usize = 50;

/// How many matches are listed at first (a 5,000-question bank stays quick to render); the
/// rest come with "Show all".
const FIRST: usize = 60;

#[component]
pub fn StudyPage(props: &StudyProps) -> Html {
    let ctx = use_ctx();
    let bank = ctx.loaded.clone();
    let slugs = props.selection.resolve(&bank.bank);
    let index = {
        let slugs = slugs.clone().unwrap_or_default();
        use_memo(slugs, move |slugs| Index::new(&bank.bank, slugs))
    };
    let query = use_state(String::new);
    let open = use_state(HashSet::<usize>::new);
    let show_all = use_state(|| false);
    let title = match &props.selection {
        Selection::All => "all categories".to_owned(),
        Selection::Some(s) => s
            .iter()
            .filter_map(|s| ctx.loaded.bank.category(s))
            .map(|c| c.title.as_str())
            .collect::<Vec<_>>()
            .join(", "),
    };
    {
        let title = title.clone();
        use_effect_with(title, |t| {
            crate::web::set_title(Some(&format!("Study {t}")))
        });
    }
    let slugs = match slugs {
        Ok(s) => s,
        Err(e) => return link_error(STUDY_LINK_ERROR, &e, &ctx.display),
    };
    let matches = index.search(&query);
    let shown = if *show_all {
        matches.len()
    } else {
        matches.len().min(FIRST)
    };
    let oninput = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                query.set(input.value());
            }
        })
    };
    let toggle = |i: usize| {
        let open = open.clone();
        Callback::from(move |_| {
            let mut next = (*open).clone();
            if !next.remove(&i) {
                next.insert(i);
            }
            open.set(next);
        })
    };
    let all_open = matches.iter().take(shown).all(|i| open.contains(i));
    let expand_all = {
        let (open, ids) = (open.clone(), matches[..shown].to_vec());
        Callback::from(move |_| {
            open.set(if all_open {
                HashSet::new()
            } else {
                ids.iter().copied().collect()
            })
        })
    };
    let print = Callback::from(|_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    let quiz = QuizLink {
        selection: Selection::Some(slugs),
        count: Count::Default,
        seed: None,
        ids: None,
        display: ctx.display.clone(),
        review: false,
        levels: None,
    };
    let bank = &ctx.loaded.bank;
    // "These": the matches of a search, else the categories' questions.
    let (quiz_href, quiz_label) = if query.trim().is_empty() {
        (Some(quiz.route()), "Quiz me on these".to_owned())
    } else {
        // A link lists its questions: at most QUIZ_MAX of the matches, in bank order.
        let ids: Vec<String> = matches
            .iter()
            .take(QUIZ_MAX)
            .map(|&i| bank.questions[i].id.clone())
            .collect();
        let label = match (ids.len(), matches.len()) {
            (1, _) => "Quiz me on this one".to_owned(),
            (n, all) if n < all => format!("Quiz me on {n} of these"),
            (n, _) => format!("Quiz me on these {n}"),
        };
        let href = (!ids.is_empty()).then(|| crate::link::quiz_of(bank, &ids, &ctx.display));
        (href, label)
    };
    let status = if query.trim().is_empty() {
        format!("{} questions", index.len())
    } else {
        format!("{} of {} questions match", matches.len(), index.len())
    };
    html! {
        <main class="study">
            <header class="study-head">
                <h1>{ format!("Study: {title}") }</h1>
                <p class="lede">{"Every question with its model answer and key points. Read, recall, then open the answer to check."}</p>
                <div class="actions no-print">
                    if let Some(href) = quiz_href {
                        <a class="button primary" href={format!("#{href}")}>{ quiz_label }</a>
                    }
                    <button class="button" onclick={expand_all}>{ if all_open { "Collapse all" } else { "Expand all" } }</button>
                    <button class="button" onclick={print}>{"Print study sheet"}</button>
                </div>
            </header>
            <div class="search no-print">
                <label for="study-search">{"Search"}</label>
                <input id="study-search" type="search" value={(*query).clone()} {oninput} autocomplete="off"
                    placeholder="Questions, answers, key points, tags" aria-describedby="study-count" />
                <p id="study-count" class="hint" role="status" aria-live="polite">{ status }</p>
            </div>
            <ol class="study-list">
                { for matches.iter().take(shown).map(|&i| {
                    let q = &bank.questions[i];
                    let is_open = open.contains(&i);
                    let category = bank.category(&q.category).map(|c| c.title.clone()).unwrap_or_default();
                    html! {
                        <li class={if is_open { "study-item open" } else { "study-item" }} key={q.id.clone()}>
                            <h2 class="study-q">
                                <button class="study-toggle" aria-expanded={is_open.to_string()}
                                    aria-controls={format!("study-{}", q.id)} onclick={toggle(i)}>
                                    <span class="prompt-text">{ &q.prompt }</span>
                                </button>
                            </h2>
                            <p class="meta">
                                <span class="badge">{ category }</span>
                                <span class="badge difficulty">{ q.difficulty.label() }</span>
                            </p>
                            <div id={format!("study-{}", q.id)} class="study-answer" hidden={!is_open}>
                                <Answer question={q.clone()} />
                            </div>
                        </li>
                    }
                }) }
            </ol>
            if shown < matches.len() {
                <button class="button no-print" onclick={
                    let show_all = show_all.clone();
                    Callback::from(move |_| show_all.set(true))
                }>{ format!("Show all {} matches", matches.len()) }</button>
            }
            if matches.is_empty() {
                <p>{"No question matches these words. Try fewer or shorter words."}</p>
            }
        </main>
    }
}
