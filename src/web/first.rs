//! The first load (`pyprep`, see `src/main.rs`): just enough to put the first question of a
//! quiz link on screen: fetch and parse the bank, open storage, resume or draw the quiz, show
//! the question with its notes box and Reveal. Everything else is the app module
//! (`pyprep-app`), which this screen imports once its first frame is painted and hands the page
//! to: the app renders hidden beside it, then the two swap in one task (no flash), with the
//! focus and the caret carried over. The quiz state travels through the store (and, when
//! storage is refused, as a snapshot of the in-memory values).
//!
//! If the app module can't load, the question stays, Reveal says why the answer can't be
//! shown, and "Try again" imports it again.

use crate::link::{parse_hash, Page, QuizLink};
use crate::quiz::Action;
use crate::store::Store;
use crate::web::adapters::modules::{after_paint, import_app};
use crate::web::adapters::url::use_hash;
use crate::web::app::{
    apply_display, not_found, parse_bank, read_text, start_fetch, ANSWERS_URL, BANK_URL,
};
use crate::web::components::question::{question_view, reveal_button, QuestionView};
use crate::web::components::{link_error, ErrorPage, Notices};
use crate::web::context::{use_ctx, Ctx};
use crate::web::pages::quiz::{quiz_scope, seed_if_missing, session_for};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

thread_local! {
    static HANDLE: RefCell<Option<AppHandle<First>>> = const { RefCell::new(None) };
    /// The bank's download, started before the first render.
    static BANK_DOWNLOAD: RefCell<Option<js_sys::Promise>> = const { RefCell::new(None) };
}

/// Mounts the first screen into `#app`, after installing the panic hook.
pub fn start() {
    crate::web::panic::install();
    mark("first");
    BANK_DOWNLOAD.set(start_fetch(BANK_URL));
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"));
    if let Some(root) = root {
        let handle = yew::Renderer::<First>::with_root(root).render();
        HANDLE.set(Some(handle));
    }
}

/// index.html's first paint (heading, intro, a loading line), shown until replaced.
fn shell() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.get_element_by_id("shell")
}

fn drop_shell() {
    if let Some(shell) = shell() {
        shell.remove();
    }
}

/// `<html data-app>`: `first` until the hand-over, `app` after it, `stuck` if the bank could
/// not be loaded (tests and styles read it).
fn mark(stage: &str) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("data-app", stage);
    }
}

#[derive(Clone, PartialEq)]
enum Bank {
    Loading,
    Failed(String),
    Ready(Rc<crate::bank::Loaded>, Rc<String>),
}

