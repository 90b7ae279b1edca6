//! Links: a link whose text is itself an address must lead there. Text that
//! shows one address and opens another is what phishing looks like, and
//! readers of a printed copy type what they see. The fix shows the real target.

use crate::finding::Finding;
use crate::lint::Context;
use crate::validate::is_email;

/// The address as a reader compares it: no scheme, no `www.`, no final `/`,
/// host in lower case.
fn normalise(address: &str) -> String {
    let lower = address.trim().to_lowercase();
    let rest = ["https://", "http://", "mailto:"]
        .iter()
        .find_map(|s| lower.strip_prefix(s))
        .unwrap_or(&lower);
    let rest = rest.strip_prefix("www.").unwrap_or(rest);
    rest.trim_end_matches('/').to_owned()
}

fn looks_like_address(text: &str) -> bool {
    let lower = text.to_lowercase();
    !text.contains(char::is_whitespace)
        && (lower.starts_with("http://")
            || lower.starts_with("https://")
            || lower.starts_with("www.")
            || is_email(text))
}

pub(crate) fn check(cx: &Context, f: &mut Vec<Finding>) {
    for passage in &cx.passages {
        for piece in &passage.pieces {
            let Some(target) = piece.run.and_then(|r| r.link.as_deref()) else {
                continue;
            };
            let start = piece.start;
            let shown = passage.text[start..start + piece.len].trim();
            if !looks_like_address(shown) || normalise(shown) == normalise(target) {
                continue;
            }
            let real = target.strip_prefix("mailto:").unwrap_or(target);
            let offset = start + passage.text[start..].find(shown).unwrap_or(0);
            f.push(
                Finding::warning(
                    "link-text-mismatch",
                    format!("{}.link", piece.run_path()),
                    format!("the link shows {shown} but leads to {target}"),
                )
                .with_fix(passage.fix(offset..offset + shown.len(), real)),
            );
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
        c.links.enabled = true;
        c
    }

    fn link(text: &str, target: &str) -> Run {
        Run {
            link: Some(target.into()),
            ..Run::plain(text)
        }
    }

    #[test]
    fn an_address_leading_elsewhere_fires_and_the_fix_shows_the_target() {
        let d = draft_with(vec![
            Run::plain("See "),
            link("www.un.org", "https://example.com/login"),
            Run::plain(" now."),
        ]);
        assert_eq!(
            found(&d, &checks()),
            [(
                "link-text-mismatch".into(),
                "release.body[0].content[1].link".into()
            )]
        );
        assert_eq!(fixed(&d, &checks()), "See https://example.com/login now.");
        let mail = draft_with(vec![link("press@un.org", "mailto:other@un.org")]);
        assert_eq!(fixed(&mail, &checks()), "other@un.org");
    }

    #[test]
    fn matching_addresses_and_ordinary_link_text_are_quiet() {
        let d = draft_with(vec![
            link("www.un.org", "https://www.un.org/"),
            link("https://UN.org", "https://un.org"),
            link("gerardl@un.org", "mailto:gerardl@un.org"),
            link("the report", "https://example.com/report"),
        ]);
        assert!(found(&d, &checks()).is_empty());
    }
}
