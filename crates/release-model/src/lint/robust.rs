//! Every check on awkward text: no panics, and every fix offered applies to
//! the draft it was computed on.

use crate::draft::{Block, Contact, Embargo, Quote, Run};
use crate::lint::test_support::{date, draft_with};
use crate::lint::{Checks, PerCent, apply_fix, lint};

fn everything_on() -> Checks {
    let mut c = Checks::default();
    c.emphasis.enabled = true;
    c.numbers.enabled = true;
    c.numbers.per_cent = Some(PerCent::PerCent);
    c.acronyms.forbid_full_stops = true;
    c.headline.ideal_length = Some(10);
    c.headline.max_length = Some(20);
    c.length.min_words = Some(300);
    c
}

const AWKWARD: [&str; 12] = [
    "",
    " ",
    "  ",
    " - ",
    "\"",
    "'",
    "U.N.",
    "“«„「",
    "é  ü - ñ .Ö ,3 %",
    "مرحبا  ، بالعالم - 5 ؟",
    "联合国 “项目”  启动。3 个国家",
    "e\u{301}\u{301} 🇹🇯  x.Y 7% percent per cent (AB) AB (AB)",
];

/// Codes the awkward drafts must raise.
const EXPECTED: &[&str] = &[
    "acronym-full-stops",
    "double-space",
    "emphasis",
    "headline-too-long",
    "per-cent",
    "quotation-marks-straight",
    "quotation-marks-unbalanced",
    "space-before-punctuation",
    "spaced-hyphen",
];

#[test]
fn awkward_text_never_panics_and_every_fix_applies() {
    let mut codes = std::collections::BTreeSet::new();
    let mut fixes = 0;
    for language in ["en", "fr", "ru", "ar", "zh", "xx"] {
        for text in AWKWARD {
            let mut d = draft_with(vec![
                Run::plain(text),
                Run::bold(text),
                Run {
                    link: Some("https://un.org".into()),
                    ..Run::plain(text)
                },
                Run::plain(text),
            ]);
            d.language = language.into();
            d.release.headline = text.into();
            d.release.body.push(Block::List {
                ordered: false,
                items: vec![vec![Run::plain(text)], vec![]],
                extra: Default::default(),
            });
            d.release.quotes.push(Quote {
                speaker: text.into(),
                title: text.into(),
                text: vec![Run::plain(text)],
                after: vec![Run::plain(text)],
                ..Quote::default()
            });
            d.release.contacts.push(Contact {
                name: text.into(),
                ..Contact::default()
            });
            d.release.embargo = Some(Embargo {
                until: text.into(),
                ..Embargo::default()
            });
            d.release.dateline.date = text.into();
            for finding in lint(&d, &everything_on(), date("2021-12-08")) {
                if let Some(fix) = &finding.fix {
                    apply_fix(&d, fix).unwrap_or_else(|e| panic!("{text:?} {finding:?}: {e}"));
                    fixes += 1;
                }
                codes.insert(finding.code);
            }
        }
    }
    // The checks really ran over this text: a lint that finds nothing would
    // pass the loop above.
    for code in EXPECTED {
        assert!(codes.contains(*code), "no `{code}` among {codes:?}");
    }
    assert!(fixes >= 500, "only {fixes} fixes were offered and applied");
}
