//! Paragraphs set in earlier renders, kept by everything they were set
//! from, so that an edit re-sets only the paragraph it touched and the
//! pages are paginated again from the kept lines.
//!
//! A paragraph is set on its own: the glyphs it records for the fonts'
//! text maps go into its own [`UsedGlyphs`], merged into the render's in
//! the document's order whether the paragraph was set now or kept. A render
//! through a [`Typesetter`] that has seen other drafts therefore gives the
//! same bytes as one from a new one.

use crate::fonts::Faces;
use crate::hyphenate;
use crate::page::{Item, Page};
use crate::paragraph::{self, Paragraph, Setting};
use crate::subset::UsedGlyphs;
use release_style::{Block, Document, FallbackFont, FontFamily, ParagraphStyle};
use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::Arc;

/// Keeps the paragraphs of the last render (see the module's text); one
/// per preview, since a render keeps only what it used.
#[derive(Default)]
pub struct Typesetter {
    /// The fonts the kept paragraphs were shaped with.
    fonts: Option<(FontFamily, Vec<FallbackFont>)>,
    /// Each paragraph with the glyphs it recorded, by [`key`].
    kept: Recent<String, (Arc<Paragraph>, UsedGlyphs)>,
    /// The pages' content streams of the last render.
    pub(crate) streams: crate::streams::Streams,
    /// The lines the last render placed on its pages.
    pub(crate) lines: Lines,
    /// Paragraphs set and paragraphs reused since the typesetter was made.
    counts: (usize, usize),
}

impl std::fmt::Debug for Typesetter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Typesetter")
            .field("kept", &self.kept.len())
            .field("set", &self.counts.0)
            .field("reused", &self.counts.1)
            .finish()
    }
}

impl Typesetter {
    pub fn new() -> Typesetter {
        Typesetter::default()
    }

    /// How many paragraphs it has set, and how many it has reused instead.
    pub fn counts(&self) -> (usize, usize) {
        self.counts
    }

    /// How many pages' content streams it has written, and how many it
    /// has reused instead.
    pub fn page_counts(&self) -> (usize, usize) {
        self.streams.counts
    }

    /// Starts a render of `doc`: paragraphs shaped with other fonts are
    /// forgotten.
    pub(crate) fn begin(&mut self, doc: &Document) {
        self.kept.begin();
        self.lines.kept.begin();
        let same = self
            .fonts
            .as_ref()
            .is_some_and(|(family, fallback)| *family == doc.fonts && *fallback == doc.fallback);
        if !same {
            self.kept.clear();
            self.streams.kept.clear();
            self.lines.kept.clear();
            self.fonts = Some((doc.fonts.clone(), doc.fallback.clone()));
        }
    }

    /// Ends the render: what it did not use is forgotten.
    pub(crate) fn end(&mut self) {
        self.kept.end();
        self.lines.kept.end();
    }

    /// `block` set in `style` on lines `width` long, as [`paragraph::set`]
    /// sets it, kept or set now; its glyphs recorded in `used`.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn set(
        &mut self,
        block: &Block,
        style: &ParagraphStyle,
        width: f32,
        setting: Setting,
        faces: &mut Faces<'_>,
        used: &mut UsedGlyphs,
        hyphens: &mut hyphenate::Cache,
    ) -> Arc<Paragraph> {
        let key = key(block, style, width, setting);
        if let Some((paragraph, own)) = self.kept.get(&key) {
            used.merge(own);
            self.counts.1 += 1;
            return Arc::clone(paragraph);
        }
        let mut own = UsedGlyphs::default();
        let paragraph = Arc::new(paragraph::set(
            block, style, width, setting, faces, &mut own, hyphens,
        ));
        used.merge(&own);
        self.counts.0 += 1;
        self.kept.insert(key, (Arc::clone(&paragraph), own));
        paragraph
    }
}

/// Everything [`paragraph::set`] reads, written out: the block's spans and
/// marker (not its role or source), the style, the measure and the setting.
/// `Debug` writes floats so that they read back exactly and quotes strings,
/// so two different inputs never give the same key.
fn key(block: &Block, style: &ParagraphStyle, width: f32, setting: Setting) -> String {
    let mut key =
        String::with_capacity(256 + block.spans.iter().map(|s| s.text.len()).sum::<usize>());
    let _ = write!(
        key,
        "{:?}|{:?}|{:?}|{:08x}|{:?}",
        block.spans,
        block.marker,
        style,
        width.to_bits(),
        setting
    );
    key
}

/// The items each line of a kept paragraph was placed as, by the
/// paragraph (the very one, held so that it stays the same), the line, the
/// block it belongs to and where it stands: a line an edit did not touch
/// or move is not placed again.
#[derive(Default)]
pub(crate) struct Lines {
    kept: Recent<LineKey, (Arc<Paragraph>, Vec<Item>)>,
}

/// The paragraph's address, the line's index, the block's, the line's
/// left end and baseline (as bits).
type LineKey = (usize, usize, usize, u32, u32);

impl Lines {
    /// Puts on `page` the items of line `key.0` of `para`, of block
    /// `key.1`, at left end `key.2` and baseline `key.3`: kept ones, or
    /// those `place` puts there now.
    pub(crate) fn place(
        &mut self,
        page: &mut Page,
        para: &Arc<Paragraph>,
        (line, block, left, baseline): (usize, usize, f32, f32),
        place: impl FnOnce(&mut Page),
    ) {
        let key = (
            Arc::as_ptr(para) as usize,
            line,
            block,
            left.to_bits(),
            baseline.to_bits(),
        );
        if let Some((_, items)) = self.kept.get(&key) {
            page.items.extend(items.iter().cloned());
            return;
        }
        let start = page.items.len();
        place(page);
        self.kept
            .insert(key, (Arc::clone(para), page.items[start..].to_vec()));
    }
}

/// What one render keeps for the next: the values the render under way
/// used or made stay, the others are forgotten when it ends.
pub(crate) struct Recent<K, V> {
    kept: HashMap<K, (V, u64)>,
    /// The number of the render under way.
    render: u64,
}

impl<K, V> Default for Recent<K, V> {
    fn default() -> Self {
        Recent {
            kept: HashMap::new(),
            render: 0,
        }
    }
}

impl<K: std::hash::Hash + Eq, V> Recent<K, V> {
    /// Starts a render.
    pub fn begin(&mut self) {
        self.render += 1;
    }

    /// The value kept for `key`, which this render now uses.
    pub fn get(&mut self, key: &K) -> Option<&V> {
        let render = self.render;
        self.kept.get_mut(key).map(|(value, used)| {
            *used = render;
            &*value
        })
    }

    pub fn insert(&mut self, key: K, value: V) {
        self.kept.insert(key, (value, self.render));
    }

    /// Ends the render: what it did not use is forgotten.
    pub fn end(&mut self) {
        let render = self.render;
        self.kept.retain(|_, (_, used)| *used == render);
    }

    pub fn clear(&mut self) {
        self.kept.clear();
    }

    pub fn len(&self) -> usize {
        self.kept.len()
    }
}
