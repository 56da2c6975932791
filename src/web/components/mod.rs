//! Shared pieces: small ones here, larger ones in their own files.

pub mod answer;
pub mod chart;
pub mod data;
pub mod editor;
pub mod grading;
pub mod question;
pub mod recorder;
pub mod workspace;

use crate::embed;
use crate::link::{Count, Display, QuizLink, Selection};
use crate::web::adapters::url::navigate;
pub use crate::web::context::use_ctx;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ErrorPageProps {
    pub title: AttrValue,
    pub message: AttrValue,
    /// Route of the home screen, for the way back; none when home itself can't work.
    #[prop_or_default]
    pub home: Option<String>,
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn ErrorPage(props: &ErrorPageProps) -> Html {
    use_effect_with(props.title.clone(), |title| {
        crate::web::set_title(Some(title))
    });
    let home = props.home.clone().map(|route| {
        let onclick = Callback::from(move |_| navigate(&route, false));
        html! { <button class="button primary" {onclick}>{"Go to the home page"}</button> }
    });
    html! {
        <section class="card error-page" role="alert">
            <h1>{ &props.title }</h1>
            <p>{ &props.message }</p>
            <div class="actions">{ props.children.clone() }{ for home }</div>
        </section>
    }
}

/// The page for a quiz link that can't be used (bad count, garbled seed, unknown category).
pub fn link_error(e: &crate::link::LinkError, home: String) -> Html {
    html! {
        <ErrorPage title="This quiz link doesn't work" message={e.to_string()} home={home} />
    }
}

#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    /// Shown with the notice that progress isn't being saved (the app offers Export there).
    #[prop_or_default]
    pub children: Html,
}

/// The bar above every screen: in an embed, the brand and "Open full site" (the same screen,
/// first-party, in a new tab); on the site, the brand linking home (not on home itself). The
/// first screen draws it too, so nothing moves at the hand-over.
pub fn top_bars(page: &crate::link::Page, display: &Display) -> Html {
    use crate::link::{home_route, Page};
    if display.embed {
        let full = Display {
            embed: false,
            ..display.clone()
        };
        let route = match page {
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
                <a href={crate::web::adapters::url::absolute(&route)} target="_blank" rel="noopener">
                    {"Open full site"}<span aria-hidden="true">{" ↗"}</span>
                </a>
            </div>
        }
    } else if *page != Page::Home {
        html! {
            <nav class="site-bar" aria-label="Site">
                <a class="brand" href={format!("#{}", home_route(display))}>{"PyPrep"}</a>
            </nav>
        }
    } else {
        Html::default()
    }
}

/// Storage notices (refused storage, recovered data).
#[component]
pub fn Notices(props: &NoticesProps) -> Html {
    let ctx = use_ctx();
    // Storage can fail mid-visit (quota, revoked): show its notice when it is added.
    let update = use_force_update();
    {
        let store = ctx.store.clone();
        use_effect_with((), move |_| store.on_notice(move || update.force_update()));
    }
    let notices = ctx.store.notices();
    if notices.is_empty() {
        return html! {};
    }
    html! {
        <div class="notices" role="status">
            { for notices.iter().map(|n| html! {
                <p class="notice">
                    { n.message() }
                    if *n == crate::store::Notice::NotSaved {
                        {" "}{ props.children.clone() }
                    }
                </p>
            }) }
        </div>
    }
}

/// A plain-text field with its `code` spans as `<code>` (see `markdown::code_spans`).
pub fn text_with_code(text: &str) -> Html {
    crate::markdown::code_spans(text)
        .into_iter()
        .map(|(code, t)| {
            if code {
                html! { <code>{ t }</code> }
            } else {
                html! { { t } }
            }
        })
        .collect()
}

/// Entries of questions.json that could not be used, with id and field.
#[component]
pub fn BankProblems() -> Html {
    let ctx = use_ctx();
    let problems = &ctx.loaded.problems;
    if problems.is_empty() {
        return html! {};
    }
    let n = problems.len();
    html! {
        <details class="notice problems">
            <summary>
                { format!("{n} {} in questions.json could not be used{}",
                    if n == 1 { "entry" } else { "entries" },
                    if ctx.loaded.bank.questions.is_empty() {
                        ", so there are no questions to practise."
                    } else {
                        "; the rest work."
                    }) }
            </summary>
            <ul>
                { for problems.iter().map(|p| html! {
                    <li><code>{ &p.id }</code>{" · "}<code>{ &p.field }</code>{": "}{ text_with_code(&p.message) }</li>
                }) }
            </ul>
        </details>
    }
}

#[derive(Properties, PartialEq)]
pub struct MarkdownProps {
    pub source: AttrValue,
}

