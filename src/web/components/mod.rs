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
use crate::link::{encode_value, parse_display, Count, Display, QuizLink, Theme};
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

/// The titles of the page for a link that can't be used (bad count, garbled seed, unknown
/// category); the first screen's own error page uses the quiz one too.
pub const QUIZ_LINK_ERROR: &str = "This quiz link doesn't work";
pub const STUDY_LINK_ERROR: &str = "This study link doesn't work";

/// A link that doesn't work (`title`: which kind of link): why, and the way home unless the
/// quiz is locked.
pub fn link_error(
    title: &'static str,
    e: &crate::link::LinkError,
    display: &crate::link::Display,
) -> Html {
    let message = crate::link::error_text(&e.to_string(), display);
    html! {
        <ErrorPage {title} {message} home={crate::link::error_home(display)} />
    }
}

#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    /// Shown with the notice that progress isn't being saved (the app offers Export there).
    #[prop_or_default]
    pub children: Html,
}

/// The bar above every screen: in an embed, the brand and "Open full site" (the same screen,
/// first-party, in a new tab); on the site, the brand linking home (not on home itself); none
/// in a locked quiz (`lock=1`: nothing leads away from it). The first screen draws it too
/// (`first::view::bar`), so nothing moves at the hand-over.
#[derive(Debug, PartialEq)]
pub enum Bar {
    None,
    /// In an embed: to this route without `embed`.
    Embed {
        full: String,
    },
    /// On the site: home.
    Site {
        home: String,
    },
}

pub fn top_bar(page: &crate::link::Page, display: &Display) -> Bar {
    use crate::link::{home_route, Page};
    if display.lock {
        Bar::None
    } else if display.embed {
        let full = Display {
            embed: false,
            ..display.clone()
        };
        Bar::Embed {
            full: match page {
                Page::Quiz(Ok(link)) => QuizLink {
                    display: full,
                    ..link.clone()
                }
                .route(),
                _ => home_route(&full),
            },
        }
    } else if *page != Page::Home {
        Bar::Site {
            home: home_route(display),
        }
    } else {
        Bar::None
    }
}

pub fn top_bars(page: &crate::link::Page, display: &Display) -> Html {
    match top_bar(page, display) {
        Bar::None => Html::default(),
        Bar::Embed { full } => html! {
            <div class="embed-bar">
                <span class="brand">{"PyPrep"}</span>
                <a href={crate::web::adapters::url::absolute(&full)} target="_blank" rel="noopener">
                    {"Open full site"}<span aria-hidden="true">{" ↗"}</span>
                </a>
            </div>
        },
        Bar::Site { home } => html! {
            <nav class="site-bar" aria-label="Site">
                <a class="brand" href={format!("#{home}")}>{"PyPrep"}</a>
            </nav>
        },
    }
}

/// Set on `<html>` when the reader closes the "not saved" notice of an embed: both wasm
/// modules read it, so the notice stays closed for the visit, across the hand-over.
pub const NOTICE_CLOSED: &str = "data-notice-closed";

/// The store's notices a screen shows: in an embed, "not saved" stays gone for the visit once
/// its reader closed it (both modules read [`NOTICE_CLOSED`]).
pub fn shown_notices(store: &crate::store::Store, embed: bool) -> Vec<crate::store::Notice> {
    let closed = embed
        && web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
            .is_some_and(|r| r.has_attribute(NOTICE_CLOSED));
    store
        .notices()
        .into_iter()
        .filter(|n| !(closed && *n == crate::store::Notice::NotSaved))
        .collect()
}

