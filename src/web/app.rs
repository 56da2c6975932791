//! The root: loads the bank, opens storage, applies display options, picks the screen.

use super::components::{link_error, BankProblems, ErrorPage, Notices};
use super::home::Home;
use super::quiz::QuizPage;
use super::url::use_hash;
use crate::bank::{self, Loaded};
use crate::link::{
    accent_reads_as_text, home_route, parse_hash, text_on_accent, Display, Page, QuizLink,
};
use crate::store::Store;
use std::rc::Rc;
use yew::prelude::*;

/// What every screen shares.
#[derive(Clone)]
pub struct Ctx {
    pub loaded: Rc<Loaded>,
    pub store: Rc<Store>,
    pub display: Display,
}

impl PartialEq for Ctx {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.loaded, &other.loaded)
            && Rc::ptr_eq(&self.store, &other.store)
            && self.display == other.display
    }
}

#[derive(Clone, PartialEq)]
enum LoadState {
    Loading,
    Failed(String),
    Ready(Rc<Loaded>),
}

const BANK_URL: &str = "questions.json";

/// Downloads and parses the bank. `fetch` matches the `<link rel=preload>` in index.html, so
/// the download started with the page is reused.
async fn fetch_bank() -> Result<Loaded, String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(BANK_URL))
        .await
        .map_err(|e| {
            format!(
                "questions.json could not be downloaded ({}).",
                super::js_text(&e)
            )
        })?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| "questions.json: unexpected fetch result".to_owned())?;
    if !response.ok() {
        return Err(format!(
            "questions.json could not be downloaded (HTTP {}).",
            response.status()
        ));
    }
    let text = match response.text() {
        Ok(promise) => JsFuture::from(promise)
            .await
            .ok()
            .and_then(|t| t.as_string()),
        Err(_) => None,
    }
    .ok_or("questions.json could not be read.")?;
    bank::parse(&text).map_err(|e| format!("PyPrep can't use this question bank: {e}."))
}

/// Applies theme and accent to the document element, so the page background follows too.
fn apply_display(display: &Display) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let _ = root.set_attribute("data-theme", display.theme.as_str());
    let _ = root.set_attribute("data-embed", if display.embed { "1" } else { "0" });
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

#[component]
pub fn App() -> Html {
    let hash = use_hash();
    let (page, display) = parse_hash(&hash);
    let store = use_memo(display.embed, |&embedded| super::storage::open(embedded));
    let state = use_state(|| LoadState::Loading);
    let attempt = use_state(|| 0u32);
    {
        let state = state.clone();
        use_effect_with(*attempt, move |_| {
            state.set(LoadState::Loading);
            wasm_bindgen_futures::spawn_local(async move {
                state.set(match fetch_bank().await {
                    Ok(loaded) => LoadState::Ready(Rc::new(loaded)),
                    Err(e) => LoadState::Failed(e),
                });
            });
        });
    }
    // Once the first screen is on view, fetch the answer renderer in the background.
    use_effect_with(matches!(*state, LoadState::Ready(_)), |&ready| {
        if ready {
            super::markdown::preload();
        }
    });
    {
        let display = display.clone();
        use_effect_with(display, apply_display);
    }
    let home = home_route(&display);
    let bar = display.embed.then(|| {
        // The same screen on the full site, in a new tab (storage there is first-party).
        let full = Display {
            embed: false,
            ..display.clone()
        };
        let route = match &page {
            Page::Quiz(Ok(link)) => QuizLink {
                display: full,
                ..link.clone()
            }
            .route(),
            _ => home_route(&full),
        };
        html! {
            <div class="embed-bar">
                <span class="brand">{"PyPrep"}</span>
                <a href={super::url::absolute(&route)} target="_blank" rel="noopener">
                    {"Open full site"}<span aria-hidden="true">{" ↗"}</span>
                </a>
            </div>
        }
    });
    let site_bar = (!display.embed && page != Page::Home).then(|| {
        html! {
            <nav class="site-bar" aria-label="Site">
                <a class="brand" href={format!("#{home}")}>{"PyPrep"}</a>
            </nav>
        }
    });
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
                store: store.clone(),
                display: display.clone(),
            };
            let screen = match page {
                Page::Home => html! { <Home /> },
                Page::Quiz(Ok(link)) => html! { <QuizPage {link} /> },
                Page::Quiz(Err(e)) => link_error(&e, home.clone()),
                Page::NotFound(path) => html! {
                    <ErrorPage title="Page not found"
                        message={format!("PyPrep has no page at “{}”.", crate::link::shown(&path))}
                        home={home.clone()} />
                },
            };
            html! {
                <ContextProvider<Ctx> context={ctx}>
                    <Notices />
                    <BankProblems />
                    { screen }
                </ContextProvider<Ctx>>
            }
        }
    };
    let class = if display.embed { "app embed" } else { "app" };
    html! {
        <div {class}>
            { for bar }
            { for site_bar }
            { body }
        </div>
    }
}
