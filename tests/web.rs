//! Browser tests (wasm-bindgen-test in headless Chromium): components render a question,
//! reveal and grade; the storage adapter with working, throwing and absent storage.
#![cfg(target_arch = "wasm32")]

use pyprep::bank;
use pyprep::link::{parse_quiz, Display};
use pyprep::progress::PROGRESS_KEY;
use pyprep::store::Notice;
use pyprep::web::adapters::storage;
use pyprep::web::context::Ctx;
use pyprep::web::pages::quiz::QuizPage;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

const BANK: &str = r#"{"version":1,
  "categories":[{"slug":"core","title":"Core","description":"Basics."}],
  "questions":[
    {"id":"core-a","category":"core","prompt":"What is A?","difficulty":"junior",
     "answer":"A is **first**.\n\n```python\nx = 1\n```\n\n<script>alert(1)</script>","key_points":["first","one","alpha"]},
    {"id":"core-b","category":"core","prompt":"What is B?","difficulty":"mid",
     "answer":"B is second.","key_points":["second","two","beta"]}]}"#;

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Runs JS in the page (to break or remove storage for a test, and to restore it).
fn js(code: &str) {
    js_sys::Function::new_no_args(code)
        .call0(&wasm_bindgen::JsValue::NULL)
        .unwrap();
}

const SAVE_STORAGE: &str =
    "window.__realStorage = Object.getOwnPropertyDescriptor(window, 'localStorage');";
const RESTORE_STORAGE: &str =
    "Object.defineProperty(window, 'localStorage', window.__realStorage);";

#[derive(Properties, PartialEq)]
struct HostProps {
    ctx: Ctx,
    route: String,
}

#[component]
fn Host(props: &HostProps) -> Html {
    let (cats, query) = props.route.split_once('?').unwrap();
    let link = parse_quiz(cats, query).unwrap();
    html! {
        <ContextProvider<Ctx> context={props.ctx.clone()}>
            <QuizPage {link} />
        </ContextProvider<Ctx>>
    }
}

fn mount(route: &str) -> (web_sys::Element, Ctx) {
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let ctx = Ctx {
        loaded: Rc::new(bank::parse(BANK).unwrap()),
        code: pyprep::web::context::Code::Ready,
        store: Rc::new(storage::open(false)),
        display: Display::default(),
        revision: 0,
        changed: Callback::noop(),
        need_code: Callback::noop(),
    };
    yew::Renderer::<Host>::with_root_and_props(
        root.clone(),
        HostProps {
            ctx: ctx.clone(),
            route: route.to_owned(),
        },
    )
    .render();
    (root, ctx)
}

fn text(root: &web_sys::Element, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .text_content()
        .unwrap_or_default()
}

fn click(root: &web_sys::Element, selector: &str) {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .dyn_into::<web_sys::HtmlElement>()
        .unwrap()
        .click();
}

/// Waits (up to ~2 s) until `selector` matches inside `root`, letting promises and Yew run.
async fn until(root: &web_sys::Element, selector: &str) -> web_sys::Element {
    for _ in 0..200 {
        yew::scheduler::flush().await;
        if let Some(el) = root.query_selector(selector).unwrap() {
            return el;
        }
        let tick = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window()
                .unwrap()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(tick).await.unwrap();
    }
    panic!("nothing matched {selector}");
}

fn clear_storage() {
    web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .clear()
        .unwrap();
}

