//! Rehearse aloud: record a spoken answer with the microphone, and play it back after the reveal
//! next to the model answer. The recording lives in memory for this question only: it is never
//! uploaded or stored, and is dropped (its object URL revoked) when the question changes, unless
//! the learner downloads it.

use crate::mock::clock_text;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RecorderProps {
    /// The question (for the download's file name); a new one starts a new recorder.
    pub id: AttrValue,
    /// After the reveal the recording can be played back.
    pub revealed: bool,
    /// A paused mock interview: a recording still going ends with the clocks.
    #[prop_or_default]
    pub paused: bool,
}

#[derive(Clone, PartialEq)]
enum State {
    Idle,
    Asking,
    Recording { since: f64 },
    Recorded { url: String, ms: f64, kind: String },
    Refused(String),
}

/// The live parts of a recording: dropped with the component (tracks stopped, URL revoked).
#[derive(Default)]
struct Live {
    stream: Option<web_sys::MediaStream>,
    recorder: Option<web_sys::MediaRecorder>,
    chunks: Vec<web_sys::Blob>,
    url: Option<String>,
    handlers: Vec<Closure<dyn FnMut(web_sys::Event)>>,
}

impl Live {
    fn stop_tracks(&mut self) {
        if let Some(stream) = self.stream.take() {
            for t in stream.get_tracks().iter() {
                if let Ok(t) = t.dyn_into::<web_sys::MediaStreamTrack>() {
                    t.stop();
                }
            }
        }
    }

    fn release(&mut self) {
        if let Some(r) = self.recorder.take() {
            // Its handlers go with it: nothing may call them once they are dropped below.
            r.set_ondataavailable(None);
            r.set_onstop(None);
            if r.state() != web_sys::RecordingState::Inactive {
                let _ = r.stop();
            }
        }
        self.stop_tracks();
        if let Some(url) = self.url.take() {
            let _ = web_sys::Url::revoke_object_url(&url);
        }
        self.chunks.clear();
        self.handlers.clear();
    }
}

/// Why the microphone can't be used, in words a learner can act on.
fn refusal(e: &JsValue) -> String {
    let name = e
        .dyn_ref::<web_sys::DomException>()
        .map(|d| d.name())
        .unwrap_or_default();
    match name.as_str() {
        "NotAllowedError" | "SecurityError" => {
            let framed = web_sys::window()
                .and_then(|w| w.parent().ok().flatten().map(|p| p != w))
                .unwrap_or(false);
            if framed {
                "The microphone isn't allowed here: this page embeds PyPrep without allowing it (allow=\"microphone\"), or you refused it. Open the full site to record. Everything else works without it.".to_owned()
            } else {
                "Microphone access was refused. To record, allow the microphone for this site in your browser's settings. Everything else works without it.".to_owned()
            }
        }
        "NotFoundError" | "OverconstrainedError" => {
            "No microphone was found. Plug one in to record; everything else works without it."
                .to_owned()
        }
        "NotReadableError" | "AbortError" => {
            "The microphone is busy or failed to start (another app may be using it). Try again, or go on without recording.".to_owned()
        }
        _ => format!(
            "Recording couldn't start ({}). Everything else works without it.",
            crate::web::js_text(e)
        ),
    }
}

/// The audio format this browser records (Safari: mp4; others: webm/opus).
fn recording_kind() -> Option<&'static str> {
    [
        "audio/webm;codecs=opus",
        "audio/webm",
        "audio/mp4",
        "audio/ogg;codecs=opus",
    ]
    .into_iter()
    .find(|t| web_sys::MediaRecorder::is_type_supported(t))
}

async fn open_microphone() -> Result<web_sys::MediaStream, JsValue> {
    let devices = web_sys::window()
        .ok_or(JsValue::NULL)?
        .navigator()
        .media_devices()?;
    let constraints = web_sys::MediaStreamConstraints::new();
    constraints.set_audio(&JsValue::TRUE);
    let stream = JsFuture::from(devices.get_user_media_with_constraints(&constraints)?).await?;
    stream.dyn_into()
}

