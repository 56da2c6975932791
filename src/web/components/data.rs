//! Your data in your hands: the schedule's desired retention, export, import (validated, with a
//! preview, merged as a union) and reset (one category or everything), each confirmed.

use crate::mock::{import_records, MockRecord};
use crate::progress::{export, import, preview_import, ImportPreview, Progress, IMPORT_LIMIT};
use crate::schedule::{MAX_RETENTION, MIN_RETENTION};
use crate::web::adapters::files::{download, read_picked};
use crate::web::components::use_ctx;
use crate::web::context::reschedule;
use yew::prelude::*;

/// Downloads the progress as a JSON file; says so if the browser refuses.
#[component]
pub fn ExportButton() -> Html {
    let ctx = use_ctx();
    let result = use_state(|| None::<Result<(), String>>);
    // In a frame, the host page's sandbox may block downloads without a word: the exported
    // text is offered to copy as well.
    let copy = use_state(|| None::<String>);
    let onclick = {
        let store = ctx.store.clone();
        let result = result.clone();
        let copy = copy.clone();
        Callback::from(move |_| {
            let now = crate::web::now_ms();
            // The learner's own calendar day (the chart's days are local too).
            let d = js_sys::Date::new(&now.into());
            let date = format!(
                "{:04}-{:02}-{:02}",
                d.get_full_year(),
                d.get_month() + 1,
                d.get_date()
            );
            let name = format!("pyprep-progress-{date}.json");
            let text = export(&store.progress(), &store.mocks().records, now);
            let done = download(&name, &text, "application/json");
            if done.is_err() || crate::web::adapters::host::is_framed() {
                copy.set(Some(text));
            }
            result.set(Some(done));
        })
    };
    html! {
        <>
            <button class="button" {onclick}>{"Export progress"}</button>
            if let Some(Err(why)) = &*result {
                <span class="error" role="alert">{ format!(" The download was refused ({why}).") }</span>
            }
            if let Some(text) = &*copy {
                <details class="export-copy">
                    <summary>{"No file? Copy the data instead"}</summary>
                    <p class="hint">{"Save this text as a .json file to import it later (a page that frames PyPrep may block downloads)."}</p>
                    <textarea readonly=true rows="4" aria-label="Your progress, as the exported file" spellcheck="false"
                        value={text.clone()} onfocus={Callback::from(|e: FocusEvent| {
                            if let Some(t) = e.target_dyn_into::<web_sys::HtmlTextAreaElement>() {
                                t.select();
                            }
                        })} />
                </details>
            }
        </>
    }
}

#[component]
pub fn DataPanel() -> Html {
    html! {
        <section class="card data" aria-labelledby="data-h">
            <h2 id="data-h">{"Schedule and data"}</h2>
            <RetentionSetting />
            <h3>{"Your data"}</h3>
            <p>{"Progress lives only in this browser. Export it to keep a copy or move it to another device; importing a file adds its reviews to the ones here and never removes any."}</p>
            <div class="actions"><ExportButton /></div>
            <ImportFile />
            <ResetProgress />
        </section>
    }
}

#[component]
fn RetentionSetting() -> Html {
    let ctx = use_ctx();
    let percent = (ctx.store.settings().retention() * 100.0).round() as u32;
    let oninput = {
        let store = ctx.store.clone();
        let changed = ctx.changed.clone();
        Callback::from(move |e: InputEvent| {
            let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() else {
                return;
            };
            let Ok(v) = input.value().parse::<f32>() else {
                return;
            };
            let mut s = store.settings();
            s.retention = (v / 100.0).clamp(MIN_RETENTION, MAX_RETENTION);
            store.save_settings(&s);
            reschedule(&store);
            changed.emit(());
        })
    };
    html! {
        <div class="retention">
            <label for="retention">{ format!("Desired retention: {percent}%") }</label>
            <input id="retention" type="range" min={(MIN_RETENTION * 100.0).round().to_string()}
                max={(MAX_RETENTION * 100.0).round().to_string()} step="1" value={percent.to_string()}
                {oninput} aria-describedby="retention-hint" />
            <p id="retention-hint" class="hint">
                {"The chance of recalling an answer when it comes back for review (80–97%, default 90%). Higher means more frequent reviews and less forgetting; what is due changes as you move it."}
            </p>
        </div>
    }
}