#[wasm_bindgen_test]
async fn renders_reveals_and_grades() {
    clear_storage();
    let (root, ctx) = mount("core?n=2&seed=web1");
    yew::scheduler::flush().await;
    let first = text(&root, "h1.prompt");
    assert!(first == "What is A?" || first == "What is B?", "{first}");
    assert_eq!(text(&root, ".counter"), "Question 1 of 2");
    assert!(
        root.query_selector(".answer").unwrap().is_none(),
        "answer hidden"
    );

    click(&root, "button.reveal");
    yew::scheduler::flush().await;
    let answer = root
        .query_selector(".answer")
        .unwrap()
        .expect("answer shown");
    until(&answer, ".prose:not(.pending)").await;
    let html = answer.inner_html();
    assert!(!html.contains("<script"), "raw HTML is escaped: {html}");
    assert!(html.contains("<p>"), "Markdown rendered: {html}");
    if first == "What is A?" {
        assert!(
            html.contains("<strong>first</strong>"),
            "Markdown rendered: {html}"
        );
        assert!(
            html.contains("<span class=\"tok-num\">1</span>"),
            "highlighted: {html}"
        );
        assert!(html.contains("&lt;script&gt;"), "{html}");
    }
    assert_eq!(
        root.query_selector_all(".grades button").unwrap().length(),
        4
    );
    assert_eq!(
        root.query_selector(".grades[role=group]")
            .unwrap()
            .unwrap()
            .get_attribute("aria-labelledby")
            .as_deref(),
        Some("grade-label")
    );

    click(&root, "button.grade-3");
    yew::scheduler::flush().await;
    assert_eq!(text(&root, ".counter"), "Question 2 of 2");
    assert_ne!(text(&root, "h1.prompt"), first);
    let progress = ctx.store.progress();
    assert_eq!(progress.graded_count(), 1);

    click(&root, "button.reveal");
    yew::scheduler::flush().await;
    click(&root, "button.grade-1");
    yew::scheduler::flush().await;
    assert_eq!(text(&root, "#summary-h"), "Quiz complete");
    assert_eq!(text(&root, ".score-big"), "33%", "(2 + 0) / 6");
    assert!(text(&root, ".summary").contains("Practise the one you missed"));
    root.remove();
}

#[wasm_bindgen_test]
async fn ticks_suggest_a_grade_intervals_show_and_undo_takes_it_back() {
    clear_storage();
    let (root, ctx) = mount("core?n=2&seed=web3");
    yew::scheduler::flush().await;
    click(&root, "button.reveal");
    yew::scheduler::flush().await;
    // The answer is formatted (Markdown, raw HTML escaped) and the key points are checkboxes.
    let boxes = root
        .query_selector_all(".grading input[type=checkbox]")
        .unwrap();
    assert_eq!(boxes.length(), 3);
    assert!(text(&root, ".suggestion").contains("Tick what you said"));
    assert!(
        text(&root, "#grade-3-more").contains("next in 2 days"),
        "FSRS-6, new card, Good"
    );
    click(&root, ".grading li:nth-child(1) input");
    yew::scheduler::flush().await;
    click(&root, ".grading li:nth-child(3) input");
    yew::scheduler::flush().await;
    assert!(text(&root, ".suggestion").starts_with("2 of 3 ticked"));
    assert!(
        root.query_selector(".grade-3.suggested").unwrap().is_some(),
        "half or more: Got it"
    );
    root.query_selector("textarea")
        .unwrap()
        .unwrap()
        .dyn_into::<web_sys::HtmlTextAreaElement>()
        .unwrap()
        .set_value("my notes");
    click(&root, "button.grade-2");
    yew::scheduler::flush().await;
    let p = ctx.store.progress();
    let (id, q) = p
        .questions
        .iter()
        .find(|(_, q)| !q.grades.is_empty())
        .unwrap();
    let ticks = q.grades[0].ticks.expect("ticks are saved with the grade");
    assert_eq!((ticks.said, ticks.of), (0b101, 3));
    assert!(q.card(0.9).is_some(), "scheduled at once");
    let id = id.clone();

    click(&root, "button.undo");
    yew::scheduler::flush().await;
    assert_eq!(text(&root, ".counter"), "Question 1 of 2");
    assert!(
        text(&root, ".suggestion").starts_with("2 of 3 ticked"),
        "ticks restored"
    );
    assert!(
        ctx.store.progress().questions[&id].grades.is_empty(),
        "review removed"
    );
    root.remove();
}

/// Two tabs (two stores over the same localStorage) grading in turn lose nothing: each write
/// reads the latest value first.
#[wasm_bindgen_test]
fn two_tabs_grading_at_once_lose_nothing() {
    use pyprep::progress::Ticks;
    use pyprep::quiz::Grade;
    clear_storage();
    let a = storage::open(false);
    let b = storage::open(false);
    for i in 0..10 {
        let tab = if i % 2 == 0 { &a } else { &b };
        let ticks = Some(Ticks { said: i, of: 4 });
        tab.update_progress(|p| {
            p.record_grade(&format!("q{}", i % 3), Grade::Good, f64::from(i), ticks)
        });
    }
    let p = a.progress();
    let total: usize = p.questions.values().map(|q| q.grades.len()).sum();
    assert_eq!(total, 10);
    assert_eq!(b.progress(), p);
}

