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
    #[cfg(target_os = "linux")]
    keep_large_buffers_out_of_the_heap();
    release_composer_app::run();
}

/// The preview's pictures are buffers of megabytes made and dropped with
/// every keystroke. glibc's malloc serves blocks that large from their own
/// mappings, given back when dropped, but after the first is dropped it
/// raises that threshold to its size and serves the next ones from its
/// arenas, which keep the memory. A fixed threshold keeps them mapped.
#[cfg(target_os = "linux")]
fn keep_large_buffers_out_of_the_heap() {
    // SAFETY: mallopt only sets a malloc parameter; no other thread yet.
    #[allow(unsafe_code)]
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 256 * 1024);
    }
}
