//! The root: loads the bank, opens storage, applies display options, picks the screen.

use crate::bank::{self, Loaded};
use crate::link::{accent_reads_as_text, error_text, parse_hash, text_on_accent, Display, Page};
use crate::store::Store;
use crate::web::adapters::url::use_hash;
use crate::web::components::data::ExportButton;
use crate::web::components::{
    link_error, top_bars, BankProblems, ErrorPage, Notices, QUIZ_LINK_ERROR, STUDY_LINK_ERROR,
};
use crate::web::context::{reschedule, Code, Ctx};
use crate::web::pages::challenge::ChallengePage;
use crate::web::pages::home::Home;
use crate::web::pages::mock::MockPage;
use crate::web::pages::progress::ProgressPage;
use crate::web::pages::quiz::QuizPage;
use crate::web::pages::study::StudyPage;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Clone, PartialEq)]
enum LoadState {
    Loading,
    Failed(String),
    Ready(Rc<Loaded>),
}

pub const BANK_URL: &str = "questions.json";
/// The answers, split from the bank by the build (see `bank::attach_answers`).
pub const ANSWERS_URL: &str = "answers.json";
/// The challenges' runnable parts, split from the bank by the build (see `bank::attach_code`).
const CODE_URL: &str = "challenges.json";

/// Starts downloading a file of the deployed folder (at once, unlike a future): read it with
/// [`read_text`].
pub fn start_fetch(url: &str) -> Option<js_sys::Promise> {
    let fetch = web_sys::window()?.fetch_with_str(url);
    // Handled even if nothing awaits it (a failed import before it): a failed download is
    // reported by whoever reads it, never as an uncaught error of the page.
    thread_local! {
        static IGNORE: wasm_bindgen::closure::Closure<dyn FnMut(wasm_bindgen::JsValue)> =
            wasm_bindgen::closure::Closure::new(|_| {});
    }
    IGNORE.with(|ignore| {
        let _ = fetch.catch(ignore);
    });
    Some(fetch)
}

/// Downloads a file of the deployed folder as text; the error says which file and why.
async fn fetch_text(url: &str) -> Result<String, String> {
    read_text(url, start_fetch(url))
        .await?
        .ok_or_else(|| not_found(url))
}

pub fn not_found(url: &str) -> String {
    format!("{url} could not be downloaded (HTTP 404).")
}

/// Whether a download of `url` that ended with HTTP `status` has the file: `false` if it isn't
/// there (404), an error for any other failure.
pub fn check_status(url: &str, status: u16) -> Result<bool, String> {
    match status {
        404 => Ok(false),
        200..=299 => Ok(true),
        _ => Err(format!("{url} could not be downloaded (HTTP {status}).")),
    }
}

/// The text of the download `fetch` started for `url`; `None` if the file isn't there (404).
pub async fn read_text(
    url: &str,
    fetch: Option<js_sys::Promise>,
) -> Result<Option<String>, String> {
    use wasm_bindgen_futures::JsFuture;
    let response = JsFuture::from(fetch.ok_or("no window")?)
        .await
        .map_err(|e| {
            format!(
                "{url} could not be downloaded ({}).",
                crate::web::js_text(&e)
            )
        })?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| format!("{url}: unexpected fetch result"))?;
    if !check_status(url, response.status())? {
        return Ok(None);
    }
    let text = match response.text() {
        Ok(promise) => JsFuture::from(promise)
            .await
            .ok()
            .and_then(|t| t.as_string()),
        Err(_) => None,
    }
    .ok_or_else(|| format!("{url} could not be read."))?;
    Ok(Some(text))
}

pub fn parse_bank(text: &str) -> Result<Loaded, String> {
    bank::parse(text).map_err(|e| format!("PyPrep can't use this question bank: {e}."))
}

/// The whole bank: `loaded` (questions.json) with answers.json's text (`None`: not needed, or
/// not there). An unreadable answers file is listed among the bank's problems and the
/// questions that have their answers inline still work; if none has, that is the error (a
/// bank of no questions would only say its categories are empty).
pub fn with_answers(mut loaded: Loaded, answers: Option<&str>) -> Result<Loaded, String> {
    if let Err(e) = bank::attach_answers(&mut loaded, answers) {
        let _ = bank::attach_answers(&mut loaded, None);
        if loaded.bank.questions.is_empty() {
            return Err(format!(
                "PyPrep can't show its answers: {ANSWERS_URL} could not be read ({e})."
            ));
        }
        loaded.problems.push(bank::Problem {
            id: ANSWERS_URL.into(),
            field: "file".into(),
            message: format!("could not be read ({e})"),
        });
    }
    Ok(loaded)
}

