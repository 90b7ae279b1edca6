//! The webview's settings beyond Tauri's defaults.
//!
//! The window is a form and a few canvases, so WebKitGTK's GPU compositing
//! buys nothing visible here and costs over 100 MB in the web process (its
//! GL rendering buffers; measured under Xvfb with Mesa's llvmpipe). It also
//! needs no WebGL, no Web Audio, no page cache for back/forward navigation and
//! no memory cache beyond what one page needs.

/// Applies the settings to the window's webview.
pub(crate) fn configure(window: &tauri::WebviewWindow) {
    #[cfg(target_os = "linux")]
    {
        use webkit2gtk::{
            CacheModel, HardwareAccelerationPolicy, SettingsExt, WebContextExt, WebViewExt,
        };
        let done = window.with_webview(|webview| {
            let view = webview.inner();
            if let Some(settings) = WebViewExt::settings(&view) {
                settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
                settings.set_enable_webgl(false);
                settings.set_enable_webaudio(false);
                settings.set_enable_page_cache(false);
            }
            if let Some(context) = view.context() {
                context.set_cache_model(CacheModel::DocumentViewer);
            }
        });
        if let Err(e) = done {
            eprintln!("release-composer: the webview's settings were not applied: {e}");
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = window;
}

/// Turns WebKitGTK's spell checking on with `dictionary` (as Enchant names
/// it: `en_GB`), or off without one. WebKitGTK checks nothing until it is
/// given languages; it underlines in every text field and editor, and its
/// context menu offers the suggestions.
pub(crate) fn set_spelling(window: &tauri::WebviewWindow, dictionary: Option<&str>) {
    #[cfg(target_os = "linux")]
    {
        use webkit2gtk::{WebContextExt, WebViewExt};
        let dictionary = dictionary.map(str::to_owned);
        let done = window.with_webview(move |webview| {
            if let Some(context) = webview.inner().context() {
                match &dictionary {
                    Some(d) => {
                        context.set_spell_checking_languages(&[d.as_str()]);
                        context.set_spell_checking_enabled(true);
                    }
                    None => context.set_spell_checking_enabled(false),
                }
            }
        });
        if let Err(e) = done {
            eprintln!("release-composer: spell checking was not set: {e}");
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = (window, dictionary);
}

/// The web context's spell checking as WebKitGTK reports it.
pub(crate) fn spelling(window: &tauri::WebviewWindow) -> crate::types::WebSpelling {
    let (tx, rx) = std::sync::mpsc::channel();
    #[cfg(target_os = "linux")]
    {
        use webkit2gtk::{WebContextExt, WebViewExt};
        let _ = window.with_webview(move |webview| {
            let state = webview.inner().context().map(|c| {
                let languages = c
                    .spell_checking_languages()
                    .into_iter()
                    .map(|l| l.to_string())
                    .collect();
                (c.is_spell_checking_enabled(), languages)
            });
            let _ = tx.send(state.unwrap_or_default());
        });
    }
    #[cfg(not(target_os = "linux"))]
    let _ = (window, tx);
    let (enabled, languages) = rx
        .recv_timeout(std::time::Duration::from_secs(5))
        .unwrap_or_default();
    crate::types::WebSpelling { enabled, languages }
}
