//! The home screen: what PyPrep is, category and count choice, continue, progress, reset.

use crate::bank::Difficulty;
use crate::link::{challenge_route, progress_route, study_route, Count, QuizLink, Selection};
use crate::mock::MockLink;
use crate::progress::{tap_choice, CountChoice, Settings};
use crate::schedule::interval_text;
use crate::stats::{due_summary, DueSummary};
use crate::web::adapters::url::navigate;
use crate::web::components::{use_ctx, SharePanel};
use yew::prelude::*;

/// Every difficulty, in order: the level row's options.
const LEVELS: [Difficulty; 3] = [Difficulty::Junior, Difficulty::Mid, Difficulty::Senior];

/// The quiz link for a choice on the home screen.
pub fn link_for(
    all: &[String],
    chosen: &[String],
    levels: &[Difficulty],
    count: Count,
    display: &crate::link::Display,
) -> QuizLink {
    let selection = if chosen.len() == all.len() {
        Selection::All
    } else {
        // Keep bank order, whatever the click order was.
        Selection::Some(all.iter().filter(|s| chosen.contains(s)).cloned().collect())
    };
    QuizLink {
        selection,
        count,
        seed: None,
        ids: None,
        display: display.clone(),
        review: false,
        levels: (!levels.is_empty() && levels.len() < LEVELS.len()).then(|| levels.to_vec()),
    }
}