#[derive(Clone, PartialEq)]
enum Import {
    Idle,
    Preview {
        name: String,
        incoming: std::rc::Rc<Progress>,
        preview: ImportPreview,
        /// The file's finished mock interviews, and how many are new here.
        mocks: std::rc::Rc<Vec<MockRecord>>,
        new_mocks: usize,
    },
    Done(String),
    Failed(String),
}

#[component]
fn ImportFile() -> Html {
    let ctx = use_ctx();
    let state = use_state(|| Import::Idle);
    let input = use_node_ref();
    let onchange = {
        let state = state.clone();
        let input = input.clone();
        let store = ctx.store.clone();
        let bank = ctx.loaded.clone();
        Callback::from(move |_: Event| {
            let Some(el) = input.cast::<web_sys::HtmlInputElement>() else {
                return;
            };
            let state = state.clone();
            let store = store.clone();
            let bank = bank.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let picked = read_picked(&el, IMPORT_LIMIT).await;
                el.set_value("");
                state.set(match picked {
                    Ok(None) => Import::Idle,
                    Err(why) => Import::Failed(why),
                    Ok(Some((name, text))) => match import(&text, crate::web::now_ms()) {
                        Err(e) => Import::Failed(format!("“{name}”: {e}")),
                        Ok(incoming) => {
                            let preview = preview_import(&store.progress(), &incoming, |id| {
                                bank.bank.question(id).is_some()
                            });
                            let mocks = import_records(&text);
                            Import::Preview {
                                name,
                                incoming: std::rc::Rc::new(incoming),
                                preview,
                                new_mocks: store.mocks().new_in(&mocks),
                                mocks: std::rc::Rc::new(mocks),
                            }
                        }
                    },
                });
            });
        })
    };
    // After Import or Cancel the confirm box is gone: the focus goes to what replaced it (the
    // result) or back to the file button, not to the top of the page.
    let result = use_node_ref();
    let refocus = use_mut_ref(|| false);
    {
        let (result, input, refocus) = (result.clone(), input.clone(), refocus.clone());
        // On every change of step (Cancel goes from the preview back to nothing shown).
        let done = matches!(*state, Import::Done(_));
        let step = std::mem::discriminant(&*state);
        use_effect_with(step, move |_| {
            if std::mem::take(&mut *refocus.borrow_mut()) {
                crate::web::focus(if done { &result } else { &input });
            }
        });
    }
    let body = match &*state {
        Import::Idle => Html::default(),
        Import::Done(message) => {
            html! { <p class="done" role="status" tabindex="-1" ref={result.clone()}>{ message }</p> }
        }
        Import::Failed(why) => html! { <p class="error" role="alert">{ why }</p> },
        Import::Preview {
            name,
            incoming,
            preview,
            mocks,
            new_mocks,
        } => {
            let new_mocks = *new_mocks;
            let apply = {
                let state = state.clone();
                let incoming = incoming.clone();
                let mocks = mocks.clone();
                let store = ctx.store.clone();
                let changed = ctx.changed.clone();
                let preview = preview.clone();
                let refocus = refocus.clone();
                Callback::from(move |_| {
                    *refocus.borrow_mut() = true;
                    // All or nothing: a file this browser can't keep changes nothing.
                    if let Err(e) = store.try_update_progress(|p| p.merge(&incoming)) {
                        state.set(Import::Failed(format!(
                            "Nothing was imported: this browser's storage can't hold that much ({e}). Your progress is as it was."
                        )));
                        return;
                    }
                    if !mocks.is_empty() {
                        store.update_mocks(|m| m.merge(&mocks));
                    }
                    reschedule(&store);
                    changed.emit(());
                    let mut done = format!(
                        "Imported {} into {}",
                        counted(preview.new_reviews, "new review", "new reviews"),
                        counted(preview.questions, "question", "questions"),
                    );
                    if new_mocks > 0 {
                        done += &format!(
                            " and {}",
                            counted(new_mocks, "mock interview", "mock interviews")
                        );
                    }
                    state.set(Import::Done(done + "."));
                })
            };
            let cancel = {
                let (state, refocus) = (state.clone(), refocus.clone());
                Callback::from(move |_| {
                    *refocus.borrow_mut() = true;
                    state.set(Import::Idle);
                })
            };
            html! {
                <div class="confirm" role="group" aria-label="Confirm import">
                    <p role="status">{ import_summary(name, preview, new_mocks) }</p>
                    if preview.new_reviews > 0 || new_mocks > 0 {
                        <button class="button primary" onclick={apply}>{"Import"}</button>
                    }
                    <button class="button" onclick={cancel}>{"Cancel"}</button>
                </div>
            }
        }
    };
    html! {
        <div class="import">
            <label class="button file">
                {"Import progress…"}
                <input ref={input} type="file" accept=".json,application/json" {onchange} class="visually-hidden" />
            </label>
            { body }
        </div>
    }
}

