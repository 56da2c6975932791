//! The quiz screen: one question at a time, reveal, self-grade, keyboard shortcuts.

use crate::bank::Bank;
use crate::link::challenge_route;
use crate::link::LinkError;
use crate::link::{home_route, QuizLink};
use crate::progress::Progress;
use crate::quiz::{resume_or_draw, Action, Effect, ReviewBasis, Session};
use crate::store::Store;
use crate::web::adapters::host::post;
use crate::web::adapters::url::navigate;
use crate::web::components::answer::Answer;
use crate::web::components::grading::Grading;
use crate::web::components::question::{
    end_confirm, question_view, questions_text, quiz_header, reveal_button, undo_button,
    use_quiz_keys, QuestionView,
};
use crate::web::components::recorder::Recorder;
use crate::web::components::{link_error, use_ctx, QUIZ_LINK_ERROR};
use crate::web::context::{record_effect, use_intervals};
use crate::web::focus;
use crate::web::fresh_seed;
use crate::web::pages::summary::Summary;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct QuizPageProps {
    pub link: QuizLink,
}

/// A link without a seed gets one, written into the URL (so the quiz can be shared or
/// reloaded); the new fragment then renders the quiz. A link that can't work (unknown
/// categories, no such questions) is left as it was written, to be shown as an error.
pub fn seed_if_missing(link: &QuizLink, bank: &Bank, store: &Store) {
    if link.seed.is_none() && link.pool(bank).is_ok() {
        let seed = store.seed_to_resume(link).unwrap_or_else(|| {
            let seed = fresh_seed();
            let drawn = QuizLink {
                seed: Some(seed.clone()),
                ..link.clone()
            };
            DRAWN.set(Some(crate::quiz::session_key(&drawn)));
            seed
        });
        let seeded = QuizLink {
            seed: Some(seed),
            ..link.clone()
        };
        navigate(&seeded.route(), true);
    }
}

