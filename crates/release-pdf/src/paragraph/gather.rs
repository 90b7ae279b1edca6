//! Gathering: the block's spans joined into the paragraph's one text,
//! cleaned of control characters, with the style run ([`Piece`]) each part
//! belongs to (face, colour, link) and the links' addresses.

use super::Setting;
use crate::fonts::FaceId;
use release_style::{Block, CharStyle, ParagraphStyle, Rgb};
use std::ops::Range;

/// A style run: bytes of the text set in one face and colour.
pub(super) struct Piece {
    pub range: Range<usize>,
    pub face: FaceId,
    pub color: Rgb,
    /// Index into [`Gathered::links`].
    pub link: Option<usize>,
    /// Index into [`Gathered::langs`].
    pub lang: Option<usize>,
}

/// The paragraph's text and its style runs, in logical order.
pub(super) struct Gathered {
    pub text: String,
    pub pieces: Vec<Piece>,
    pub links: Vec<String>,
    /// Each link's text, in the order of `links`.
    pub link_texts: Vec<String>,
    /// The languages of the spans not in the document's, each once.
    pub langs: Vec<String>,
}

/// The paragraph's text, cleaned of control characters, and its style runs.
pub(super) fn gather(block: &Block, style: &ParagraphStyle, setting: Setting) -> Gathered {
    let mut text = String::new();
    let mut pieces = Vec::new();
    let mut links: Vec<String> = Vec::new();
    let mut link_texts: Vec<String> = Vec::new();
    let mut langs: Vec<String> = Vec::new();
    for span in &block.spans {
        let start = text.len();
        for c in span.text.chars() {
            match c {
                '\n' | '\u{2028}' | '\u{2029}' => text.push('\n'),
                '\t' => text.push(' '),
                c if c.is_control() => {}
                c => text.push(c),
            }
        }
        if text.len() == start {
            continue;
        }
        let dateline = span.char_style == Some(CharStyle::Dateline);
        let bold = style.bold || span.bold || (dateline && setting.dateline_bold);
        let link = span.link.as_ref().map(|uri| {
            links.push(uri.clone());
            link_texts.push(text[start..].to_owned());
            links.len() - 1
        });
        let lang = span
            .lang
            .as_ref()
            .map(|l| match langs.iter().position(|have| have == l) {
                Some(i) => i,
                None => {
                    langs.push(l.clone());
                    langs.len() - 1
                }
            });
        let color = if link.is_some() || span.char_style == Some(CharStyle::Link) {
            setting.link_color
        } else {
            style.color
        };
        pieces.push(Piece {
            range: start..text.len(),
            face: FaceId::of(bold, style.italic || span.italic),
            color,
            link,
            lang,
        });
    }
    Gathered {
        text,
        pieces,
        links,
        link_texts,
        langs,
    }
}