/// Storage notices (refused storage, recovered data). In an embed, "not saved" is a small line
/// the reader can close: a host page's readers shouldn't meet a warning first.
#[component]
pub fn Notices(props: &NoticesProps) -> Html {
    let ctx = use_ctx();
    // Storage can fail mid-visit (quota, revoked): show its notice when it is added.
    let update = use_force_update();
    {
        let store = ctx.store.clone();
        let update = update.clone();
        use_effect_with((), move |_| store.on_notice(move || update.force_update()));
    }
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element());
    let embed = ctx.display.embed;
    let notices = shown_notices(&ctx.store, embed);
    if notices.is_empty() {
        return html! {};
    }
    let close = {
        let update = update.clone();
        Callback::from(move |_| {
            if let Some(r) = &root {
                let _ = r.set_attribute(NOTICE_CLOSED, "");
            }
            update.force_update();
        })
    };
    let dismiss = |n: &crate::store::Notice| {
        let (store, n, update) = (ctx.store.clone(), n.clone(), update.clone());
        Callback::from(move |_| {
            store.dismiss(&n);
            update.force_update();
        })
    };
    html! {
        <div class="notices" role="status">
            { for notices.iter().map(|n| {
                let not_saved = *n == crate::store::Notice::NotSaved;
                let closable = !not_saved;
                html! {
                    <p class={classes!("notice", (embed && not_saved).then_some("small"), closable.then_some("closable"))}>
                        <span>{ n.message() }</span>
                        if closable {
                            <button class="close" aria-label="Dismiss this notice" title="Dismiss"
                                onclick={dismiss(n)}>{"×"}</button>
                        }
                        if not_saved {
                            {" "}{ props.children.clone() }
                            if embed {
                                <button class="close" aria-label="Dismiss this notice" title="Dismiss"
                                    onclick={close.clone()}>{"×"}</button>
                            }
                        }
                    </p>
                }
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
    /// Whether this button copied last, and that very text (its group shows one "Copied").
    pub copied: bool,
    /// Told after a successful copy.
    pub on_copied: Callback<()>,
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
    // The text that had to be copied by hand, if any.
    let manual = use_state(|| None::<AttrValue>);
    let input = use_node_ref();
    let onclick = {
        let manual = manual.clone();
        let text = props.text.clone();
        let on_copied = props.on_copied.clone();
        Callback::from(move |_| {
            let manual = manual.clone();
            let text = text.clone();
            let on_copied = on_copied.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if write_clipboard(&text).await {
                    manual.set(None);
                    on_copied.emit(());
                } else {
                    manual.set(Some(text));
                }
            });
        })
    };
    {
        let input = input.clone();
        use_effect_with((*manual).clone(), move |m| {
            if m.is_some() {
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
                { if props.copied { "Copied" } else { "" } }
            </span>
            if manual.as_ref() == Some(&props.text) {
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

/// What the Share panel's reader chose.
#[derive(Clone, PartialEq, Default)]
struct Choices {
    /// The same questions for every visitor (this quiz's, or a seed drawn for the panel).
    fixed: bool,
    lock: bool,
    theme: Theme,
    accent: Option<String>,
    transparent: bool,
    title: String,
    intro: String,
}

/// The app's own accent (styles.css), what the colour input shows until one is chosen.
const DEFAULT_ACCENT: &str = "#2160c4";

/// A count the categories can give: a number above what they hold becomes that number.
fn fitted(count: Count, available: usize) -> Count {
    match count {
        Count::N(n) if available > 0 && n > available => Count::N(available),
        other => other,
    }
}

/// The quiz and look the panel's choices describe (`embed` off: the link for a page of its own).
fn chosen_link(props: &ShareProps, c: &Choices, seed: &str, available: usize) -> QuizLink {
    let base = match (&props.exact, c.fixed) {
        (Some(exact), true) => exact.clone(),
        (None, true) => QuizLink {
            seed: Some(seed.to_owned()),
            ..props.categories.clone()
        },
        (_, false) => props.categories.without_seed(),
    };
    // Title and intro go through the link parser's own rules (plain text, capped).
    let words = parse_display(&format!(
        "title={}&intro={}",
        encode_value(&c.title),
        encode_value(&c.intro)
    ));
    QuizLink {
        count: if base.ids.is_some() {
            base.count
        } else {
            fitted(base.count, available)
        },
        display: Display {
            embed: false,
            theme: c.theme,
            accent: c.accent.clone(),
            transparent: false,
            lock: c.lock,
            title: words.title,
            intro: words.intro,
        },
        ..base
    }
}

/// A radio button of the panel.
fn radio(name: &str, label: &str, checked: bool, onchange: Callback<Event>) -> Html {
    html! {
        <label class="choice">
            <input type="radio" name={name.to_owned()} {checked} {onchange} />
            <span>{ label.to_owned() }</span>
        </label>
    }
}

/// Links and embed snippets for the current categories: the reader chooses the questions
/// (a fresh draw or the same for everyone), whether readers may leave the quiz, the look
/// (theme, accent, transparent background) and a title and intro line; the link, the snippets
/// and the live preview follow.
#[component]
pub fn SharePanel(props: &ShareProps) -> Html {
    let ctx = use_ctx();
    let folder = embed::folder_of(&crate::web::adapters::url::base_href());
    let choices = use_state(Choices::default);
    let seed = use_state(crate::web::fresh_seed);
    let copied = use_state(|| None::<(AttrValue, AttrValue)>);
    let preview_open = use_state(|| false);
    let available = props
        .categories
        .pool(&ctx.loaded.bank)
        .map_or(0, |p| p.len());
    let link = chosen_link(props, &choices, &seed, available);
    let embedded = QuizLink {
        display: Display {
            embed: true,
            transparent: choices.transparent,
            ..link.display.clone()
        },
        ..link.clone()
    };
    let page_link = crate::web::adapters::url::absolute(&link.route());
    let iframe = embed::iframe_snippet(&folder, &embedded.route(), &embedded.display);
    let script = embed::script_snippet(&folder, &embedded);
    let preview_src = format!("{folder}#{}", embedded.route());

    let set = |f: fn(&mut Choices, &Event)| {
        let choices = choices.clone();
        Callback::from(move |e: Event| {
            let mut next = (*choices).clone();
            f(&mut next, &e);
            choices.set(next);
        })
    };
    fn checked(e: &Event) -> bool {
        e.target_dyn_into::<web_sys::HtmlInputElement>()
            .is_some_and(|i| i.checked())
    }
    let on_text = |f: fn(&mut Choices, String)| {
        let choices = choices.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(i) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                let mut next = (*choices).clone();
                f(&mut next, i.value());
                choices.set(next);
            }
        })
    };
    let on_accent = on_text(|c, v| {
        let hex = v.trim_start_matches('#').to_ascii_lowercase();
        c.accent = (hex.len() == 6 && hex.bytes().all(|b| b.is_ascii_hexdigit())).then_some(hex);
    });
    let reset_accent = {
        let choices = choices.clone();
        Callback::from(move |_: MouseEvent| {
            choices.set(Choices {
                accent: None,
                ..(*choices).clone()
            })
        })
    };
    let on_toggle = {
        let open = preview_open.clone();
        Callback::from(move |e: Event| {
            if let Some(d) = e.target_dyn_into::<web_sys::HtmlDetailsElement>() {
                open.set(d.open());
            }
        })
    };
    let copy = |label: &'static str, text: &str| {
        let (label, text) = (AttrValue::from(label), AttrValue::from(text.to_owned()));
        let is_last = copied.as_ref() == Some(&(label.clone(), text.clone()));
        let on_copied = {
            let copied = copied.clone();
            let pair = (label.clone(), text.clone());
            Callback::from(move |()| copied.set(Some(pair.clone())))
        };
        html! { <CopyButton {label} {text} copied={is_last} {on_copied} /> }
    };
    let exact_seed = props
        .exact
        .as_ref()
        .and_then(|e| e.seed.clone())
        .unwrap_or_else(|| (*seed).clone());
    let fixed_label = if props.exact.is_some() {
        "These questions, in this order, for every visitor".to_owned()
    } else {
        "The same questions for every visitor".to_owned()
    };
    let c = &*choices;
    let accent_value = c
        .accent
        .as_ref()
        .map_or(DEFAULT_ACCENT.to_owned(), |a| format!("#{a}"));
    html! {
        <section class="card share" aria-labelledby="share-h">
            <h2 id="share-h">{"Share and embed"}</h2>
            <p class="hint">{"Choose how the quiz behaves and looks; the link, the embed code and the preview follow."}</p>
            <div class="share-options">
                <fieldset>
                    <legend>{"Questions"}</legend>
                    { radio("share-fixed", "A new draw for every visitor", !c.fixed, set(|c, _| c.fixed = false)) }
                    { radio("share-fixed", &fixed_label, c.fixed, set(|c, _| c.fixed = true)) }
                    if c.fixed {
                        <p class="hint">{ format!("Seed “{exact_seed}”: every visitor gets the same quiz.") }</p>
                    }
                </fieldset>
                <fieldset>
                    <legend>{"Readers"}</legend>
                    { radio("share-lock", "Readers can change categories and start new quizzes", !c.lock, set(|c, _| c.lock = false)) }
                    { radio("share-lock", "Readers stay in this quiz (a careers page): no category change, no new quiz, no link away", c.lock, set(|c, _| c.lock = true)) }
                </fieldset>
                <fieldset class="look">
                    <legend>{"Look"}</legend>
                    <div class="theme-choices">
                        { radio("share-theme", "Auto (the reader's system)", c.theme == Theme::Auto, set(|c, _| c.theme = Theme::Auto)) }
                        { radio("share-theme", "Light", c.theme == Theme::Light, set(|c, _| c.theme = Theme::Light)) }
                        { radio("share-theme", "Dark", c.theme == Theme::Dark, set(|c, _| c.theme = Theme::Dark)) }
                    </div>
                    <div class="accent-choice">
                        <label>
                            <span>{"Accent colour"}</span>
                            <input type="color" value={accent_value} oninput={on_accent} />
                        </label>
                        if c.accent.is_some() {
                            <button class="button subtle small" onclick={reset_accent}>{"Default colour"}</button>
                        }
                    </div>
                    <label class="choice">
                        <input type="checkbox" checked={c.transparent} onchange={set(|c, e| c.transparent = checked(e))} />
                        <span>{"Transparent background: the quiz's cards sit on your page's own background (embeds)"}</span>
                    </label>
                    <p class="hint">{"On a dark page choose Dark, on a light one Light, so the text around the cards reads well."}</p>
                </fieldset>
                <fieldset class="words">
                    <legend>{"Title and intro (optional)"}</legend>
                    <label>
                        <span>{"Title, shown instead of the categories"}</span>
                        <input type="text" maxlength={crate::link::TITLE_MAX.to_string()} value={c.title.clone()}
                            placeholder="Python screening: Acme backend team" oninput={on_text(|c, v| c.title = v)} />
                    </label>
                    <label>
                        <span>{"Intro line"}</span>
                        <input type="text" maxlength={crate::link::INTRO_MAX.to_string()} value={c.intro.clone()}
                            placeholder="Ten questions, about fifteen minutes. Grade yourself honestly." oninput={on_text(|c, v| c.intro = v)} />
                    </label>
                </fieldset>
            </div>
            <h3>{"Link"}</h3>
            <p class="snippet link-text"><code>{ &page_link }</code></p>
            { copy("Copy link", &page_link) }
            <h3>{"Embed on a page"}</h3>
            <p class="hint">{"An iframe works anywhere; the script keeps the widget's height equal to its content and passes its events to your page."}</p>
            <pre class="code snippet" tabindex="0"><code>{ &iframe }</code></pre>
            { copy("Copy iframe code", &iframe) }
            <pre class="code snippet" tabindex="0"><code>{ &script }</code></pre>
            { copy("Copy script code", &script) }
            <details class="preview" ontoggle={on_toggle}>
                <summary>{"Preview the embed"}</summary>
                if *preview_open {
                    <iframe key={preview_src.clone()} src={preview_src.clone()} title="PyPrep embed preview"
                        class={classes!("preview-frame", c.transparent.then_some("see-through"))}
                        style={embed::frame_color_scheme(&embedded.display).map(|s| format!("color-scheme:{s}"))}
                        loading="lazy"></iframe>
                }
            </details>
            <p><a href={format!("{folder}embed.html")} target="_blank" rel="noopener">{"All embed options"}</a>
                {" (attributes, events for your page, a careers-page example)."}</p>
        </section>
    }
}