#[wasm_bindgen_test]
async fn keyboard_reveals_and_grades_but_not_while_typing() {
    clear_storage();
    let (root, ctx) = mount("core?n=2&seed=web2");
    yew::scheduler::flush().await;
    let key = |k: &str, target: &web_sys::EventTarget| {
        let init = web_sys::KeyboardEventInit::new();
        init.set_key(k);
        init.set_bubbles(true);
        init.set_cancelable(true);
        let e =
            web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
        target.dispatch_event(&e).unwrap();
    };
    let area: web_sys::HtmlTextAreaElement = root
        .query_selector("textarea")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    area.set_value("my own answer");
    area.dispatch_event(&web_sys::InputEvent::new("input").unwrap())
        .unwrap();
    yew::scheduler::flush().await;
    let textarea: web_sys::EventTarget = area.clone().into();
    key(" ", &textarea);
    yew::scheduler::flush().await;
    assert!(
        root.query_selector(".answer").unwrap().is_none(),
        "typing a space does not reveal"
    );

    let body: web_sys::EventTarget = document().body().unwrap().into();
    key(" ", &body);
    yew::scheduler::flush().await;
    assert!(
        root.query_selector(".answer").unwrap().is_some(),
        "Space reveals"
    );
    assert_eq!(
        ctx.store.session().map(|s| s.notes),
        Some("my own answer".to_owned()),
        "revealing by key keeps the notes"
    );
    key("2", &textarea);
    yew::scheduler::flush().await;
    assert_eq!(
        text(&root, ".counter"),
        "Question 1 of 2",
        "digits typed in notes don't grade"
    );
    key("4", &body);
    yew::scheduler::flush().await;
    assert_eq!(text(&root, ".counter"), "Question 2 of 2");
    root.remove();
}

#[wasm_bindgen_test]
async fn unknown_category_shows_an_error_not_a_panic() {
    clear_storage();
    let (root, _) = mount("nope?seed=x");
    yew::scheduler::flush().await;
    assert!(text(&root, ".error-page").contains("There is no category called “nope”."));
    root.remove();
}

#[wasm_bindgen_test]
fn working_storage_persists() {
    clear_storage();
    let store = storage::open(false);
    assert!(store.notices().is_empty());
    store.update_progress(|p| p.record_seen("core-a"));
    let raw = web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item(PROGRESS_KEY)
        .unwrap()
        .expect("written to localStorage");
    assert!(raw.contains("core-a"));
    assert_eq!(storage::open(false).progress().questions["core-a"].seen, 1);
}

#[wasm_bindgen_test]
fn throwing_storage_falls_back_to_memory() {
    js(SAVE_STORAGE);
    js("Object.defineProperty(window, 'localStorage', { configurable: true, get() { throw new DOMException('denied', 'SecurityError'); } });");
    let store = storage::open(false);
    js(RESTORE_STORAGE);
    assert_eq!(store.notices(), [Notice::NotSaved]);
    store.update_progress(|p| p.record_seen("x"));
    assert_eq!(store.progress().questions["x"].seen, 1, "kept in memory");
}

#[wasm_bindgen_test]
fn absent_or_full_storage_falls_back_to_memory() {
    js(SAVE_STORAGE);
    js("Object.defineProperty(window, 'localStorage', { configurable: true, value: null });");
    let absent = storage::open(false);
    js(RESTORE_STORAGE);
    assert_eq!(absent.notices(), [Notice::NotSaved]);

    js("window.__realSet = Storage.prototype.setItem; Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };");
    let full = storage::open(false);
    js("Storage.prototype.setItem = window.__realSet;");
    assert_eq!(
        full.notices(),
        [Notice::NotSaved],
        "a failed write probe means no storage"
    );
    full.save_settings(&Default::default());
}