/// Bank Markdown, rendered to safe HTML (`markdown::to_html`: raw HTML escaped, safe links only).
#[component]
pub fn Markdown(props: &MarkdownProps) -> Html {
    let html = use_memo(props.source.clone(), |s| crate::markdown::to_html(s));
    html! {
        <div class="prose">{ Html::from_html_unchecked(AttrValue::from((*html).clone())) }</div>
    }
}

#[derive(Properties, PartialEq)]
pub struct CopyProps {
    pub label: AttrValue,
    /// The text to copy (a URL or a snippet).
    pub text: AttrValue,
}

#[derive(Clone, PartialEq)]
enum CopyState {
    Idle,
    Copied,
    Manual,
}

async fn write_clipboard(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let clipboard = window.navigator().clipboard();
    // `navigator.clipboard` is undefined in insecure contexts and some iframes.
    if wasm_bindgen::JsValue::from(clipboard.clone()).is_undefined() {
        return false;
    }
    JsFuture::from(clipboard.write_text(text)).await.is_ok()
}

/// A copy button; when the Clipboard API is refused, a selected text field to copy by hand.
#[component]
pub fn CopyButton(props: &CopyProps) -> Html {
    let state = use_state(|| CopyState::Idle);
    let input = use_node_ref();
    let onclick = {
        let state = state.clone();
        let text = props.text.to_string();
        Callback::from(move |_| {
            let state = state.clone();
            let text = text.clone();
            wasm_bindgen_futures::spawn_local(async move {
                state.set(if write_clipboard(&text).await {
                    CopyState::Copied
                } else {
                    CopyState::Manual
                });
            });
        })
    };
    {
        let input = input.clone();
        use_effect_with((*state).clone(), move |s| {
            if *s == CopyState::Manual {
                if let Some(el) = input.cast::<web_sys::HtmlInputElement>() {
                    let _ = el.focus();
                    el.select();
                }
            }
        });
    }
    html! {
        <div class="copy">
            <button class="button" {onclick}>{ &props.label }</button>
            <span class="copy-status" aria-live="polite">
                { if *state == CopyState::Copied { "Copied" } else { "" } }
            </span>
            if *state == CopyState::Manual {
                <label class="manual-copy">
                    <span>{"Copying was blocked: select and copy this text."}</span>
                    <input ref={input} readonly=true value={props.text.clone()} />
                </label>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct ShareProps {
    /// The quiz for these categories and count, without a seed.
    pub categories: QuizLink,
    /// This exact quiz (with its seed), when there is one.
    #[prop_or_default]
    pub exact: Option<QuizLink>,
}

/// Links and embed snippets for the current categories, with a live preview.
#[component]
pub fn SharePanel(props: &ShareProps) -> Html {
    let folder = embed::folder_of(&crate::web::adapters::url::base_href());
    // Shared links carry no display options: the receiver picks their own.
    let plain = |l: &QuizLink| QuizLink {
        display: Display::default(),
        ..l.clone()
    };
    let categories = plain(&props.categories);
    let embedded = QuizLink {
        display: Display {
            embed: true,
            ..Display::default()
        },
        ..categories.clone()
    };
    let count = match categories.count {
        Count::Default => String::new(),
        Count::All => "all".to_owned(),
        Count::N(n) => n.to_string(),
    };
    let cats = match &categories.selection {
        Selection::All => "all".to_owned(),
        Selection::Some(s) => s.join(","),
    };
    let iframe = embed::iframe_snippet(&folder, &embedded.route());
    let script = embed::script_snippet(&folder, &cats, &count, "auto");
    let preview_open = use_state(|| false);
    let on_toggle = {
        let open = preview_open.clone();
        Callback::from(move |e: Event| {
            if let Some(d) = e.target_dyn_into::<web_sys::HtmlDetailsElement>() {
                open.set(d.open());
            }
        })
    };
    html! {
        <section class="card share" aria-labelledby="share-h">
            <h2 id="share-h">{"Share and embed"}</h2>
            <CopyButton label="Copy link to these categories" text={crate::web::adapters::url::absolute(&categories.route())} />
            if let Some(exact) = &props.exact {
                <CopyButton label="Copy link to this exact quiz" text={crate::web::adapters::url::absolute(&plain(exact).route())} />
            }
            <h3>{"Embed on a page"}</h3>
            <p class="hint">{"An iframe works anywhere; the script keeps the widget's height equal to its content."}</p>
            <pre class="code snippet" tabindex="0"><code>{ &iframe }</code></pre>
            <CopyButton label="Copy iframe code" text={iframe.clone()} />
            <pre class="code snippet" tabindex="0"><code>{ &script }</code></pre>
            <CopyButton label="Copy script code" text={script.clone()} />
            <details class="preview" ontoggle={on_toggle}>
                <summary>{"Preview the embed"}</summary>
                if *preview_open {
                    <iframe src={format!("{folder}#{}", embedded.route())} title="PyPrep embed preview"
                        class="preview-frame" loading="lazy"></iframe>
                }
            </details>
        </section>
    }
}