#[component]
pub fn Recorder(props: &RecorderProps) -> Html {
    let state = use_state(|| State::Idle);
    let live = use_mut_ref(Live::default);
    // The control that replaces the one the learner pressed takes the focus (a button that
    // disappears would drop it to the page).
    let control = use_node_ref();
    let pressed = use_mut_ref(|| false);
    {
        // Once: a recording ended by the reveal or a pause leaves the focus where it is.
        let control = control.clone();
        let pressed = pressed.clone();
        let kind = std::mem::discriminant(&*state);
        use_effect_with(kind, move |_| {
            if std::mem::take(&mut *pressed.borrow_mut()) {
                crate::web::focus(&control);
            }
        });
    }
    {
        // Revealing the answer ends a recording still going, so it can be played back; so
        // does pausing a mock interview (the question is hidden, the clocks stop).
        let live = live.clone();
        let recording = matches!(*state, State::Recording { .. });
        use_effect_with(
            (props.revealed, props.paused),
            move |&(revealed, paused)| {
                if (revealed || paused) && recording {
                    if let Some(r) = live.borrow().recorder.as_ref() {
                        let _ = r.stop();
                    }
                }
            },
        );
    }
    let tick = use_force_update();
    {
        // Nothing outlives the question: tracks stop, the recording's URL is revoked.
        let live = live.clone();
        use_effect_with(props.id.clone(), move |_| {
            move || live.borrow_mut().release()
        });
    }
    {
        let recording = matches!(*state, State::Recording { .. });
        use_effect_with(recording, move |&recording| {
            let timer = recording
                .then(|| gloo::timers::callback::Interval::new(1_000, move || tick.force_update()));
            move || drop(timer)
        });
    }
    let supported = web_sys::window().is_some_and(|w| {
        js_sys::Reflect::has(&w, &"MediaRecorder".into()).unwrap_or(false)
            && w.navigator().media_devices().is_ok()
    }) && recording_kind().is_some();

    let start = {
        let state = state.clone();
        let live = live.clone();
        let pressed = pressed.clone();
        Callback::from(move |_: MouseEvent| {
            *pressed.borrow_mut() = true;
            let state = state.clone();
            let live = live.clone();
            state.set(State::Asking);
            let pressed = pressed.clone();
            wasm_bindgen_futures::spawn_local(async move {
                // The focus moves on again when the microphone answers (from "Waiting…").
                let result = begin(&live, &state).await;
                *pressed.borrow_mut() = true;
                match result {
                    Ok(()) => state.set(State::Recording {
                        since: crate::web::now_ms(),
                    }),
                    Err(e) => {
                        live.borrow_mut().release();
                        state.set(State::Refused(refusal(&e)));
                    }
                }
            });
        })
    };
    let stop = {
        let live = live.clone();
        let pressed = pressed.clone();
        Callback::from(move |_: MouseEvent| {
            *pressed.borrow_mut() = true;
            if let Some(r) = live.borrow().recorder.as_ref() {
                let _ = r.stop();
            }
        })
    };
    let discard = {
        let state = state.clone();
        let live = live.clone();
        let pressed = pressed.clone();
        Callback::from(move |_: MouseEvent| {
            *pressed.borrow_mut() = true;
            live.borrow_mut().release();
            state.set(State::Idle);
        })
    };
    // Replaces the recording with a new one, in one press.
    let again = {
        let live = live.clone();
        let start = start.clone();
        Callback::from(move |e: MouseEvent| {
            live.borrow_mut().release();
            start.emit(e);
        })
    };

    let body = match &*state {
        _ if !supported => html! {
            <p class="hint">{"This browser can't record audio, so rehearse aloud without playback."}</p>
        },
        State::Idle => html! {
            <button type="button" class="button subtle record" onclick={start} ref={control.clone()}
                title="Rehearse aloud. The recording stays on this device: never uploaded or saved.">
                <span aria-hidden="true" class="rec-dot"></span>{"Record your answer"}
            </button>
        },
        State::Asking => html! {
            <p class="hint" role="status" tabindex="-1" ref={control.clone()}>{"Waiting for the microphone…"}</p>
        },
        State::Recording { since } => html! {
            <>
                <button type="button" class="button record recording" onclick={stop} ref={control.clone()}>
                    {"Stop recording"}
                </button>
                <span class="rec-time" role="timer" aria-live="off">
                    <span aria-hidden="true" class="rec-dot live"></span>
                    { clock_text(crate::web::now_ms() - since) }
                </span>
            </>
        },
        State::Recorded { url, ms, kind } => {
            let ext = if kind.contains("mp4") {
                "m4a"
            } else if kind.contains("ogg") {
                "ogg"
            } else {
                "webm"
            };
            let file = format!("pyprep-{}.{ext}", props.id);
            html! {
                <>
                    // After Stop the focus is on the recording itself, not on "Record again"
                    // (a second Space, meant to reveal, must not replace it).
                    if props.revealed {
                        <audio controls=true src={url.clone()} aria-label="Your recorded answer" ref={control.clone()}></audio>
                    } else {
                        <span class="hint" role="status" tabindex="-1" ref={control.clone()}>
                            { format!("Recorded {}. Play it back once you reveal the answer.", clock_text(*ms)) }
                        </span>
                    }
                    <a class="button subtle" href={url.clone()} download={file}>{"Download"}</a>
                    <span class="hint">{"Only on this device; gone at the next question unless downloaded."}</span>
                    <button type="button" class="button subtle" onclick={again} title="Replaces this recording">{"Record again"}</button>
                </>
            }
        }
        State::Refused(message) => html! {
            <>
                <p class="notice mic-refused" role="alert">{ message.clone() }</p>
                <button type="button" class="button subtle" onclick={discard} ref={control.clone()}>{"Try again"}</button>
            </>
        },
    };
    html! {
        <div class="recorder" aria-label="Rehearse aloud" role="group">
            { body }

        </div>
    }
}