#[component]
pub fn Home() -> Html {
    let ctx = use_ctx();
    use_effect_with((), |_| crate::web::set_title(None));
    let bank = &ctx.loaded.bank;
    let all = bank.slugs();
    let settings = {
        let store = ctx.store.clone();
        let all = all.clone();
        use_state(move || {
            let mut s = store.settings();
            s.categories.retain(|c| all.contains(c));
            if s.categories.is_empty() {
                s.categories = all.clone();
            }
            s
        })
    };
    let confirming_reset = use_state(|| false);
    // Focus follows the reset dialog: to Cancel when it opens, back to "Reset progress…" (or,
    // once progress is erased, the section heading) when it closes.
    let (cancel_button, reset_button, progress_heading) =
        (use_node_ref(), use_node_ref(), use_node_ref());
    {
        let refs = (
            cancel_button.clone(),
            reset_button.clone(),
            progress_heading.clone(),
        );
        let opened_once = use_mut_ref(|| false);
        use_effect_with(*confirming_reset, move |&open| {
            let (cancel, reset, heading) = refs;
            if open {
                *opened_once.borrow_mut() = true;
                crate::web::focus(&cancel);
            } else if *opened_once.borrow() {
                crate::web::focus(if reset.get().is_some() {
                    &reset
                } else {
                    &heading
                });
            }
        });
    }
    // Read from storage once per visit of this screen (not on every checkbox click); only
    // the reset below changes them while the screen is shown.
    let stored = {
        let store = ctx.store.clone();
        use_state(move || {
            let graded = store.progress().graded_count();
            let unfinished = store.session().filter(|s| !s.finished() && !s.is_empty());
            (graded, unfinished)
        })
    };
    let (graded, unfinished) = (*stored).clone();
    // The quiz the choices make, and its questions: what Start and Review draw from.
    let link = link_for(
        &all,
        &settings.categories,
        &settings.levels,
        settings.count.count(),
        &ctx.display,
    );
    let pool = link.pool(bank).unwrap_or_default();
    // What the schedule says about those questions: due now, never graded, next due.
    // Read again when the schedule is computed or another tab saves (ctx.revision).
    let schedule = {
        let store = ctx.store.clone();
        let loaded = ctx.loaded.clone();
        use_memo((ctx.revision, pool.clone(), graded), move |(_, pool, _)| {
            let retention = store.settings().retention();
            let now = crate::web::now_ms();
            due_summary(&loaded.bank, &store.progress(), pool, retention, now)
        })
    };
    let DueSummary {
        due,
        new,
        next_in_days: next_in,
    } = *schedule;

    let update = {
        let settings = settings.clone();
        let store = ctx.store.clone();
        move |f: Box<dyn Fn(&mut Settings)>| {
            let mut s = (*settings).clone();
            f(&mut s);
            store.save_settings(&s);
            settings.set(s);
        }
    };
    // One tap picks one, several or all (`progress::tap_choice`), for categories and levels.
    let tap_category = |slug: Option<String>| {
        let update = update.clone();
        let all = all.clone();
        Callback::from(move |_: MouseEvent| {
            let (slug, all) = (slug.clone(), all.clone());
            update(Box::new(move |s| {
                s.categories = match &slug {
                    Some(slug) => tap_choice(&all, &s.categories, slug),
                    None => all.clone(),
                };
            }))
        })
    };
    let tap_level = |level: Option<Difficulty>| {
        let update = update.clone();
        Callback::from(move |_: MouseEvent| {
            update(Box::new(move |s| {
                let chosen = if s.levels.is_empty() {
                    LEVELS.to_vec()
                } else {
                    s.levels.clone()
                };
                let next = match level {
                    Some(l) => tap_choice(&LEVELS, &chosen, &l),
                    None => LEVELS.to_vec(),
                };
                s.levels = if next.len() == LEVELS.len() {
                    Vec::new()
                } else {
                    next
                };
            }))
        })
    };
    let all_chosen = settings.categories.len() == all.len();
    let choose_count = |c: CountChoice| {
        let update = update.clone();
        Callback::from(move |_: Event| update(Box::new(move |s| s.count = c)))
    };
    let chosen_total = pool.len();
    let can_start = chosen_total > 0;
    let starting = settings.count.count().resolve(chosen_total);
    let scope = if all_chosen {
        "all categories".to_owned()
    } else {
        match settings.categories.as_slice() {
            [one] => bank
                .category(one)
                .map_or_else(String::new, |c| c.title.clone()),
            many => format!("{} categories", many.len()),
        }
    };
    let level_text = match settings.levels.as_slice() {
        [] => "every level".to_owned(),
        ls => ls
            .iter()
            .map(|l| l.label())
            .collect::<Vec<_>>()
            .join(" and "),
    };
    let onsubmit = {
        let route = link.route();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            navigate(&route, false);
        })
    };
    let reset = {
        let store = ctx.store.clone();
        let confirming = confirming_reset.clone();
        let settings = settings.clone();
        let stored = stored.clone();
        let all = all.clone();
        Callback::from(move |_| {
            store.reset();
            confirming.set(false);
            stored.set((0, None));
            settings.set(Settings {
                categories: all.clone(),
                ..Settings::default()
            });
        })
    };
    let total = bank.questions.len();
    let level_total = bank
        .questions
        .iter()
        .filter(|q| settings.levels.is_empty() || settings.levels.contains(&q.difficulty))
        .count();

    html! {
        <main class="home">
            if !ctx.display.embed {
                <header class="hero">
                    <h1>{"PyPrep"}</h1>
                    <p class="lede">
                        {"Practise the questions Python developers are asked at technical interviews. "}
                        {"Answer out loud or in the notes box, reveal a model answer, grade yourself honestly. "}
                        {"Everything runs in your browser; your progress stays on this device."}
                    </p>
                </header>
            }
            if let Some(s) = &unfinished {
                <section class="card continue" aria-labelledby="continue-h">
                    <h2 id="continue-h">{"Continue your quiz"}</h2>
                    <p>
                        <strong>{ unfinished_scope(bank, s) }</strong>
                        { format!(": question {} of {} — pick up where you left off.", s.index + 1, s.len()) }
                    </p>
                    <button class="button primary" onclick={
                        let route = s.route.clone();
                        let display = ctx.display.clone();
                        Callback::from(move |_| navigate(&with_display(&route, &display), false))
                    }>{"Continue"}</button>
                </section>
            }
            if can_start && graded > 0 {
                <section class="card review" aria-labelledby="review-h">
                    <h2 id="review-h">{"Review due"}</h2>
                    <p>
                        if due > 0 {
                            <strong class="due-count">{ format!("{due} due") }</strong>
                            { format!(" in the chosen categories, most overdue first{}.",
                                if new > 0 { format!(", then {new} never graded") } else { String::new() }) }
                        } else if let Some(days) = next_in {
                            { format!("Nothing is due in the chosen categories; the next review is {}.", interval_text(days)) }
                            if new > 0 { { format!(" {new} never graded.") } }
                        } else {
                            {"The review schedule (FSRS) brings back each graded question just before you would forget it."}
                        }
                    </p>
                    if due > 0 || new > 0 {
                        <a class="button primary" href={format!("#{}", QuizLink { review: true, ..link.clone() }.route())}>
                            { if due > 0 { format!("Review {due} due") } else { format!("Start {new} new") } }
                        </a>
                    }
                </section>
            }
            <form class="card setup" {onsubmit} aria-labelledby="setup-h">
                <h2 id="setup-h">{"Start a quiz"}</h2>
                // The one primary action first, so it is in view on any screen; the choices follow.
                <div class="start-row">
                    <button class="button primary start" type="submit" disabled={!can_start}>
                        { if can_start {
                            if starting == chosen_total && starting < settings.count.count().resolve(usize::MAX) {
                                format!("Start all {starting} questions")
                            } else {
                                format!("Start {starting} questions")
                            }
                        } else if bank.questions.is_empty() {
                            "No questions to practise".to_owned()
                        } else {
                            "No questions match: change the levels".to_owned()
                        } }
                    </button>
                    <p class="hint start-scope" aria-live="polite">{ format!("From {scope}, {level_text}.") }</p>
                </div>
                if unfinished.is_some() && can_start {
                    <p class="hint">{"Starting a new quiz replaces the unfinished one."}</p>
                }
                <div class="choices" role="group" aria-labelledby="cats-label">
                    <p id="cats-label" class="choice-label">{"Categories"}<span class="hint">{" — tap one, several, or All"}</span></p>
                    <ul class="chip-row">
                        <li><button type="button" class="chip-toggle" aria-pressed={all_chosen.to_string()}
                            onclick={tap_category(None)}>
                            {"All"}<span class="chip-count">{ level_total }</span>
                        </button></li>
                        { for bank.categories.iter().map(|c| {
                            let pressed = !all_chosen && settings.categories.contains(&c.slug);
                            // What the chosen levels leave of the category.
                            let n = bank
                                .questions_in(std::slice::from_ref(&c.slug))
                                .filter(|q| settings.levels.is_empty() || settings.levels.contains(&q.difficulty))
                                .count();
                            html! {
                                <li key={c.slug.clone()}>
                                    <button type="button" class="chip-toggle" aria-pressed={pressed.to_string()}
                                        title={c.description.clone()} onclick={tap_category(Some(c.slug.clone()))}>
                                        { &c.title }<span class="chip-count" aria-label={format!(", {n} questions")}>{ n }</span>
                                    </button>
                                </li>
                            }
                        }) }
                    </ul>
                </div>
                <div class="choices" role="group" aria-labelledby="levels-label">
                    <p id="levels-label" class="choice-label">{"Level"}</p>
                    <ul class="chip-row">
                        <li><button type="button" class="chip-toggle" aria-pressed={settings.levels.is_empty().to_string()}
                            onclick={tap_level(None)}>{"All levels"}</button></li>
                        { for LEVELS.iter().map(|&l| html! {
                            <li><button type="button" class="chip-toggle"
                                aria-pressed={settings.levels.contains(&l).to_string()}
                                onclick={tap_level(Some(l))}>{ l.label() }</button></li>
                        }) }
                    </ul>
                </div>
                <fieldset class="count">
                    <legend>{"How many questions"}</legend>
                    { for CountChoice::ALL.iter().map(|&c| html! {
                        <label class="pill">
                            <input type="radio" name="count" checked={settings.count == c} onchange={choose_count(c)} />
                            <span>{ c.label() }</span>
                        </label>
                    }) }
                </fieldset>
            </form>
            if !ctx.display.embed {
                <section class="card rehearse" aria-labelledby="rehearse-h">
                    <h2 id="rehearse-h">{"Rehearse the interview"}</h2>
                    <ul class="links">
                        <li>
                            <a href={format!("#{}", MockLink { display: ctx.display.clone(), ..MockLink::default() }.route())}>{"Mock interview"}</a>
                            {" — 15, 30 or 45 minutes against the clock, stage by stage, with a report."}
                        </li>
                        <li>
                            <a href={format!("#{}", challenge_route(None, &ctx.display))}>{"Live coding"}</a>
                            { format!(" — {} challenges: write the code and run the tests on real Python in your browser.", crate::challenge::challenges(bank).count()) }
                        </li>
                    </ul>
                    <p class="hint">{"Every question has “Record your answer”: rehearse aloud, then play it back beside the model answer."}</p>
                </section>
                <section class="card study-card" aria-labelledby="study-h">
                    <h2 id="study-h">{"Study mode"}</h2>
                    <p>{"Every question of a category with its model answer on one page, searchable and printable."}</p>
                    <ul class="chips">
                        if can_start {
                            <li><a class="chip" href={format!("#{}", study_route(&link.selection, &ctx.display))}>
                                { if all_chosen { "All categories".to_owned() } else { "The chosen categories".to_owned() } }</a></li>
                        }
                        { for bank.categories.iter().map(|c| html! {
                            <li key={c.slug.clone()}><a class="chip"
                                href={format!("#{}", study_route(&Selection::Some(vec![c.slug.clone()]), &ctx.display))}>
                                { &c.title }</a></li>
                        }) }
                    </ul>
                </section>
            }
            if can_start && !ctx.display.embed {
                <SharePanel categories={link.clone()} />
            }
            if !bank.prep.is_empty() && !ctx.display.embed {
                <section class="card prep" aria-labelledby="prep-h">
                    <h2 id="prep-h">{"How to prepare"}</h2>
                    <ol>
                        { for bank.prep.iter().map(|t| html! {
                            <li><strong>{ &t.title }</strong>{" — "}{ &t.text }</li>
                        }) }
                    </ol>
                </section>
            }
            <section class="card progress-card" aria-labelledby="progress-h">
                <h2 id="progress-h" tabindex="-1" ref={progress_heading}>{"Your progress"}</h2>
                <p>{ format!("You have graded {graded} of {total} questions at least once.") }</p>
                if !ctx.display.embed {
                    <p><a href={format!("#{}", progress_route(&ctx.display))}>
                        {"Open your dashboard"}</a>{": mastery by category, what's due, weak spots, export and import."}</p>
                }
                if graded > 0 || unfinished.is_some() {
                    if *confirming_reset {
                        <div class="confirm" role="group" aria-label="Confirm reset">
                            <p>{"Erase all grades, the unfinished quiz and your choices on this device?"}</p>
                            <button class="button danger" onclick={reset}>{"Erase progress"}</button>
                            <button class="button" ref={cancel_button} onclick={
                                let c = confirming_reset.clone();
                                Callback::from(move |_| c.set(false))
                            }>{"Cancel"}</button>
                        </div>
                    } else {
                        <button class="button subtle" ref={reset_button} onclick={
                            let c = confirming_reset.clone();
                            Callback::from(move |_| c.set(true))
                        }>{"Reset progress…"}</button>
                    }
                }
            </section>
        </main>
    }
}

/// What the unfinished quiz covers, named as its own header names it.
fn unfinished_scope(bank: &crate::bank::Bank, session: &crate::quiz::Session) -> String {
    let link = match crate::link::parse_hash(&format!("#{}", session.route)).0 {
        crate::link::Page::Quiz(Ok(link)) => Some(link),
        _ => None,
    };
    crate::web::pages::quiz::quiz_scope(bank, link.as_ref(), session).0
}

/// A stored quiz route with the current display options (embed, theme) applied.
pub fn with_display(route: &str, display: &crate::link::Display) -> String {
    let (path, query) = route.split_once('?').unwrap_or((route, ""));
    match crate::link::parse_quiz(path.trim_start_matches("/quiz/"), query) {
        Ok(mut link) => {
            link.display = display.clone();
            link.route()
        }
        Err(_) => route.to_owned(),
    }
}
