//! The Document's blocks as Word paragraphs: each names its style, lists
//! refer to their numbering, and a span carries only what the author chose
//! (bold, italic, a link) or its character style; everything else comes from
//! styles.xml. A heading whose level differs from its style's has its own
//! outline level; a span in another language and a link's description are
//! left for [`crate::patch`] to write (docx-rs has no run language and no
//! hyperlink tip): [`Marks`] keeps them.

use crate::lists::Lists;
use crate::styles::style_id;
use crate::text::{Cleaner, add_text};
use docx_rs::{Hyperlink, HyperlinkData, HyperlinkType, Paragraph, Run};
use release_style::{Block, CharStyle, Document, Role, Span};

/// The outline level (1 for the headline) a role's style has; a heading at
/// another level has its own.
pub(crate) fn outline_level(role: Role) -> Option<u8> {
    match role {
        Role::Headline => Some(1),
        Role::SectionHeading | Role::ContactsLabel | Role::Subheading => Some(2),
        _ => None,
    }
}

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

/// What docx-rs cannot write and the patches add: the languages of runs
/// (each run in a language carries a `w:fitText` marker with the
/// language's id, which no run otherwise has) and the hyperlinks' tips.
#[derive(Debug, Default)]
pub(crate) struct Marks {
    /// Languages by marker id (from [`LANGUAGE_MARK`]).
    pub languages: Vec<String>,
    /// (hyperlink relationship id, description).
    pub tips: Vec<(String, String)>,
}

/// The first marker id of a run's language.
pub(crate) const LANGUAGE_MARK: u32 = 0x5EED_0000;

/// What every paragraph of the body needs to know besides its block.
pub(crate) struct Body<'a> {
    pub doc: &'a Document,
    pub lists: &'a Lists,
    pub ids: &'a mut Ids,
    pub cleaner: &'a mut Cleaner,
    pub marks: &'a mut Marks,
}

impl Body<'_> {
    /// The Word paragraph of one block, a heading at `level` (1 is the
    /// headline) or not.
    pub(crate) fn paragraph(&mut self, block: &Block, level: Option<u8>) -> Paragraph {
        let mut paragraph = Paragraph::new()
            .id(self.ids.paragraph())
            .style(&style_id(block.role.style_name()));
        if let Some(level) = level
            && Some(level) != outline_level(block.role)
        {
            paragraph = paragraph.outline_lvl(usize::from(level - 1));
        }
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
        if let Some(lang) = &span.lang {
            let languages = &mut self.marks.languages;
            let n = languages.iter().position(|l| l == lang).unwrap_or_else(|| {
                languages.push(lang.clone());
                languages.len() - 1
            });
            run.run_property = run.run_property.fit_text(0, Some(LANGUAGE_MARK + n as u32));
        }
        run = add_text(run, &text);
        match target {
            Some(target) => {
                let description = release_style::link_description(&text, &target);
                let mut link = Hyperlink::new(target, HyperlinkType::External);
                if let HyperlinkData::External { rid, .. } = &mut link.link {
                    *rid = self.ids.hyperlink();
                    self.marks.tips.push((rid.clone(), description));
                }
                paragraph.add_hyperlink(link.add_run(run.style(CharStyle::Link.style_name())))
            }
            None => paragraph.add_run(run),
        }
    }
}
