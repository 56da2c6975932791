//! The first load (`pyprep`, see `src/main.rs`): just enough to put the first question of a
//! quiz link on screen: take the bank's prompts (downloaded by `index.html` with this module),
//! open storage, resume or draw the quiz, show the question with its notes box and Reveal.
//! Everything else is the app module (`pyprep-app`), which this screen imports once its first
//! frame is painted and hands the page to: the app renders hidden beside it, then the two swap
//! in one task (no flash), with the focus and the caret carried over. The quiz state travels
//! through the store (and, when storage is refused, as a snapshot of the in-memory values).
//!
//! No Yew here: its code and its first render took longer than everything else before the
//! question. The screen is a state ([`Screen`]) and one function that writes its markup
//! (`view`, HTML text) into `#app`; one listener per event kind, on `#app` and the window,
//! acts on the `data-do` of what was clicked. Every change re-renders in a microtask.
//!
//! If the app module can't load, the question stays, Reveal says why the answer can't be
//! shown, and "Try again" imports it again.

mod view;

use crate::bank::Loaded;
use crate::link::{home_route, parse_hash, Page, QuizLink};
use crate::quiz::{Action, Session};
use crate::store::Store;
use crate::web::adapters::modules::{after_paint, import_app};
use crate::web::adapters::url::{base_href, current_hash, navigate};
use crate::web::app::{
    apply_display, not_found, parse_bank, read_text, start_fetch, ANSWERS_URL, BANK_URL,
};
use crate::web::pages::quiz::{quiz_scope, seed_if_missing, session_for};
use gloo::events::{EventListener, EventListenerOptions};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{spawn_local, JsFuture};

thread_local! {
    /// The screen until the hand-over (then `None`: its listeners are gone with it).
    static SCREEN: RefCell<Option<Screen>> = const { RefCell::new(None) };
    static RENDER_QUEUED: Cell<bool> = const { Cell::new(false) };
    /// A press on Reveal not yet released: if the swap comes between its pointerdown and its
    /// pointerup, the browser sends the click to neither button (see `hand_over`).
    static PRESSING_REVEAL: Cell<bool> = const { Cell::new(false) };
}

enum Bank {
    Loading,
    Failed(String),
    Ready(Rc<Loaded>, Rc<String>),
}

struct Screen {
    root: web_sys::Element,
    store: Rc<Store>,
    bank: Bank,
    /// The quiz on screen: its route and session (`None` until its link has a seed).
    quiz: Option<(String, Option<Session>)>,
    /// Why the app module could not be loaded.
    app_failed: Option<String>,
    /// The markup `#app` holds.
    shown: String,
    _listeners: Vec<EventListener>,
}

/// Mounts the first screen into `#app`, after installing the panic hook.
pub fn start() {
    crate::web::panic::install();
    mark("first");
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(root) = window.document().and_then(|d| d.get_element_by_id("app")) else {
        return;
    };
    let (_, display) = parse_hash(&current_hash());
    let store = Rc::new(crate::web::adapters::storage::open(display.embed));
    // Storage can fail mid-visit (quota, revoked): show its notice when it is added.
    store.on_notice(render_soon);
    let listeners = vec![
        EventListener::new(&root, "click", on_click),
        EventListener::new(&root, "input", on_input),
        EventListener::new(&root, "pointerdown", |e| {
            PRESSING_REVEAL.set(target_action(e).as_deref() == Some("reveal"));
        }),
        EventListener::new(&window, "pointerup", |_| PRESSING_REVEAL.set(false)),
        EventListener::new(&window, "pointercancel", |_| PRESSING_REVEAL.set(false)),
        EventListener::new_with_options(
            &window,
            "keydown",
            EventListenerOptions::enable_prevent_default(),
            on_key,
        ),
        EventListener::new(&window, "hashchange", |_| render_soon()),
    ];
    SCREEN.set(Some(Screen {
        root,
        store,
        bank: Bank::Loading,
        quiz: None,
        app_failed: None,
        shown: String::new(),
        _listeners: listeners,
    }));
    load_bank(booted_bank());
}

/// The bank's download `index.html` started with this module (see scripts/post-build.mjs):
/// a promise of `{ status, text }`. Taken once; "Try again" downloads it anew.
fn booted_bank() -> Option<js_sys::Promise> {
    let window: JsValue = web_sys::window()?.into();
    let boot = js_sys::Reflect::get(&window, &"pyprepBoot".into()).ok()?;
    let bank = js_sys::Reflect::get(&boot, &"bank".into()).ok()?;
    let _ = js_sys::Reflect::delete_property(boot.dyn_ref::<js_sys::Object>()?, &"bank".into());
    bank.dyn_into().ok()
}

async fn read_booted(boot: js_sys::Promise) -> Result<Option<String>, String> {
    let got = JsFuture::from(boot).await.map_err(|e| {
        format!(
            "{BANK_URL} could not be downloaded ({}).",
            crate::web::js_text(&e)
        )
    })?;
    let field = |name: &str| js_sys::Reflect::get(&got, &name.into()).ok();
    let status = field("status").and_then(|s| s.as_f64()).unwrap_or(0.0) as u16;
    if !crate::web::app::check_status(BANK_URL, status)? {
        return Ok(None);
    }
    let text = field("text").and_then(|t| t.as_string());
    text.map(Some)
        .ok_or_else(|| format!("{BANK_URL} could not be read."))
}

