//! The progress dashboard (`#/progress`): per category coverage, mastery and what is due;
//! reviews per day; the weakest questions and most-missed key points; the schedule's
//! retention; export, import and reset.

use crate::link::{quiz_of, Count, Display, QuizLink, Selection};
use crate::mock::{secs_text, MockRecord};
use crate::stats::{dashboard, distinct_ids, due_summary, CategoryStats, Dashboard};
use crate::web::components::chart::ActivityChart;
use crate::web::components::data::DataPanel;
use crate::web::components::{text_with_code, use_ctx};
use std::collections::HashMap;
use std::rc::Rc;
use yew::prelude::*;

/// A review session of these categories.
pub fn review_of(selection: Selection, display: &Display) -> String {
    QuizLink {
        selection,
        count: Count::Default,
        seed: None,
        ids: None,
        display: display.clone(),
        review: true,
        levels: None,
    }
    .route()
}

fn timezone_offset() -> f64 {
    js_sys::Date::new_0().get_timezone_offset()
}

#[component]
pub fn ProgressPage() -> Html {
    let ctx = use_ctx();
    use_effect_with((), |_| crate::web::set_title(Some("Your progress")));
    let store = ctx.store.clone();
    let bank = ctx.loaded.clone();
    let stats = use_memo(ctx.revision, move |_| {
        let retention = store.settings().retention();
        let (progress, now) = (store.progress(), crate::web::now_ms());
        let all: Vec<String> = bank.bank.questions.iter().map(|q| q.id.clone()).collect();
        (
            Rc::new(dashboard(
                &bank.bank,
                &progress,
                retention,
                now,
                timezone_offset(),
            )),
            due_summary(&bank.bank, &progress, &all, retention, now),
            Rc::new(last_notes(progress)),
        )
    });
    let (stats, summary, notes) = (stats.0.clone(), stats.1, stats.2.clone());
    let bank = &ctx.loaded.bank;
    let graded: usize = stats.categories.iter().map(|c| c.seen).sum();
    let due = summary.due;
    html! {
        <main class="dashboard">
            <h1>{"Your progress"}</h1>
            <p class="lede">
                { format!("You have graded {graded} of {} questions; {due} {} due for review now.",
                    bank.questions.len(), if due == 1 { "is" } else { "are" }) }
                if let (0, Some(days)) = (due, summary.next_in_days) {
                    { format!(" The next one is due {}.", crate::schedule::interval_text(days)) }
                }
            </p>
            if due > 0 {
                <p><a class="button primary" href={format!("#{}", review_of(Selection::All, &ctx.display))}>
                    { format!("Review {due} due") }</a></p>
            }
            <CategoryTable stats={stats.clone()} />
            <ActivityChart days={stats.days.clone()} total={stats.reviews_in_range} offset={timezone_offset()} />
            <WeakSpots stats={stats.clone()} {notes} />
            <MockHistory />
            <DataPanel />
        </main>
    }
}

#[derive(Properties, PartialEq)]
struct StatsProps {
    stats: Rc<Dashboard>,
}

#[component]
fn CategoryTable(props: &StatsProps) -> Html {
    let ctx = use_ctx();
    let row = |c: &CategoryStats| {
        let one = Selection::Some(vec![c.slug.clone()]);
        let percent = c.mastery_percent();
        html! {
            <tr key={c.slug.clone()}>
                <th scope="row">
                    { &c.title }
                    <a class="study-link" href={format!("#{}", crate::link::study_route(&one, &ctx.display))}
                        aria-label={format!("Study {}", c.title)}>{"Study"}</a>
                </th>
                <td data-label="Seen">{ format!("{} of {}", c.seen, c.total) }</td>
                <td data-label="Mastery">
                    <span class="meter" role="img" aria-label={format!("Mastery {percent}%")}>
                        <span class="meter-fill" style={format!("width: {percent}%")}></span>
                    </span>
                    <span class="meter-value">{ format!("{percent}%") }</span>
                </td>
                <td data-label="Due">
                    if c.due > 0 {
                        <a href={format!("#{}", review_of(one, &ctx.display))}
                            aria-label={format!("Review {} due in {}", c.due, c.title)}>{ c.due }</a>
                    } else {
                        { 0 }
                    }
                </td>
            </tr>
        }
    };
    html! {
        <section class="card" aria-labelledby="by-cat-h">
            <h2 id="by-cat-h">{"By category"}</h2>
            <div class="table-wrap" tabindex="0" role="region" aria-label="By category, table">
                <table class="stats by-cat">
                    <thead><tr>
                        <th scope="col">{"Category"}</th>
                        <th scope="col">{"Seen"}</th>
                        <th scope="col">{"Mastery"}</th>
                        <th scope="col">{"Due"}</th>
                    </tr></thead>
                    <tbody>{ for props.stats.categories.iter().map(row) }</tbody>
                </table>
            </div>
            <p class="hint">
                {"Seen: questions graded at least once. Mastery: the share of a category's questions whose latest grade is “Got it” or “Nailed it”. Due: graded questions the review schedule (FSRS) brings back now."}
            </p>
        </section>
    }
}

/// Per question, the notes of its latest review that had some.
fn last_notes(progress: crate::progress::Progress) -> HashMap<String, String> {
    progress
        .questions
        .into_iter()
        .filter_map(|(id, q)| Some((id, q.grades.into_iter().rev().find_map(|g| g.notes)?)))
        .collect()
}

