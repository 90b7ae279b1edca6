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
