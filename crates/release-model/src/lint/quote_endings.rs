//! Quote endings: the paragraph a quotation makes must end a sentence. The
//! style prints `{open}{text}{close}{after}`, so the quotation's words and
//! what follows them together must end with `.`, `!`, `?` or `…`.
//!
//! No fix: whether the full stop goes inside or outside the closing mark is
//! the writer's call (the reference puts it outside, in `after`).

use crate::draft::Run;
use crate::finding::Finding;
use crate::lint::Context;
use crate::lint::passage::{is_closer, is_terminal};

pub(crate) fn check(cx: &Context, f: &mut Vec<Finding>) {
    for (i, quote) in cx.draft.release.quotes.iter().enumerate() {
        let joined: String = quote
            .text
            .iter()
            .chain(&quote.after)
            .map(|r: &Run| r.text.as_str())
            .collect();
        let end = joined.trim_end().trim_end_matches(is_closer);
        let Some(last) = end.chars().next_back() else {
            continue;
        };
        if !is_terminal(last) {
            f.push(Finding::warning(
                "quote-unterminated",
                format!("release.quotes[{i}].text"),
                "the quotation ends without a full stop (or ? !): end its sentence, in the text or in what follows it",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::draft::{Quote, Run};
    use crate::lint::Checks;
    use crate::lint::test_support::*;

    fn checks() -> Checks {
        let mut c = Checks::none();
        c.quote_endings.enabled = true;
        c
    }

    fn quote(text: &str, after: &str) -> Quote {
        Quote {
            speaker: "Ms. A".into(),
            text: vec![Run::plain(text)],
            after: if after.is_empty() {
                vec![]
            } else {
                vec![Run::plain(after)]
            },
            ..Quote::default()
        }
    }

    #[test]
    fn a_quotation_without_final_punctuation_fires() {
        let mut d = draft_saying("Body.");
        d.release.quotes = vec![quote("we are done", ""), quote("we are done", " she said")];
        assert_eq!(
            found(&d, &checks()),
            [
                ("quote-unterminated".into(), "release.quotes[0].text".into()),
                ("quote-unterminated".into(), "release.quotes[1].text".into())
            ]
        );
    }

    #[test]
    fn punctuation_in_the_text_or_after_it_is_quiet() {
        let mut d = draft_saying("Body.");
        d.release.quotes = vec![
            quote("we are done.", ""),
            quote("we are done", "."),
            quote("are we done?", ""),
            quote("we are done", ". She left the room."),
            quote("we said “done.”", ""),
        ];
        assert!(found(&d, &checks()).is_empty());
    }
}
