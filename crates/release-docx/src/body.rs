//! The Document's blocks as Word paragraphs: each names its style, lists
//! refer to their numbering, and a span carries only what the author chose
//! (bold, italic, a link) or its character style; everything else comes from
//! styles.xml.

use crate::lists::Lists;
use crate::styles::style_id;
use crate::text::{Cleaner, add_text};
use docx_rs::{Hyperlink, HyperlinkData, HyperlinkType, Paragraph, Run};
use release_style::{Block, CharStyle, Document, Span};

/// Ids that docx-rs would draw from process-wide counters, drawn here from
/// the document's own, so the same Document always gives the same bytes.
#[derive(Debug, Default)]
pub(crate) struct Ids {
    paragraphs: u32,
    hyperlinks: u32,
}

impl Ids {
    /// The next `w14:paraId`: eight hex digits, below 0x80000000 as Word requires.
    pub(crate) fn paragraph(&mut self) -> String {
        self.paragraphs += 1;
        format!("{:08X}", self.paragraphs)
    }

    fn hyperlink(&mut self) -> String {
        self.hyperlinks += 1;
        format!("rIdHyperlink{}", self.hyperlinks)
    }
}

/// What every paragraph of the body needs to know besides its block.
pub(crate) struct Body<'a> {
    pub doc: &'a Document,
    pub lists: &'a Lists,
    pub ids: &'a mut Ids,
    pub cleaner: &'a mut Cleaner,
}

impl Body<'_> {
    /// The Word paragraph of one block.
    pub(crate) fn paragraph(&mut self, block: &Block) -> Paragraph {
        let mut paragraph = Paragraph::new()
            .id(self.ids.paragraph())
            .style(&style_id(block.role.style_name()));
        if let Some((id, level)) = block.marker.and_then(|m| self.lists.reference(m)) {
            paragraph = paragraph.numbering(id, level);
        }
        for span in &block.spans {
            paragraph = self.span(paragraph, span, &block.source);
        }
        paragraph
    }

    fn span(&mut self, paragraph: Paragraph, span: &Span, source: &str) -> Paragraph {
        let text = self.cleaner.clean(&span.text, source);
        let target = span
            .link
            .as_deref()
            .map(|link| self.cleaner.clean(link.trim(), source).into_owned())
            .filter(|link| !link.is_empty());
        if text.is_empty() {
            return paragraph;
        }
        let dateline = span.char_style == Some(CharStyle::Dateline);
        let mut run = Run::new();
        if dateline {
            run = run.style(CharStyle::Dateline.style_name());
        }
        // The Dateline style is bold already; bold on top would be direct formatting.
        if span.bold && !(dateline && self.doc.dateline_bold) {
            run = run.bold();
        }
        if span.italic {
            run = run.italic();
        }
        run = add_text(run, &text);
        match target {
            Some(target) => {
                let mut link = Hyperlink::new(target, HyperlinkType::External);
                if let HyperlinkData::External { rid, .. } = &mut link.link {
                    *rid = self.ids.hyperlink();
                }
                paragraph.add_hyperlink(link.add_run(run.style(CharStyle::Link.style_name())))
            }
            None => paragraph.add_run(run),
        }
    }
}