#[component]
fn First() -> Html {
    let hash = use_hash();
    let (page, display) = parse_hash(&hash);
    let store = use_memo(display.embed, |&embedded| {
        crate::web::adapters::storage::open(embedded)
    });
    let bank = use_state(|| Bank::Loading);
    let attempt = use_state(|| 0u32);
    // Why the app module could not be loaded, and a counter to try again.
    let handover = use_state(|| None::<String>);
    let tries = use_state(|| 0u32);
    {
        let bank = bank.clone();
        use_effect_with(*attempt, move |_| {
            bank.set(Bank::Loading);
            wasm_bindgen_futures::spawn_local(async move {
                // The download started with the page; "Try again" starts another.
                let fetch = BANK_DOWNLOAD.take().or_else(|| start_fetch(BANK_URL));
                let text = read_text(BANK_URL, fetch)
                    .await
                    .and_then(|t| t.ok_or_else(|| not_found(BANK_URL)));
                bank.set(match text.and_then(|t| Ok((parse_bank(&t)?, t))) {
                    Ok((loaded, text)) => Bank::Ready(Rc::new(loaded), Rc::new(text)),
                    Err(e) => {
                        mark("stuck");
                        Bank::Failed(e)
                    }
                });
            });
        });
    }
    {
        let ready = match &*bank {
            Bank::Ready(loaded, text) => Some((loaded.clone(), text.clone())),
            _ => None,
        };
        let store = store.clone();
        let handover = handover.clone();
        use_effect_with((ready, *tries), move |(ready, _)| {
            if let Some((loaded, text)) = ready.clone() {
                wasm_bindgen_futures::spawn_local(async move {
                    after_paint().await;
                    if let Err(why) = hand_over(&loaded, &text, &store).await {
                        handover.set(Some(why));
                    }
                });
            }
        });
    }
    use_effect_with(display.clone(), apply_display);
    // index.html's shell stays on view until this screen has something of its own to show.
    let shows = matches!(
        (&*bank, &page),
        (Bank::Failed(_), _) | (Bank::Ready(..), Page::Quiz(_))
    );
    use_effect(move || {
        if shows {
            drop_shell();
        }
    });
    let placeholder = || {
        if shell().is_some() {
            Html::default()
        } else {
            html! { <div class="loading" role="status" aria-live="polite">{"Loading…"}</div> }
        }
    };
    let loaded = match &*bank {
        Bank::Loading => return placeholder(),
        Bank::Failed(message) => {
            let retry = {
                let attempt = attempt.clone();
                Callback::from(move |_| attempt.set(*attempt + 1))
            };
            return html! {
                <div class="app">
                    <ErrorPage title="The questions could not be loaded" message={message.clone()}>
                        <button class="button primary" onclick={retry}>{"Try again"}</button>
                    </ErrorPage>
                </div>
            };
        }
        Bank::Ready(loaded, _) => loaded.clone(),
    };
    let ctx = Ctx {
        loaded,
        // The first screen never runs code: the app module fetches it.
        code: crate::web::context::Code::Loading,
        store: store.clone(),
        display: display.clone(),
        revision: 0,
        changed: Callback::noop(),
        need_code: Callback::noop(),
    };
    let failed = (*handover).clone().map(|why| {
        let tries = tries.clone();
        let handover = handover.clone();
        let retry = Callback::from(move |_| {
            handover.set(None);
            tries.set(*tries + 1);
        });
        html! {
            <div class="notices" role="alert">
                <p class="notice">
                    {"The rest of PyPrep (answers, grading, the other screens) did not load. Check the connection, then "}
                    <button class="button subtle" onclick={retry}>{"Try again"}</button>
                    <small class="reason">{ why }</small>
                </p>
            </div>
        }
    });
    let bars = crate::web::components::top_bars(&page, &display);
    let stuck = handover.is_some();
    let screen = match page {
        Page::Quiz(Ok(link)) => {
            let key = link.route();
            html! { <FirstQuestion {key} {link} {stuck} /> }
        }
        Page::Quiz(Err(e)) => link_error(&e, crate::link::home_route(&display)),
        // The other screens are the app's: until it takes over, index.html's shell shows.
        _ => return placeholder(),
    };
    let class = if display.embed { "app embed" } else { "app" };
    html! {
        <div {class}>
            { bars }
            <ContextProvider<Ctx> context={ctx}>
                <Notices />
                { for failed }
                { screen }
            </ContextProvider<Ctx>>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct FirstQuestionProps {
    link: QuizLink,
    /// The app module could not be loaded (the notice above says why).
    stuck: bool,
}

/// The question of a quiz link, as the quiz shows it before the reveal.
#[component]
fn FirstQuestion(props: &FirstQuestionProps) -> Html {
    let ctx = use_ctx();
    let heading = use_node_ref();
    {
        let link = props.link.clone();
        let loaded = ctx.loaded.clone();
        use_effect_with((), move |_| seed_if_missing(&link, &loaded.bank));
    }
    let session = {
        let store = ctx.store.clone();
        let loaded = ctx.loaded.clone();
        let link = props.link.clone();
        use_state(move || {
            let seed = link.seed.clone()?;
            session_for(&store, &loaded.bank, &link, &seed).ok()
        })
    };
    {
        let store = ctx.store.clone();
        use_effect_with((*session).clone(), move |s| {
            if let Some(s) = s {
                store.save_session(Some(s));
            }
        });
    }
    let reveal = {
        let session = session.clone();
        let store = ctx.store.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(mut next) = (*session).clone() else {
                return;
            };
            if let Some(crate::quiz::Effect::Revealed(id)) =
                next.apply(Action::Reveal, crate::web::now_ms())
            {
                store.update_progress(|p| p.record_seen(&id));
            }
            session.set(Some(next));
        })
    };
    {
        // Space or Enter reveals, as in the quiz (never while typing, never a control's own key).
        let revealed = session.as_ref().is_none_or(|s| s.revealed);
        let reveal = reveal.clone();
        use_effect_with(revealed, move |&revealed| {
            let listener = (!revealed).then(|| {
                web_sys::window().map(|w| {
                    gloo::events::EventListener::new_with_options(
                        &w,
                        "keydown",
                        gloo::events::EventListenerOptions::enable_prevent_default(),
                        move |e| {
                            let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                                return;
                            };
                            let modifiers = e.ctrl_key() || e.meta_key() || e.alt_key();
                            let focus = crate::web::components::question::focus_kind(e.target());
                            if crate::keys::action_for(&e.key(), focus, modifiers, false)
                                == Some(Action::Reveal)
                            {
                                e.prevent_default();
                                reveal.emit(MouseEvent::new("click").unwrap());
                            }
                        },
                    )
                })
            });
            move || drop(listener)
        });
    }
    let bank = &ctx.loaded.bank;
    let Some(s) = (*session).clone() else {
        return match props.link.pool(bank) {
            Err(e) => link_error(&e, crate::link::home_route(&ctx.display)),
            Ok(_) => html! { <div class="loading" role="status">{"Drawing questions…"}</div> },
        };
    };
    let Some(q) = s.current().and_then(|id| bank.question(id)) else {
        // A finished quiz: its summary is the app's.
        return html! { <div class="loading" role="status">{"Loading…"}</div> };
    };
    let on_notes = {
        let session = session.clone();
        Callback::from(move |e: InputEvent| {
            if let (Some(t), Some(mut next)) = (
                e.target_dyn_into::<web_sys::HtmlTextAreaElement>(),
                (*session).clone(),
            ) {
                next.notes = t.value();
                session.set(Some(next));
            }
        })
    };
    let body = match (s.revealed, props.stuck) {
        (true, false) => html! { <p class="pending" role="status">{"Loading the answer…"}</p> },
        (true, true) => html! {
            <p class="pending">{"The answer shows once the rest of PyPrep has loaded: use “Try again” above."}</p>
        },
        (false, _) => reveal_button(reveal.clone()),
    };
    question_view(QuestionView {
        bank,
        display: &ctx.display,
        question: q,
        session: &s,
        scope: quiz_scope(bank, Some(&props.link), &s),
        change_href: format!("#{}", crate::link::home_route(&ctx.display)),
        on_change: None,
        header_extra: Html::default(),
        heading,
        on_notes,
        // The recorder's room, so nothing moves when the app brings it (`.recorder` has a
        // fixed height).
        tools: html! { <div class="recorder" aria-hidden="true"></div> },
        body,
    })
}

