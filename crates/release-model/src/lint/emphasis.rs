//! Emphasis, for styles that forbid it (UN editorial practice: no bold or
//! italics for emphasis): a bold or italic run in running text that has words
//! of its sentence before it and more of the paragraph after it, as
//! "During the event, the **Member States of Central Asia** have expressed…".
//!
//! Not flagged, by design:
//! - a run that is a whole sentence or paragraph (a lead-in or a subheading
//!   typed as a bold paragraph);
//! - a run that ends its paragraph: the name of a speaker or a sign-off set
//!   off at the close, as the reference release's closing paragraph does;
//! - links, subheadings, the headline and quotation titles.
//!
//! Italics are flagged like bold; the message says they are for titles of
//! publications and foreign words.

use crate::finding::Finding;
use crate::lint::Context;
use crate::lint::passage::{Shape, is_closer, is_terminal};

pub(crate) fn check(cx: &Context, f: &mut Vec<Finding>) {
    for passage in cx.passages.iter().filter(|p| p.shape == Shape::Running) {
        for piece in &passage.pieces {
            let Some(run) = piece.run else { continue };
            if !(run.bold || run.italic) || run.link.is_some() || run.text.trim().is_empty() {
                continue;
            }
            let before = passage.text[..piece.start]
                .trim_end()
                .trim_end_matches(is_closer);
            let words_before = before.chars().next_back().is_some_and(|c| !is_terminal(c));
            let rest = &passage.text[piece.start + piece.len..];
            let words_after = rest.chars().any(char::is_alphanumeric);
            if !(words_before && words_after) {
                continue;
            }
            let (attribute, message) = if run.bold {
                (
                    "bold",
                    "bold used for emphasis inside a sentence: the house style does not emphasise; let the wording carry the weight",
                )
            } else {
                (
                    "italic",
                    "italics used for emphasis inside a sentence: the house style keeps italics for titles of publications and foreign words",
                )
            };
            f.push(Finding::warning(
                "emphasis",
                format!("{}.{attribute}", piece.run_path()),
                message,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::draft::Run;
    use crate::lint::Checks;
    use crate::lint::test_support::*;

    fn checks() -> Checks {
        let mut c = Checks::none();
        c.emphasis.enabled = true;
        c
    }

    fn italic(text: &str) -> Run {
        Run {
            text: text.into(),
            italic: true,
            ..Run::default()
        }
    }

    #[test]
    fn bold_and_italics_inside_a_sentence_fire() {
        let d = draft_with(vec![
            Run::plain("During the event, the "),
            Run::bold("Member States"),
            Run::plain(" agreed. It was "),
            italic("very"),
            Run::plain(" important."),
        ]);
        assert_eq!(
            found(&d, &checks()),
            [
                ("emphasis".into(), "release.body[0].content[1].bold".into()),
                (
                    "emphasis".into(),
                    "release.body[0].content[3].italic".into()
                )
            ]
        );
    }

    #[test]
    fn whole_sentences_closing_names_and_links_are_quiet() {
        let d = draft_with(vec![
            Run::bold("A new phase begins."),
            Run::plain(" The remarks were given by "),
            Run::bold("Ms. Natalia Gherman, Special Representative."),
        ]);
        assert!(found(&d, &checks()).is_empty());
        let linked = draft_with(vec![
            Run::plain("See the "),
            Run {
                link: Some("https://un.org".into()),
                ..Run::bold("report")
            },
            Run::plain(" online."),
        ]);
        assert!(found(&linked, &checks()).is_empty());
        assert!(
            found(&linked, &Checks::default()).is_empty(),
            "off by default"
        );
    }
}