/// "1 review", "3 reviews".
fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn import_summary(name: &str, p: &ImportPreview, new_mocks: usize) -> String {
    let mocks = match new_mocks {
        0 => String::new(),
        n => format!(
            " It also holds {} not here yet.",
            counted(n, "mock interview", "mock interviews")
        ),
    };
    if p.new_reviews == 0 && new_mocks > 0 {
        return format!("“{name}” holds no new reviews.{mocks} Nothing here is removed.");
    }
    let limit = crate::progress::HISTORY_LIMIT;
    if p.new_reviews == 0 && p.too_old > 0 {
        return format!(
            "“{name}” holds nothing new to keep: {} already here, and {} older than the latest {limit} each question keeps.",
            counted(p.known_reviews, "review", "reviews"),
            p.too_old,
        );
    }
    if p.new_reviews == 0 {
        return format!(
            "“{name}” holds nothing new: its {} are already here.",
            counted(p.known_reviews, "review", "reviews")
        );
    }
    let mut s = format!(
        "“{name}”: {} will gain {}",
        counted(p.questions, "question", "questions"),
        counted(p.new_reviews, "new review", "new reviews"),
    );
    if p.known_reviews > 0 {
        s += &format!(" ({} already here are skipped)", p.known_reviews);
    }
    if p.unknown_questions > 0 {
        s += &match p.unknown_questions {
            1 => "; 1 of these questions is not in this question bank and is kept in case it returns"
                .to_owned(),
            n => format!(
                "; {n} of these questions are not in this question bank and are kept in case they return"
            ),
        };
    }
    if p.too_old > 0 {
        s += &format!(
            "; {} older than the latest {limit} a question keeps {} left out",
            p.too_old,
            if p.too_old == 1 { "is" } else { "are" }
        );
    }
    let removed = match p.dropped_reviews {
        0 => " Nothing here is removed.".to_owned(),
        n => format!(
            " Each question keeps its latest {limit} reviews: {} here make way.",
            counted(n, "older review", "older reviews")
        ),
    };
    s + "." + &mocks + &removed
}