fn load_bank(boot: Option<js_sys::Promise>) {
    spawn_local(async move {
        let text = match boot {
            Some(boot) => read_booted(boot).await,
            None => read_text(BANK_URL, start_fetch(BANK_URL)).await,
        }
        .and_then(|t| t.ok_or_else(|| not_found(BANK_URL)));
        let bank = match text.and_then(|t| Ok((parse_bank(&t)?, t))) {
            Ok((loaded, text)) => Bank::Ready(Rc::new(loaded), Rc::new(text)),
            Err(e) => {
                mark("stuck");
                Bank::Failed(e)
            }
        };
        let ready = matches!(bank, Bank::Ready(..));
        with_screen(|s| s.bank = bank);
        render();
        if ready {
            after_paint().await;
            start_hand_over();
        }
    });
}

fn with_screen<T>(f: impl FnOnce(&mut Screen) -> T) -> Option<T> {
    SCREEN.with_borrow_mut(|s| s.as_mut().map(f))
}

/// Renders once, in a microtask: changes made while handling an event (or inside the store)
/// never render re-entrantly.
fn render_soon() {
    if !RENDER_QUEUED.replace(true) {
        spawn_local(async {
            RENDER_QUEUED.set(false);
            render();
        });
    }
}

fn render() {
    with_screen(|s| {
        let (page, display) = parse_hash(&current_hash());
        apply_display(&display);
        let (markup, shows) = s.markup(&page, &display);
        if markup != s.shown {
            let document = s.root.owner_document();
            let focus = document.as_ref().and_then(|d| remember_focus(d, &s.root));
            s.root.set_inner_html(&markup);
            if let Some(focus) = focus {
                restore_focus(&s.root, focus);
            }
            s.shown = markup;
        }
        // index.html's shell stays on view until this screen has something of its own to show.
        if shows {
            drop_shell();
        }
    });
}