/// Where the focus was, so it can be put back on the same control after the swap.
struct Focus {
    selector: &'static str,
    selection: Option<(u32, u32)>,
}

fn remember_focus(document: &web_sys::Document) -> Option<Focus> {
    let active = document.active_element()?;
    let selector = match active.tag_name().as_str() {
        "TEXTAREA" => "textarea",
        "BUTTON" if active.class_name().contains("reveal") => "button.reveal",
        "H1" => "h1.prompt",
        _ => return None,
    };
    let selection = active
        .dyn_ref::<web_sys::HtmlTextAreaElement>()
        .and_then(|t| Some((t.selection_start().ok()??, t.selection_end().ok()??)));
    Some(Focus {
        selector,
        selection,
    })
}

fn restore_focus(root: &web_sys::Element, focus: Focus) {
    let Some(el) = root.query_selector(focus.selector).ok().flatten() else {
        return;
    };
    if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
        let _ = el.focus();
    }
    if let (Some(t), Some((start, end))) = (
        el.dyn_ref::<web_sys::HtmlTextAreaElement>(),
        focus.selection,
    ) {
        let _ = t.set_selection_range(start, end);
    }
}

/// Imports the app module and downloads the answers (if the bank has them apart), renders the
/// app hidden beside this screen, then swaps the two.
async fn hand_over(
    loaded: &crate::bank::Loaded,
    bank_text: &str,
    store: &Store,
) -> Result<(), String> {
    // Both downloads at once: the fetch starts here, the import next.
    let answers = loaded
        .bank
        .needs_answers()
        .then(|| start_fetch(ANSWERS_URL));
    let start = import_app().await?;
    let answers = match answers {
        Some(fetch) => read_text(ANSWERS_URL, fetch).await?,
        None => None,
    };
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let old = document.get_element_by_id("app").ok_or("no #app")?;
    let new = document
        .create_element("div")
        .map_err(|e| crate::web::js_text(&e))?;
    let _ = new.set_attribute("hidden", "");
    old.after_with_node_1(&new)
        .map_err(|e| crate::web::js_text(&e))?;
    let args = js_sys::Array::of4(
        &new,
        &JsValue::from_str(bank_text),
        &answers.map_or(JsValue::NULL, |a| JsValue::from_str(&a)),
        &JsValue::from_str(&store.handover()),
    );
    let rendered = start
        .apply(&JsValue::NULL, &args)
        .map_err(|e| crate::web::js_text(&e))
        .and_then(|p| {
            p.dyn_into::<js_sys::Promise>()
                .map_err(|_| "start() returned no promise".to_owned())
        });
    let rendered = match rendered {
        Ok(p) => JsFuture::from(p).await.map_err(|e| crate::web::js_text(&e)),
        Err(e) => Err(e),
    };
    if let Err(e) = rendered {
        new.remove();
        return Err(e);
    }
    // One task: nothing is painted between removing this screen and showing the app.
    let focus = remember_focus(&document);
    if let Some(handle) = HANDLE.take() {
        handle.destroy();
    }
    old.remove();
    drop_shell();
    new.set_id("app");
    let _ = new.remove_attribute("hidden");
    if let Some(focus) = focus {
        restore_focus(&new, focus);
    }
    mark("app");
    Ok(())
}