/// Downloads the bank and, if its questions need them, the answers.
async fn fetch_bank() -> Result<Loaded, String> {
    let loaded = parse_bank(&fetch_text(BANK_URL).await?)?;
    let answers = if loaded.bank.needs_answers() {
        read_text(ANSWERS_URL, start_fetch(ANSWERS_URL)).await?
    } else {
        None
    };
    with_answers(loaded, answers.as_deref())
}

/// Applies theme and accent to the document element, so the page background follows too.
pub fn apply_display(display: &Display) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let _ = root.set_attribute("data-theme", display.theme.as_str());
    let _ = root.set_attribute("data-embed", if display.embed { "1" } else { "0" });
    let _ = root.set_attribute(
        "data-bg",
        if display.transparent {
            "transparent"
        } else {
            "page"
        },
    );
    if let Some(el) = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlElement>(&root) {
        let style = el.style();
        let accent = display.accent.as_deref();
        let color = accent.map(|a| format!("#{a}"));
        let text_on = |dark| {
            accent
                .filter(|a| accent_reads_as_text(a, dark))
                .and(color.as_deref())
        };
        for (property, value) in [
            ("--accent", color.as_deref()),
            ("--on-accent", accent.map(text_on_accent)),
            // Links and the score use the accent only where it reads as text (styles.css).
            ("--accent-text-light", text_on(false)),
            ("--accent-text-dark", text_on(true)),
        ] {
            let _ = match value {
                Some(v) => style.set_property(property, v),
                None => style.remove_property(property).map(drop),
            };
        }
    }
}

/// How many times stored progress changed behind the screens' backs (see `Ctx::revision`).
#[derive(PartialEq)]
struct Revision(u32);

impl Reducible for Revision {
    type Action = ();
    fn reduce(self: Rc<Self>, _: ()) -> Rc<Self> {
        Rc::new(Revision(self.0.wrapping_add(1)))
    }
}

#[derive(Properties)]
pub struct AppProps {
    /// The bank and the store the first screen already opened (see `web::first`).
    pub bank: Rc<Loaded>,
    pub store: Rc<Store>,
    /// Told once the app's first frame is rendered, so the first screen can hand over.
    pub rendered: Callback<()>,
}