/// Opens the microphone and starts recording; when it stops, the state becomes `Recorded`.
async fn begin(live: &Rc<RefCell<Live>>, state: &UseStateHandle<State>) -> Result<(), JsValue> {
    let stream = open_microphone().await?;
    let kind = recording_kind().unwrap_or("audio/webm");
    let options = web_sys::MediaRecorderOptions::new();
    options.set_mime_type(kind);
    let recorder = web_sys::MediaRecorder::new_with_media_stream_and_media_recorder_options(
        &stream, &options,
    )?;
    let started = crate::web::now_ms();
    let on_data = {
        let live = live.clone();
        Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
            if let Some(blob) = e.dyn_ref::<web_sys::BlobEvent>().and_then(|e| e.data()) {
                live.borrow_mut().chunks.push(blob);
            }
        })
    };
    let on_stop = {
        let live = live.clone();
        let state = state.clone();
        Closure::<dyn FnMut(web_sys::Event)>::new(move |_: web_sys::Event| {
            let mut l = live.borrow_mut();
            l.stop_tracks();
            let parts = js_sys::Array::new();
            for c in &l.chunks {
                parts.push(c);
            }
            let bag = web_sys::BlobPropertyBag::new();
            bag.set_type(kind);
            let url = web_sys::Blob::new_with_blob_sequence_and_options(&parts, &bag)
                .and_then(|b| web_sys::Url::create_object_url_with_blob(&b));
            match url {
                Ok(url) => {
                    l.url = Some(url.clone());
                    state.set(State::Recorded {
                        url,
                        ms: crate::web::now_ms() - started,
                        kind: kind.to_owned(),
                    });
                }
                Err(e) => state.set(State::Refused(format!(
                    "The recording couldn't be kept ({}).",
                    crate::web::js_text(&e)
                ))),
            }
        })
    };
    recorder.set_ondataavailable(Some(on_data.as_ref().unchecked_ref()));
    recorder.set_onstop(Some(on_stop.as_ref().unchecked_ref()));
    recorder.start()?;
    let mut l = live.borrow_mut();
    l.stream = Some(stream);
    l.recorder = Some(recorder);
    l.handlers = vec![on_data, on_stop];
    Ok(())
}
