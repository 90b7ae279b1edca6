//! The preview's pictures of a PDF's pages, drawn in Rust with hayro.
//!
//! The window shows the exported PDF itself: the app renders the draft to
//! PDF bytes as an export would, reads them here, and draws the pages in
//! view at the size the window shows them. Drawing here takes a fraction of
//! what pdf.js took in the webview, and none of the webview's threads.

use hayro::hayro_interpret::InterpreterSettings;
use hayro::hayro_syntax::Pdf;
use hayro::vello_cpu::color::palette::css::WHITE;
use hayro::vello_cpu::peniko::ImageAlphaType;
use hayro::{PixmapSettings, RenderCache, RenderSettings};
use std::sync::Arc;

/// The widest picture drawn, in pixels: a page at three times its size on
/// a high-density screen. A request for more is refused, not drawn.
pub const MAX_WIDTH: u32 = 6000;

/// Why a page could not be drawn.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum RasterError {
    #[error("the preview's PDF could not be read ({0})")]
    Unreadable(String),
    #[error("page {page} is not in the preview: it has {count} page(s)")]
    NoSuchPage { page: usize, count: usize },
    #[error("a picture of {width} pixels across was asked for; at most {MAX_WIDTH} are drawn")]
    TooWide { width: u32 },
}

/// One page drawn: `width` × `height` pixels, four bytes each (red, green,
/// blue, alpha), rows from the top. Every pixel is opaque, so the bytes
/// are the same premultiplied or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picture {
    pub width: u32,
    pub height: u32,
    pub rgba: Vec<u8>,
}

/// A PDF read for drawing. Reading only indexes the file; each page is
/// parsed when it is drawn.
pub struct Pages {
    pdf: Pdf,
}

impl std::fmt::Debug for Pages {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Pages({})", self.len())
    }
}

impl Pages {
    /// Reads `bytes`, a PDF.
    pub fn new(bytes: Arc<Vec<u8>>) -> Result<Pages, RasterError> {
        let pdf = Pdf::new(bytes).map_err(|e| RasterError::Unreadable(format!("{e:?}")))?;
        Ok(Pages { pdf })
    }

    /// How many pages there are.
    pub fn len(&self) -> usize {
        self.pdf.pages().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Each page's size as shown (rotation applied), in points.
    pub fn sizes(&self) -> Vec<(f32, f32)> {
        self.pdf
            .pages()
            .iter()
            .map(|page| page.render_dimensions())
            .collect()
    }

    /// Page `page` (from 0) drawn `width` pixels across on white, its
    /// height in proportion.
    pub fn draw(&self, page: usize, width: u32) -> Result<Picture, RasterError> {
        if width > MAX_WIDTH {
            return Err(RasterError::TooWide { width });
        }
        let pages = self.pdf.pages();
        let one = pages.get(page).ok_or(RasterError::NoSuchPage {
            page,
            count: pages.len(),
        })?;
        let (points, _) = one.render_dimensions();
        let scale = width.max(1) as f32 / points.max(1.0);
        let cache = RenderCache::new();
        let pixmap = hayro::render(
            one,
            &cache,
            &InterpreterSettings::default(),
            &RenderSettings::default(),
            &PixmapSettings {
                x_scale: scale,
                y_scale: scale,
                bg_color: WHITE,
            },
        );
        Ok(Picture {
            width: u32::from(pixmap.width()),
            height: u32::from(pixmap.height()),
            rgba: pixmap.take_rgba8(ImageAlphaType::AlphaPremultiplied),
        })
    }
}