thread_local! {
    /// The quiz (its key) whose seed this page drew last: the session drawn for it is marked
    /// so (`Session::seed_drawn`), as only such a quiz resumes a seedless link.
    static DRAWN: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// The session a seeded link shows: the stored one if it is this quiz, else a fresh draw (a
/// review link reads the progress and the schedule for it).
pub fn session_for(
    store: &Store,
    bank: &Bank,
    link: &QuizLink,
    seed: &str,
) -> Result<Session, LinkError> {
    let progress = if link.review {
        store.progress()
    } else {
        Progress::default()
    };
    let basis = ReviewBasis {
        progress: &progress,
        retention: store.settings().retention(),
        now: crate::web::now_ms(),
    };
    let key = crate::quiz::session_key(link);
    let drawn = DRAWN.with_borrow(|d| d.as_deref() == Some(key.as_str()));
    resume_or_draw(store.session_of(&key), bank, link, seed, drawn, basis)
}

#[component]
pub fn QuizPage(props: &QuizPageProps) -> Html {
    let ctx = use_ctx();
    let (loaded, store) = (ctx.loaded.clone(), ctx.store.clone());
    use_effect_with(props.link.clone(), move |link| {
        seed_if_missing(link, &loaded.bank, &store)
    });
    match &props.link.seed {
        // resume_or_draw checks seeded links; a seedless one waits for its seed only if it works.
        None => match props.link.pool(&ctx.loaded.bank) {
            Ok(_) => html! { <div class="loading" role="status">{"Drawing questions…"}</div> },
            Err(e) => link_error(QUIZ_LINK_ERROR, &e, &ctx.display),
        },
        Some(seed) => match session_for(&ctx.store, &ctx.loaded.bank, &props.link, seed) {
            Ok(session) => {
                let key = session.route.clone();
                html! { <Quiz {key} {session} link={props.link.clone()} /> }
            }
            Err(e) => link_error(QUIZ_LINK_ERROR, &e, &ctx.display),
        },
    }
}

#[derive(Properties, PartialEq)]
struct QuizProps {
    session: Session,
    link: QuizLink,
}

/// Category titles of the quiz, for the header: the categories the link chose (a short quiz
/// of all categories is still "All categories", whichever ones its draw happened to reach).
pub fn quiz_scope(bank: &Bank, link: Option<&QuizLink>, session: &Session) -> (String, String) {
    // A quiz of listed questions ("practise the ones you missed") says so, not "All categories".
    // In an embed the list is the host page's (a careers page's fixed set), not the reader's.
    if let Some(link) = link.filter(|l| l.ids.is_some()) {
        let n = session.len();
        let questions = if n == 1 { "question" } else { "questions" };
        let cats = cats_text(bank, &session.categories(bank));
        if link.display.embed {
            // Listed ids this bank doesn't have are said, not dropped silently: the page's
            // owner wrote them.
            let unknown = link.unknown_ids(bank);
            let missing = match unknown.as_slice() {
                [] => String::new(),
                [one] => format!(
                    " One listed question isn't in this question bank: “{}”.",
                    crate::link::quoted(one)
                ),
                more => format!(
                    " {} listed questions aren't in this question bank: {}.",
                    more.len(),
                    more.iter()
                        .map(|id| format!("“{}”", crate::link::quoted(id)))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            return (
                format!("{n} {questions}"),
                format!("A set of {n} {questions} chosen for this quiz, from {cats}.{missing}"),
            );
        }
        return (
            format!("Practice: {n} {questions}"),
            format!(
                "{} you picked to practise again, from {cats}.",
                if n == 1 { "One question" } else { "Questions" },
            ),
        );
    }
    if link.is_some_and(|l| l.review) {
        let (title, _) = scope_of(bank, link, session);
        return (
            format!("Review: {title}"),
            "Due questions, most overdue first, then ones you have never graded.".to_owned(),
        );
    }
    let (title, desc) = scope_of(bank, link, session);
    match link.and_then(|l| l.levels.as_ref()) {
        Some(levels) => {
            let names: Vec<_> = levels.iter().map(|l| l.label()).collect();
            (
                title,
                format!("{desc} {} questions only.", names.join(" and ")),
            )
        }
        None => (title, desc),
    }
}

/// "Core Python and OOP", "3 categories": the categories named briefly.
fn cats_text(bank: &Bank, slugs: &[String]) -> String {
    let titles: Vec<&str> = slugs
        .iter()
        .filter_map(|s| bank.category(s))
        .map(|c| c.title.as_str())
        .collect();
    match titles.as_slice() {
        [one] => (*one).to_owned(),
        [a, b] => format!("{a} and {b}"),
        many => format!("{} categories", many.len()),
    }
}

fn scope_of(bank: &Bank, link: Option<&QuizLink>, session: &Session) -> (String, String) {
    let slugs = link
        .and_then(|l| l.resolve_categories(bank).ok())
        .unwrap_or_else(|| session.categories(bank));
    let cats: Vec<_> = slugs.iter().filter_map(|s| bank.category(s)).collect();
    match cats.as_slice() {
        [one] => (one.title.clone(), one.description.clone()),
        many if many.len() == bank.categories.len() => (
            "All categories".to_owned(),
            "Questions drawn from every part of a Python interview.".to_owned(),
        ),
        many => (
            many.iter()
                .map(|c| c.title.as_str())
                .collect::<Vec<_>>()
                .join(" · "),
            format!("Questions drawn from {} categories.", many.len()),
        ),
    }
}

#[component]
fn Quiz(props: &QuizProps) -> Html {
    let ctx = use_ctx();
    let session = use_state(|| props.session.clone());
    let heading = use_node_ref();
    let answer_heading = use_node_ref();
    // Move focus only after the learner acted (here, or by a button that led here): never
    // steal it when the page opens (embeds!).
    let acted = use_mut_ref(crate::web::adapters::url::followed_a_click);
    // The session as last saved or taken over, and whether the state on screen came from the
    // other tab (then it is not saved back: a stale echo could overwrite that tab's newer save).
    let shown = use_mut_ref(|| (*session).clone());
    let taken_over = use_mut_ref(|| false);
    {
        let store = ctx.store.clone();
        let (shown, taken_over) = (shown.clone(), taken_over.clone());
        use_effect_with((*session).clone(), move |s| {
            *shown.borrow_mut() = s.clone();
            if !std::mem::take(&mut *taken_over.borrow_mut()) {
                store.save_session(s);
            }
        });
    }
    // The same quiz open in another tab: what it saves shows here too (the last save wins), so
    // this tab never grades a question the other one already graded.
    {
        let store = ctx.store.clone();
        let session = session.clone();
        use_effect_with(session.route.clone(), move |route| {
            let route = route.clone();
            let listener = crate::web::adapters::storage::on_other_tab_save(move || {
                let Some(saved) = store.session_of(&route) else {
                    return;
                };
                if saved != *shown.borrow() {
                    *shown.borrow_mut() = saved.clone();
                    *taken_over.borrow_mut() = true;
                    session.set(saved);
                }
            });
            move || drop(listener)
        });
    }
    {
        // A quiz nobody has acted on tells the host page it started; one shown finished (a
        // reload of its summary) tells it again that it finished, so the page can still show
        // what comes next.
        let bank = ctx.loaded.clone();
        let session = session.clone();
        use_effect_with((), move |_| {
            if session.finished() {
                post(&session.finished_event(&bank.bank));
            } else if let Some(event) = session.start_event(&bank.bank) {
                post(&event);
            }
        });
    }
    // Ending a locked quiz asks first: the question asked, and the focus on its safe answer.
    let confirm_end = use_state(|| false);
    let (end_ref, keep_ref) = (use_node_ref(), use_node_ref());
    {
        // Asked about one question, not the next: a grade meanwhile closes it.
        let confirm_end = confirm_end.clone();
        use_effect_with(session.index, move |_| confirm_end.set(false));
    }
    let dispatch = {
        let session = session.clone();
        let store = ctx.store.clone();
        let acted = acted.clone();
        let bank = ctx.loaded.clone();
        let locked = ctx.display.lock;
        Callback::from(move |action: Action| {
            if action == Action::Undo && !session.may_undo(locked) {
                return;
            }
            let mut next = (*session).clone();
            let effect = next.apply(action, crate::web::now_ms());
            if effect.is_none() && next == *session {
                return;
            }
            if let Some(effect) = &effect {
                record_effect(&store, &bank.bank, effect);
            }
            if let Some(Effect::Graded { grade, .. }) = &effect {
                for event in next.host_events_after_grade(&bank.bank, *grade) {
                    post(&event);
                }
            }
            if action == Action::End && !session.finished() {
                post(&next.finished_event(&bank.bank));
            }
            // Ticking a box is not navigation: focus stays on the box.
            if !matches!(action, Action::Tick(_)) {
                *acted.borrow_mut() = true;
            }
            session.set(next);
        })
    };
    // Listening on the summary too: U takes the last grade back there.
    use_quiz_keys(dispatch.clone(), session.revealed, session.index);
    {
        let heading = heading.clone();
        let answer_heading = answer_heading.clone();
        let acted = acted.clone();
        use_effect_with((session.index, session.revealed), move |(_, revealed)| {
            if *acted.borrow() {
                focus(if *revealed { &answer_heading } else { &heading });
            }
        });
    }

    let intervals = use_intervals(session.current().map(str::to_owned), session.revealed)
        // A careers page's candidate has no review schedule to think of.
        .filter(|_| !ctx.display.lock);
    let bank = &ctx.loaded.bank;
    let (scope_title, scope_desc) = quiz_scope(bank, Some(&props.link), &session);
    let total = session.len();
    use_effect_with(
        (session.index, total, session.finished()),
        |&(index, total, done)| {
            crate::web::set_title(Some(&if done {
                "Quiz complete".to_owned()
            } else {
                format!("Question {} of {total}", index + 1)
            }))
        },
    );
    let change = {
        // Home opens with this quiz's categories ticked, ready to adjust: those its link chose
        // ("all" stays all), or for a set of listed questions, theirs.
        let route = home_route(&ctx.display);
        let store = ctx.store.clone();
        let categories = Some(&props.link)
            .filter(|l| l.ids.is_none())
            .and_then(|l| l.resolve_categories(bank).ok())
            .unwrap_or_else(|| session.categories(bank));
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            let mut settings = store.settings();
            settings.categories = categories.clone();
            store.save_settings(&settings);
            navigate(&route, false);
        })
    };
    let undo_allowed = session.may_undo(ctx.display.lock);
    let undo = session
        .undo
        .as_ref()
        .filter(|_| undo_allowed)
        .map(|u| undo_button(u.grade, dispatch.clone()));
    // Leaving early still shows what was done (the summary of the graded questions).
    // Once something is graded (a summary of nothing says nothing). Locked, ending is for
    // good (no Undo, and the host page is told), so it asks first.
    let end = (!session.finished() && session.len() > 1 && session.graded() > 0).then(|| {
        let end = {
            let dispatch = dispatch.clone();
            Callback::from(move |_: MouseEvent| dispatch.emit(Action::End))
        };
        if !ctx.display.lock {
            return html! {
                <button type="button" class="link-button end" onclick={end}>
                    {"End the quiz here and see the summary"}
                </button>
            };
        }
        if !*confirm_end {
            let (confirm_end, keep_ref) = (confirm_end.clone(), keep_ref.clone());
            let ask = Callback::from(move |_| {
                confirm_end.set(true);
                crate::web::focus_after_render(keep_ref.clone());
            });
            return html! {
                <button type="button" class="link-button end" onclick={ask} ref={end_ref.clone()}>
                    {"End the quiz here…"}
                </button>
            };
        }
        let left = questions_text(session.len() - session.graded());
        let question = format!("End now? {left} won't be graded, and this can't be undone.");
        end_confirm("quiz", question, end, &confirm_end, &keep_ref, &end_ref)
    });
    let change_href = format!("#{}", home_route(&ctx.display));
    if session.finished() {
        return html! {
            <main class="quiz">
                { quiz_header((scope_title, scope_desc), change_href, Some(change), html! { { for undo } }, &ctx.display) }
                <Summary session={(*session).clone()} link={props.link.clone()}
                    take_focus={*acted.borrow()} />
            </main>
        };
    }
    let Some(q) = session.current().and_then(|id| bank.question(id)) else {
        // resume_or_draw only yields sessions whose ids exist in the bank.
        return html! {};
    };
    let on_notes = {
        let session = session.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(t) = e.target_dyn_into::<web_sys::HtmlTextAreaElement>() {
                let mut next = (*session).clone();
                next.notes = t.value();
                session.set(next);
            }
        })
    };
    let reveal = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::Reveal))
    };
    let body = if session.revealed {
        // Long answers: a way down to the key points and grades, and back up.
        let jump = |to: String, label: &'static str| {
            let onclick = Callback::from(move |_: MouseEvent| {
                if let Some(el) = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.get_element_by_id(&to))
                    .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
                {
                    let _ = el.set_attribute("tabindex", "-1");
                    let _ = el.focus();
                    el.scroll_into_view();
                }
            });
            html! { <button type="button" class="link-button jump" {onclick}>{ label }</button> }
        };
        html! {
            <>
                <p class="jumps">{ jump(if q.key_points.is_empty() { "grade-label" } else { "grading-h" }.to_owned(),
                    "Skip to the key points and grades ↓") }</p>
                <Answer question={q.clone()} heading={answer_heading.clone()} key_points={false} />
                <Grading key_points={q.key_points.iter().cloned().map(AttrValue::from).collect::<Vec<_>>()}
                    ticks={session.ticks} {intervals} dispatch={dispatch.clone()} />
                <p class="jumps">{ jump(format!("answer-{}", q.id), "Back to the answer ↑") }</p>
            </>
        }
    } else {
        reveal_button(reveal)
    };
    // At the foot of the card: the first screen has nothing there, so nothing moves when the
    // app takes over.
    let body = html! {
        <>
            { body }
            <div class="end-row">
                if q.challenge.is_some() && !ctx.display.embed && !ctx.display.lock {
                    <p class="hint">
                        <a href={format!("#{}", challenge_route(Some(&q.id), &ctx.display))}>{"Write and run it in the editor"}</a>
                        {" (live coding, opens the challenge page)."}
                    </p>
                }
                { for end }
            </div>
        </>
    };
    question_view(QuestionView {
        bank,
        display: &ctx.display,
        question: q,
        session: &session,
        scope: (scope_title, scope_desc),
        change_href,
        on_change: Some(change),
        header_extra: html! { { for undo } },
        heading,
        on_notes,
        tools: html! { <Recorder id={AttrValue::from(q.id.clone())} revealed={session.revealed} /> },
        body,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_listed_set_is_the_readers_on_the_site_and_the_hosts_in_an_embed() {
        let bank = crate::bank::parse(include_str!("../../../questions.json"))
            .unwrap()
            .bank;
        let ids: Vec<String> = bank.questions[..2].iter().map(|q| q.id.clone()).collect();
        let link = |query: &str| crate::link::parse_quiz("core", query).unwrap();
        let session = Session::new("/quiz/core".into(), ids.clone());
        let listed = ids.join(",");
        let (title, desc) = quiz_scope(&bank, Some(&link(&format!("ids={listed}"))), &session);
        assert_eq!(title, "Practice: 2 questions");
        assert!(
            desc.starts_with("Questions you picked to practise again"),
            "{desc}"
        );
        let embed = link(&format!("ids={listed}&embed=1&lock=1"));
        let (title, desc) = quiz_scope(&bank, Some(&embed), &session);
        assert_eq!(title, "2 questions");
        assert!(
            desc.starts_with("A set of 2 questions chosen for this quiz, from "),
            "{desc}"
        );
    }
}
