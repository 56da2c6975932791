//! Files in and out: a download made from text (Export) and the text of a picked file
//! (Import).

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Offers `text` as a file download named `name`. An error says why (a sandboxed frame may
/// forbid downloads).
pub fn download(name: &str, text: &str, mime: &str) -> Result<(), String> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|e| crate::web::js_text(&e))?;
    let url =
        web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| crate::web::js_text(&e))?;
    let a: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|e| crate::web::js_text(&e))?
        .dyn_into()
        .map_err(|_| "no anchor")?;
    a.set_href(&url);
    a.set_download(name);
    a.set_hidden(true);
    let body = document.body().ok_or("no body")?;
    let _ = body.append_child(&a);
    a.click();
    let _ = body.remove_child(&a);
    // The download has started; the URL can go once the click is handled.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(w) = web_sys::window() {
        let _ =
            w.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 1000);
    }
    Ok(())
}

/// The text of the first file picked in `input`, refusing files over `limit` bytes before
/// reading them. `Ok(None)`: nothing picked.
pub async fn read_picked(
    input: &web_sys::HtmlInputElement,
    limit: usize,
) -> Result<Option<(String, String)>, String> {
    let Some(file) = input.files().and_then(|f| f.get(0)) else {
        return Ok(None);
    };
    if file.size() > limit as f64 {
        return Err(format!(
            "“{}” is {:.1} MB; a PyPrep export is far smaller, so it was not read.",
            file.name(),
            file.size() / 1_048_576.0
        ));
    }
    let text = JsFuture::from(file.text()).await.map_err(|e| {
        format!(
            "“{}” could not be read ({}).",
            file.name(),
            crate::web::js_text(&e)
        )
    })?;
    Ok(Some((file.name(), text.as_string().unwrap_or_default())))
}