impl PartialEq for AppProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.bank, &other.bank) && Rc::ptr_eq(&self.store, &other.store)
    }
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let hash = use_hash();
    let (page, display) = parse_hash(&hash);
    // Another screen (a link, a button, Back): it opens at its top with the focus on its
    // heading, as a page load would (it kept the old screen's scroll, and the focus fell to
    // <body>). Not when the app opens, and not for a change of query (a drawn seed).
    {
        let path = hash.split('?').next().unwrap_or_default().to_owned();
        let opened = use_mut_ref(|| false);
        use_effect_with(path, move |_| {
            if std::mem::replace(&mut *opened.borrow_mut(), true) {
                crate::web::show_new_screen();
            }
        });
    }
    let store = props.store.clone();
    let state = use_state(|| LoadState::Ready(props.bank.clone()));
    let attempt = use_state(|| 0u32);
    {
        let rendered = props.rendered.clone();
        use_effect_with((), move |_| rendered.emit(()));
    }
    {
        let state = state.clone();
        use_effect_with(*attempt, move |&attempt| {
            // The first screen loaded the bank; only "Try again" loads it afresh.
            if attempt == 0 {
                return;
            }
            state.set(LoadState::Loading);
            wasm_bindgen_futures::spawn_local(async move {
                state.set(match fetch_bank().await {
                    Ok(loaded) => LoadState::Ready(Rc::new(loaded)),
                    Err(e) => LoadState::Failed(e),
                });
            });
        });
    }
    // The challenges' code (14 KB) is fetched once a screen asks for it (`Ctx::need_code`: a
    // challenge's answer or editor), once per bank load.
    let wants_code = use_state(|| false);
    let need_code = {
        let wants_code = wants_code.clone();
        Callback::from(move |()| wants_code.set(true))
    };
    let code = use_state(|| {
        if props.bank.bank.needs_code() {
            Code::Loading
        } else {
            Code::Ready
        }
    });
    {
        let state = state.clone();
        let code = code.clone();
        let ready = match &*state {
            LoadState::Ready(loaded) => Some(loaded.clone()),
            _ => None,
        };
        use_effect_with(
            (*attempt, ready.is_some(), *wants_code),
            move |&(_, _, wants)| {
                let Some(loaded) = ready.filter(|l| l.bank.needs_code()) else {
                    code.set(Code::Ready);
                    return;
                };
                if !wants {
                    return;
                }
                code.set(Code::Loading);
                wasm_bindgen_futures::spawn_local(async move {
                    let mut with_code = (*loaded).clone();
                    let attached = fetch_text(CODE_URL).await.and_then(|text| {
                        bank::attach_code(&mut with_code.bank, &text)
                            .map_err(|e| format!("{CODE_URL} could not be read ({e})."))
                    });
                    match attached {
                        Ok(_) => {
                            state.set(LoadState::Ready(Rc::new(with_code)));
                            code.set(Code::Ready);
                        }
                        Err(e) => code.set(Code::Failed(e)),
                    }
                });
            },
        );
    }
    let revision = use_reducer(|| Revision(0));
    let changed = {
        let revision = revision.dispatcher();
        Callback::from(move |()| revision.dispatch(()))
    };
    // Bring the schedule up to date (v1 progress, an import, another tab's grades).
    {
        let store = store.clone();
        let changed = changed.clone();
        use_effect_with((), move |_| {
            if reschedule(&store) {
                changed.emit(());
            }
        });
    }
    use_effect_with((), |_| {
        let listener = crate::web::adapters::url::on_link_clicks();
        move || drop(listener)
    });
    // Another tab saved: what this one shows is read again (its own writes re-read storage
    // first, so nothing either tab recorded is lost).
    {
        let store = store.clone();
        let changed = changed.clone();
        use_effect_with((), move |_| {
            let listener = crate::web::adapters::storage::on_other_tab_save(move || {
                if store.is_persistent() {
                    reschedule(&store);
                    changed.emit(());
                }
            });
            move || drop(listener)
        });
    }
    {
        let display = display.clone();
        use_effect_with(display, apply_display);
    }
    let home = crate::link::error_home(&display);
    let bars = top_bars(&page, &display);
    let body = match &*state {
        LoadState::Loading => html! {
            <div class="loading" role="status" aria-live="polite">{"Loading questions…"}</div>
        },
        LoadState::Failed(message) => {
            let retry = {
                let attempt = attempt.clone();
                Callback::from(move |_| attempt.set(*attempt + 1))
            };
            html! {
                <ErrorPage title="The questions could not be loaded" message={message.clone()}>
                    <button class="button primary" onclick={retry}>{"Try again"}</button>
                </ErrorPage>
            }
        }
        LoadState::Ready(loaded) => {
            let ctx = Ctx {
                loaded: loaded.clone(),
                code: (*code).clone(),
                store: store.clone(),
                display: display.clone(),
                revision: revision.0,
                changed: changed.clone(),
                need_code: need_code.clone(),
            };
            let screen = match page {
                Page::Home => html! { <Home /> },
                Page::Quiz(Ok(link)) => html! { <QuizPage {link} /> },
                Page::Quiz(Err(e)) => link_error(QUIZ_LINK_ERROR, &e, &display),
                Page::Progress => html! { <ProgressPage /> },
                // Keyed by its categories: another study page starts with its own search and
                // nothing expanded (Back to this one too).
                Page::Study(Ok(selection)) => {
                    let key = format!("{selection:?}");
                    html! { <StudyPage {key} {selection} /> }
                }
                Page::Study(Err(e)) => link_error(STUDY_LINK_ERROR, &e, &display),
                Page::Mock(Ok(link)) => html! { <MockPage {link} /> },
                Page::Mock(Err(e)) => html! {
                    <ErrorPage title="This interview link doesn't work" message={error_text(&e.to_string(), &display)} home={home.clone()}>
                        if !display.lock {
                            <a class="button" href={format!("#{}", crate::mock::MockLink { display: display.clone(), ..Default::default() }.route())}>
                                {"Set up an interview"}</a>
                        }
                    </ErrorPage>
                },
                Page::Challenge(id) => html! { <ChallengePage {id} /> },
                Page::NotFound(path) => html! {
                    <ErrorPage title="Page not found"
                        message={error_text(&format!("PyPrep has no page at “{}”.", crate::link::quoted(&path)), &display)}
                        home={home.clone()} />
                },
            };
            html! {
                <ContextProvider<Ctx> context={ctx}>
                    <Notices><ExportButton /></Notices>
                    <BankProblems />
                    { screen }
                </ContextProvider<Ctx>>
            }
        }
    };
    let class = if display.embed { "app embed" } else { "app" };
    html! {
        <div {class}>
            { bars }
            { body }
        </div>
    }
}