#[component]
fn ResetProgress() -> Html {
    let ctx = use_ctx();
    // The category chosen for a reset, "" for everything; `confirming` once asked.
    let target = use_state(String::new);
    let confirming = use_state(|| false);
    let done = use_state(|| None::<String>);
    // Each step replaces the control just pressed: the focus goes to the question asked, back
    // to "Reset…", or to what was erased (it fell to <body>).
    let (question, reset_button, result) = (use_node_ref(), use_node_ref(), use_node_ref());
    let refocus = use_mut_ref(|| None::<NodeRef>);
    {
        let refocus = refocus.clone();
        use_effect_with((*confirming, done.is_some()), move |_| {
            let target = refocus.borrow_mut().take();
            if let Some(target) = target {
                crate::web::focus(&target);
            }
        });
    }
    let bank = &ctx.loaded.bank;
    let title = |slug: &str| {
        bank.category(slug)
            .map_or("all categories".to_owned(), |c| c.title.clone())
    };
    let onchange = {
        let target = target.clone();
        Callback::from(move |e: Event| {
            if let Some(s) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
                target.set(s.value());
            }
        })
    };
    let erase = {
        let (target, confirming, done) = (target.clone(), confirming.clone(), done.clone());
        let (refocus, result) = (refocus.clone(), result.clone());
        let store = ctx.store.clone();
        let changed = ctx.changed.clone();
        let loaded = ctx.loaded.clone();
        Callback::from(move |_| {
            let slug = (*target).clone();
            if slug.is_empty() {
                store.reset();
            } else {
                let ids = loaded
                    .bank
                    .questions_in(std::slice::from_ref(&slug))
                    .map(|q| q.id.clone());
                let ids: Vec<String> = ids.collect();
                store.update_progress(|p| p.forget(&ids));
            }
            *refocus.borrow_mut() = Some(result.clone());
            confirming.set(false);
            done.set(Some(slug));
            changed.emit(());
        })
    };
    html! {
        <div class="reset">
            <h3>{"Reset"}</h3>
            <label for="reset-what">{"Erase the progress of "}</label>
            <select id="reset-what" {onchange}>
                <option value="" selected={target.is_empty()}>{"all categories (and the unfinished quiz and choices)"}</option>
                { for bank.categories.iter().map(|c| html! {
                    <option value={c.slug.clone()} selected={*target == c.slug}>{ &c.title }</option>
                }) }
            </select>
            if *confirming {
                <div class="confirm" role="group" aria-label="Confirm reset">
                    <p tabindex="-1" ref={question}>{ format!("Erase the grades and schedule of {} on this device? Export first if you may want them back.", title(&target)) }</p>
                    <button class="button danger" onclick={erase}>{"Erase"}</button>
                    <button class="button" onclick={
                        let (c, r, to) = (confirming.clone(), refocus.clone(), reset_button.clone());
                        Callback::from(move |_| { *r.borrow_mut() = Some(to.clone()); c.set(false) })
                    }>{"Cancel"}</button>
                </div>
            } else {
                <button class="button subtle" ref={reset_button.clone()} onclick={
                    let (c, d, r, to) = (confirming.clone(), done.clone(), refocus.clone(), question.clone());
                    Callback::from(move |_| { *r.borrow_mut() = Some(to.clone()); d.set(None); c.set(true) })
                }>{"Reset…"}</button>
            }
            if let Some(slug) = &*done {
                <p class="done" role="status" tabindex="-1" ref={result}>{ format!("Erased the progress of {}.", title(slug)) }</p>
            }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_import_summary_agrees_in_number() {
        let preview = |unknown| ImportPreview {
            questions: 3,
            new_reviews: 4,
            known_reviews: 0,
            unknown_questions: unknown,
            dropped_reviews: 0,
            too_old: 0,
        };
        let one = import_summary("a.json", &preview(1), 0);
        assert!(
            one.contains(
                "1 of these questions is not in this question bank and is kept in case it returns."
            ),
            "{one}"
        );
        let two = import_summary("a.json", &preview(2), 0);
        assert!(two.contains("2 of these questions are not in this question bank and are kept in case they return."), "{two}");
        assert!(two.ends_with(" Nothing here is removed."), "{two}");
        // The history cap, said as it is: what makes way here, what of the file is left out.
        let capped = ImportPreview {
            dropped_reviews: 10,
            too_old: 1,
            ..preview(0)
        };
        let text = import_summary("a.json", &capped, 0);
        assert!(
            text.contains("; 1 older than the latest 50 a question keeps is left out."),
            "{text}"
        );
        assert!(
            text.ends_with(
                " Each question keeps its latest 50 reviews: 10 older reviews here make way."
            ),
            "{text}"
        );
        assert!(!text.contains("Nothing here is removed"), "{text}");
        let old_only = ImportPreview {
            new_reviews: 0,
            known_reviews: 2,
            too_old: 10,
            ..preview(0)
        };
        assert_eq!(
            import_summary("a.json", &old_only, 0),
            "“a.json” holds nothing new to keep: 2 reviews already here, and 10 older than the latest 50 each question keeps."
        );
    }
}
