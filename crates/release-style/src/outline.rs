//! A plain-text outline of a Document, for golden tests and `--outline`:
//! one paragraph a line, its role first, `**bold**`, `_italic_`,
//! `[text](link)`, the dateline in `⟦ ⟧`, and text in another language than
//! the document's as `⟨lang|text⟩`.

use crate::document::{CharStyle, Document, ListMarker};
use std::fmt::Write;

impl Document {
    /// The outline of the document.
    pub fn outline(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "style: {}  language: {:?}  direction: {:?}  pdf: {}",
            self.style,
            self.language,
            self.direction,
            self.pdf_standard.name()
        );
        let _ = writeln!(
            out,
            "page: {} x {} mm, margins {} {} {} {} mm",
            self.page.width_mm,
            self.page.height_mm,
            self.page.margin_top_mm,
            self.page.margin_right_mm,
            self.page.margin_bottom_mm,
            self.page.margin_left_mm
        );
        let _ = writeln!(
            out,
            "font: {} (DOCX: {})",
            self.fonts.family, self.fonts.docx_family
        );
        let m = &self.metadata;
        let _ = writeln!(
            out,
            "metadata: title={:?} author={:?} subject={:?} language={:?} date={}",
            m.title,
            m.author,
            m.subject,
            m.language,
            m.date.map_or("none".to_owned(), |d| d.to_string())
        );
        if let Some(footer) = &self.footer {
            let _ = writeln!(out, "footer: {}", footer.pattern);
        }
        out.push('\n');
        for (i, block) in self.blocks.iter().enumerate() {
            if let Some(figure) = self.figure_at(i) {
                let _ = writeln!(
                    out,
                    "[Figure] {} ({:.0} x {:.0} mm, {} x {} px) alt: {:?}",
                    figure.image.file,
                    figure.width_pt * 25.4 / 72.0,
                    figure.height_pt * 25.4 / 72.0,
                    figure.image.facts.width,
                    figure.image.facts.height,
                    figure.alt
                );
            }
            let _ = write!(out, "[{}] ", block.role.style_name());
            match block.marker {
                Some(ListMarker::Bullet) => out.push_str("• "),
                Some(ListMarker::Number { number, .. }) => {
                    let _ = write!(out, "{number}. ");
                }
                None => {}
            }
            for span in &block.spans {
                let mut text = span.text.replace('\n', "⏎");
                if span.italic {
                    text = format!("_{text}_");
                }
                if span.bold && span.char_style != Some(CharStyle::Dateline) {
                    text = format!("**{text}**");
                }
                if let Some(link) = &span.link {
                    text = format!("[{text}]({link})");
                }
                if span.char_style == Some(CharStyle::Dateline) {
                    text = format!("⟦{text}⟧");
                }
                if let Some(lang) = &span.lang {
                    text = format!("⟨{lang}|{text}⟩");
                }
                out.push_str(&text);
            }
            out.push('\n');
        }
        out
    }
}