impl Screen {
    /// The markup for `page`, and whether it replaces index.html's shell.
    fn markup(&mut self, page: &Page, display: &crate::link::Display) -> (String, bool) {
        let placeholder = || {
            let text = if shell().is_some() {
                String::new()
            } else {
                view::loading("Loading…")
            };
            (text, false)
        };
        let loaded = match &self.bank {
            Bank::Loading => return placeholder(),
            Bank::Failed(message) => {
                crate::web::set_title(Some(view::BANK_ERROR_TITLE));
                let page = view::bank_error(message);
                return (format!(r#"<div class="app">{page}</div>"#), true);
            }
            Bank::Ready(loaded, _) => loaded.clone(),
        };
        let link = match page {
            Page::Quiz(Ok(link)) => Some(link),
            _ => None,
        };
        if link.is_none() {
            // No question on screen: keys and clicks have none to act on (coming back to the
            // link resumes its quiz from the store).
            self.quiz = None;
        }
        let screen = match (page, link) {
            (_, Some(link)) => self.question(&loaded, link, display),
            (Page::Quiz(Err(e)), _) => {
                crate::web::set_title(Some(view::LINK_ERROR_TITLE));
                view::link_error(&e.to_string(), display)
            }
            // The other screens are the app's: until it takes over, index.html's shell shows.
            _ => return placeholder(),
        };
        let class = if display.embed { "app embed" } else { "app" };
        let bar = view::bar(&view::top_bar(page, display), &base_href());
        let notices = view::notices(
            &crate::web::components::shown_notices(&self.store, display.embed),
            display.embed,
        );
        let failed = self.app_failed.as_deref().map(view::app_failed);
        let failed = failed.unwrap_or_default();
        (
            format!(r#"<div class="{class}">{bar}{notices}{failed}{screen}</div>"#),
            true,
        )
    }

    /// The question of a quiz link, as the quiz shows it before the reveal.
    fn question(
        &mut self,
        loaded: &Loaded,
        link: &QuizLink,
        display: &crate::link::Display,
    ) -> String {
        let bank = &loaded.bank;
        let route = link.route();
        if self.quiz.as_ref().is_none_or(|(r, _)| *r != route) {
            // A new link: draw (or resume) its quiz; a link without a seed gets one first.
            seed_if_missing(link, bank, &self.store);
            let session = link
                .seed
                .as_ref()
                .and_then(|seed| session_for(&self.store, bank, link, seed).ok());
            if let Some(s) = &session {
                self.store.save_session(s);
            }
            self.quiz = Some((route, session));
        }
        let Some((_, Some(session))) = &self.quiz else {
            return match link.pool(bank) {
                Err(e) => {
                    crate::web::set_title(Some(view::LINK_ERROR_TITLE));
                    view::link_error(&e.to_string(), display)
                }
                Ok(_) => view::loading("Drawing questions…"),
            };
        };
        let Some(q) = session.current().and_then(|id| bank.question(id)) else {
            // A finished quiz: its summary is the app's.
            return view::loading("Loading…");
        };
        let body = match (session.revealed, self.app_failed.is_some()) {
            (false, _) => view::Body::Reveal,
            (true, false) => view::Body::Pending,
            (true, true) => view::Body::Stuck,
        };
        view::question(view::QuestionView {
            bank,
            display,
            question: q,
            session,
            scope: quiz_scope(bank, Some(link), session),
            change_href: format!("#{}", home_route(display)),
            body,
        })
    }

    /// The session on screen, if a question is.
    fn session(&mut self) -> Option<&mut Session> {
        self.quiz.as_mut()?.1.as_mut()
    }
}

/// The `data-do` of the element an event came from (or of its nearest ancestor with one).
fn target_action(e: &web_sys::Event) -> Option<String> {
    acting_element(e)?.get_attribute("data-do")
}

/// The element with the `data-do` an event came from (it or its nearest ancestor with one).
fn acting_element(e: &web_sys::Event) -> Option<web_sys::Element> {
    e.target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest("[data-do]")
        .ok()?
}

fn on_click(e: &web_sys::Event) {
    let Some(action) = target_action(e) else {
        return;
    };
    match action.as_str() {
        "reveal" => reveal(),
        "retry-bank" => {
            with_screen(|s| s.bank = Bank::Loading);
            render_soon();
            load_bank(None);
        }
        "retry-app" => {
            with_screen(|s| s.app_failed = None);
            render_soon();
            start_hand_over();
        }
        "close-notice" => {
            if let Some(root) = document_element() {
                let _ = root.set_attribute(crate::web::components::NOTICE_CLOSED, "");
            }
            render_soon();
        }
        "dismiss-notice" => {
            let backup = acting_element(e).and_then(|b| b.get_attribute("data-backup"));
            with_screen(|s| {
                let store = s.store.clone();
                let gone = store.notices().into_iter().find(
                    |n| matches!(n, crate::store::Notice::Recovered { backup: b, .. } if Some(b) == backup.as_ref()),
                );
                if let Some(n) = gone {
                    store.dismiss(&n);
                }
            });
            render_soon();
        }
        "home" => {
            let (_, display) = parse_hash(&current_hash());
            navigate(&home_route(&display), false);
        }
        _ => {}
    }
}

/// Notes are saved as they are typed (the app resumes them); nothing re-renders.
fn on_input(e: &web_sys::Event) {
    let Some(t) = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    else {
        return;
    };
    with_screen(|s| {
        let store = s.store.clone();
        if let Some(session) = s.session() {
            session.notes = t.value();
            store.save_session(session);
        }
    });
}

/// Space or Enter reveals, as in the quiz (never while typing, never a control's own key).
fn on_key(e: &web_sys::Event) {
    let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
        return;
    };
    let showing = with_screen(|s| s.session().is_some_and(|q| !q.revealed)).unwrap_or(false);
    let modifiers = e.ctrl_key() || e.meta_key() || e.alt_key();
    let focus = crate::web::components::question::focus_kind(e.target());
    if showing && crate::keys::action_for(&e.key(), focus, modifiers, false) == Some(Action::Reveal)
    {
        e.prevent_default();
        reveal();
    }
}

fn reveal() {
    with_screen(|s| {
        let store = s.store.clone();
        let Some(session) = s.session() else {
            return;
        };
        if let Some(crate::quiz::Effect::Revealed(id)) =
            session.apply(Action::Reveal, crate::web::now_ms())
        {
            store.update_progress(|p| p.record_seen(&id));
        }
        store.save_session(session);
    });
    render_soon();
}

fn start_hand_over() {
    let Some((loaded, text, store)) = with_screen(|s| match &s.bank {
        Bank::Ready(loaded, text) => Some((loaded.clone(), text.clone(), s.store.clone())),
        _ => None,
    })
    .flatten() else {
        return;
    };
    spawn_local(async move {
        if let Err(why) = hand_over(&loaded, &text, &store).await {
            with_screen(|s| s.app_failed = Some(why));
            render_soon();
        }
    });
}

fn document_element() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.document_element()
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
    if let Some(root) = document_element() {
        let _ = root.set_attribute("data-app", stage);
    }
}

/// Where the focus was, so it can be put back on the same control after the swap.
struct Focus {
    selector: &'static str,
    selection: Option<(u32, u32)>,
}

fn remember_focus(document: &web_sys::Document, within: &web_sys::Element) -> Option<Focus> {
    let active = document
        .active_element()
        .filter(|a| within.contains(Some(a)))?;
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
    let focus = remember_focus(&document, &old);
    if PRESSING_REVEAL.get() {
        carry_reveal_press();
    }
    SCREEN.take();
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

/// Reveal was pressed on this screen and is released on the app's: the browser sends that
/// click to neither button (their common ancestor gets it), so the release on the app's Reveal
/// clicks it (a second click finds the question revealed and does nothing).
fn carry_reveal_press() {
    let Some(window) = web_sys::window() else {
        return;
    };
    EventListener::once(&window, "pointerup", |e| {
        let button = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest("#app button.reveal").ok().flatten())
            .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(button) = button {
            button.click();
        }
    })
    .forget();
}
