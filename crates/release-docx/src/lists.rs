//! Bullet and numbered lists as real Word numbering (numbering.xml): one
//! bullet definition for every bulleted item, and one decimal definition per
//! numbered list so that each list counts from its own first number.

use crate::units::twips;
use docx_rs::{
    AbstractNumbering, Docx, IndentLevel, Level, LevelJc, LevelText, NumberFormat, Numbering,
    NumberingId, SpecialIndentType, Start,
};
use release_style::{Document, ListMarker, Role};

/// The numbering of the document's list items, by marker.
#[derive(Debug, Default)]
pub(crate) struct Lists {
    bullet: Option<usize>,
    /// (the Document's list, the Word numbering id, the first number).
    numbered: Vec<(u32, usize, u32)>,
}

/// The distance from the list's start margin to its text, when the style gives none.
const MIN_INDENT_PT: f32 = 18.0;

impl Lists {
    /// Collects the lists of `doc`, numbering them in order of appearance.
    pub(crate) fn of(doc: &Document) -> Lists {
        let mut lists = Lists::default();
        // docx-rs always writes a definition of its own with id 1.
        let mut next = 2;
        for marker in doc.blocks.iter().filter_map(|b| b.marker) {
            match marker {
                ListMarker::Bullet if lists.bullet.is_none() => {
                    lists.bullet = Some(next);
                    next += 1;
                }
                ListMarker::Number { list, number }
                    if !lists.numbered.iter().any(|(l, _, _)| *l == list) =>
                {
                    lists.numbered.push((list, next, number));
                    next += 1;
                }
                _ => {}
            }
        }
        lists
    }

    /// The numbering a paragraph with `marker` refers to.
    pub(crate) fn reference(&self, marker: ListMarker) -> Option<(NumberingId, IndentLevel)> {
        let id = match marker {
            ListMarker::Bullet => self.bullet?,
            ListMarker::Number { list, .. } => self.numbered.iter().find(|(l, _, _)| *l == list)?.1,
        };
        Some((NumberingId::new(id), IndentLevel::new(0)))
    }

    /// Adds the numbering definitions to `docx`.
    pub(crate) fn define(&self, doc: &Document, mut docx: Docx) -> Docx {
        let indent = doc
            .styles
            .get(&Role::ListItem)
            .map_or(MIN_INDENT_PT, |s| s.indent_pt.max(MIN_INDENT_PT));
        let hanging = MIN_INDENT_PT.min(indent);
        let level = |start: u32, format: &str, text: &str| {
            Level::new(
                0,
                Start::new(start as usize),
                NumberFormat::new(format),
                LevelText::new(text),
                LevelJc::new("left"),
            )
            .indent(
                Some(twips(indent)),
                Some(SpecialIndentType::Hanging(twips(hanging))),
                None,
                None,
            )
        };
        if let Some(id) = self.bullet {
            docx = docx
                .add_abstract_numbering(
                    AbstractNumbering::new(id).add_level(level(1, "bullet", "\u{2022}")),
                )
                .add_numbering(Numbering::new(id, id));
        }
        for &(_, id, first) in &self.numbered {
            docx = docx
                .add_abstract_numbering(
                    AbstractNumbering::new(id).add_level(level(first, "decimal", "%1.")),
                )
                .add_numbering(Numbering::new(id, id));
        }
        docx
    }
}