#[derive(Properties, PartialEq)]
struct WeakSpotsProps {
    stats: Rc<Dashboard>,
    /// `last_notes`, read with the dashboard's numbers.
    notes: Rc<HashMap<String, String>>,
}

#[component]
fn WeakSpots(props: &WeakSpotsProps) -> Html {
    let ctx = use_ctx();
    let bank = &ctx.loaded.bank;
    let prompt = |id: &str| {
        bank.question(id)
            .map_or(id.to_owned(), |q| q.prompt.clone())
    };
    let weak_ids = distinct_ids(props.stats.weakest.iter().map(|w| w.id.as_str()));
    let missed_ids = distinct_ids(props.stats.missed_points.iter().map(|m| m.id.as_str()));
    let last_notes = &props.notes;
    let weak = html! {
        <ol class="weak">
            { for props.stats.weakest.iter().map(|w| html! {
                <li key={w.id.clone()}>
                    <a href={format!("#{}", quiz_of(bank, std::slice::from_ref(&w.id), &ctx.display))}>{ prompt(&w.id) }</a>
                    <span class="hint">{ format!(" — last graded “{}”{}", w.last.label(), match w.lapses {
                        0 => String::new(),
                        1 => ", missed once".to_owned(),
                        n => format!(", missed {n} times"),
                    }) }</span>
                    if let Some(notes) = last_notes.get(&w.id) {
                        <details class="your-notes">
                            <summary>{"Your notes"}</summary>
                            <p class="notes-text">{ notes.clone() }</p>
                        </details>
                    }
                </li>
            }) }
        </ol>
    };
    let missed = html! {
        <ol class="missed">
            { for props.stats.missed_points.iter().map(|m| html! {
                <li key={format!("{}-{}", m.id, m.index)}>
                    <span class="point">{ text_with_code(&m.text) }</span>
                    <span class="hint">{ format!(" — left out {} of {} times, in ", m.missed, m.asked) }</span>
                    <a href={format!("#{}", quiz_of(bank, std::slice::from_ref(&m.id), &ctx.display))}>{ prompt(&m.id) }</a>
                </li>
            }) }
        </ol>
    };
    let card = |id: &str, title: &str, empty: &str, list: Html, ids: &[String]| {
        let n = ids.len();
        html! {
            <section class="card" aria-labelledby={id.to_owned()}>
                <h2 id={id.to_owned()}>{ title.to_owned() }</h2>
                if ids.is_empty() {
                    <p>{ empty.to_owned() }</p>
                } else {
                    { list }
                    <a class="button" href={format!("#{}", quiz_of(bank, ids, &ctx.display))}>
                        { if n == 1 { "Practise this question".to_owned() } else { format!("Practise these {n} questions") } }</a>
                }
            </section>
        }
    };
    html! {
        <>
            { card("weak-h", "Weakest questions",
                "None yet: questions whose latest grade is “Missed it” or “Partly” appear here.",
                weak, &weak_ids) }
            { card("missed-h", "Key points you most often leave out",
                "None yet: tick the key points you said when you grade, and the ones you leave out gather here.",
                missed, &missed_ids) }
        </>
    }
}

/// Finished mock interviews, newest first (shown once there is one).
#[component]
fn MockHistory() -> Html {
    let ctx = use_ctx();
    let store = ctx.store.clone();
    let mocks = use_memo(ctx.revision, move |_| store.mocks().records);
    if mocks.is_empty() {
        return html! {};
    }
    let bank = &ctx.loaded.bank;
    let row = |r: &MockRecord| {
        let report = r.report();
        let date = js_sys::Date::new(&r.at.into());
        let when = date
            .to_locale_date_string("default", &wasm_bindgen::JsValue::UNDEFINED)
            .as_string()
            .unwrap_or_default();
        html! {
            <tr key={format!("{}{}", r.at, r.route)}>
                <th scope="row">{ when }</th>
                <td data-label="Interview">{ format!("{}, {} min", r.level.label(), r.minutes) }</td>
                <td data-label="Took">{ secs_text(r.total_secs) }</td>
                <td data-label="Score">
                    { if report.graded > 0 { format!("{}% of {} graded", report.percent(), report.graded) } else { "nothing graded".to_owned() } }
                </td>
                <td data-label="Weakest stage">
                    { report.stages.first().and_then(|s| bank.category(&s.stage)).map(|c| c.title.clone()).unwrap_or_default() }
                </td>
                <td data-label="Practise">
                    if report.weak.is_empty() {
                        {"—"}
                    } else {
                        <a href={format!("#{}", quiz_of(bank, &report.weak, &ctx.display))}>
                            { format!("{} weak", report.weak.len()) }</a>
                    }
                </td>
            </tr>
        }
    };
    html! {
        <section class="card" aria-labelledby="mocks-h">
            <h2 id="mocks-h">{"Mock interviews"}</h2>
            <div class="table-wrap" tabindex="0" role="region" aria-label="Mock interviews, table">
                <table class="stats mocks">
                    <thead><tr>
                        <th scope="col">{"Date"}</th>
                        <th scope="col">{"Interview"}</th>
                        <th scope="col">{"Took"}</th>
                        <th scope="col">{"Score"}</th>
                        <th scope="col">{"Weakest stage"}</th>
                        <th scope="col">{"Practise"}</th>
                    </tr></thead>
                    <tbody>{ for mocks.iter().rev().map(row) }</tbody>
                </table>
            </div>
            <p class="hint">{"Scores are self-assessed: your own grades against the key points."}</p>
        </section>
    }
}
