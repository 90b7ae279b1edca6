// Release Composer's desktop app. No console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    // WebKitGTK hands the page's pictures to the window through DMA-BUF and
    // GL unless told not to. The page is drawn without the GPU (webview.rs),
    // so that path adds only memory (about 10 MB PSS, measured with
    // tests/e2e/measure.mjs). A value set by the user is kept.
    #[cfg(target_os = "linux")]
    if std::env::var_os("WEBKIT_DISABLE_DMABUF_RENDERER").is_none() {
        // SAFETY: the first statement of `main`: no other thread exists yet
        // (Tauri, GTK and WebKit start later), so nothing reads the
        // environment while it changes.
        #[allow(unsafe_code)]
        unsafe {
            std::env::set_var("WEBKIT_DISABLE_DMABUF_RENDERER", "1");
        }
    }
    release_composer_app::run();
}
