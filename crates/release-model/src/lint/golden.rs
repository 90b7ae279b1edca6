//! The example release (UNOCT, Dushanbe, 8 December 2021) under the UN
//! style's checks: exactly the defects its text has, and no others.

use crate::example::example;
use crate::lint::test_support::date;
use crate::lint::{Checks, PerCent, apply_fix, lint};
use crate::validate::validate;

/// The `[checks]` of `templates/un/style.toml` (release-style's tests check
/// the file itself against the same list).
fn un() -> Checks {
    let mut c = Checks::default();
    c.headline.ideal_length = Some(120);
    c.length.max_words = Some(1000);
    c.emphasis.enabled = true;
    c.acronyms.forbid_full_stops = true;
    c.numbers.enabled = true;
    c.numbers.per_cent = Some(PerCent::PerCent);
    c
}

/// `(code, path)` of each real defect of the example, in lint's order.
pub(crate) const EXAMPLE_FINDINGS: [(&str, &str); 6] = [
    // The first quotation's text opens “This new phase… inside the quotation
    // and never closes it: the printed paragraph ends “…Afghanistan”. with
    // the outer quotation left open.
    (
        "quotation-marks-unbalanced",
        "release.quotes[0].text[0].text",
    ),
    // The third quotation (Ms. Gherman) ends “…counter-terrorism” with no
    // full stop, in its text or after it.
    ("quote-unterminated", "release.quotes[2].text"),
    // 143 characters against the UN style's ~120: the project's full title
    // makes the headline long. A warning, as the style asks.
    ("headline-long", "release.headline"),
    // “the **Member States of Central Asia** have expressed…”: bold for
    // emphasis mid-sentence, which UN practice does not use. The bold name
    // that closes the closing paragraph is a sign-off, not flagged by design.
    ("emphasis", "release.body[5].content[1].bold"),
    // “action plans to counterterrorism (CT)” once, against
    // counter-terrorism everywhere else.
    ("spelling-inconsistent", "release.body[3].content[0].text"),
    // “(2010 - 2021)”: a hyphen between spaces standing for the en dash of
    // a range, 2010–2021.
    ("spaced-hyphen", "release.body[3].content[0].text"),
];

#[test]
fn the_example_has_exactly_its_real_defects() {
    let found: Vec<(String, String)> = lint(&example(), &un(), date("2021-12-08"))
        .into_iter()
        .map(|f| (f.code, f.path))
        .collect();
    let expected: Vec<(String, String)> = EXAMPLE_FINDINGS
        .iter()
        .map(|(c, p)| ((*c).to_owned(), (*p).to_owned()))
        .collect();
    assert_eq!(found, expected);
}

#[test]
fn the_examples_findings_are_warnings_and_its_fixes_apply() {
    let draft = example();
    let findings = lint(&draft, &un(), date("2021-12-08"));
    assert!(
        findings
            .iter()
            .all(|f| f.severity == crate::Severity::Warning)
    );
    let fixes: Vec<_> = findings.iter().filter_map(|f| f.fix.as_ref()).collect();
    let shown: Vec<(&str, &str)> = fixes
        .iter()
        .map(|f| (f.before.as_str(), f.after.as_str()))
        .collect();
    assert_eq!(
        shown,
        [
            ("to counterterrorism (CT)", "to counter-terrorism (CT)"),
            ("(2010 - 2021),", "(2010–2021),")
        ]
    );
    let mut fixed = draft.clone();
    let mut last_first = fixes.clone();
    last_first.sort_by_key(|f| std::cmp::Reverse(f.offset));
    for fix in last_first {
        fixed = apply_fix(&fixed, fix).expect("applies");
    }
    let left: Vec<String> = lint(&fixed, &un(), date("2021-12-08"))
        .into_iter()
        .map(|f| f.code)
        .collect();
    assert_eq!(
        left,
        [
            "quotation-marks-unbalanced",
            "quote-unterminated",
            "headline-long",
            "emphasis"
        ]
    );
    assert!(validate(&fixed).is_empty());
}

#[test]
fn a_year_later_the_example_is_old() {
    let late = lint(&example(), &un(), date("2022-12-09"));
    assert!(late.iter().any(|f| f.code == "dateline-old"));
}
