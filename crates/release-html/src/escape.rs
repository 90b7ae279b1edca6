//! Escaping user text for HTML: nothing a draft holds is ever markup.

/// Text for an element's content: `&`, `<` and `>` escaped, and the
/// characters HTML forbids (controls other than tab and newline) left out.
pub fn escape_text(text: &str) -> String {
    escape(text, false)
}

/// Text for a double-quoted attribute value: as [`escape_text`], and `"`
/// and `'` too; line breaks and tabs become spaces.
pub fn escape_attr(text: &str) -> String {
    escape(text, true)
}

fn escape(text: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            '\'' if attribute => out.push_str("&#39;"),
            '\n' | '\t' if attribute => out.push(' '),
            c if is_forbidden(c) => {}
            c => out.push(c),
        }
    }
    out
}

fn is_forbidden(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || matches!(c, '\u{FFFE}' | '\u{FFFF}')
}

/// A link target that may be live: `https:`, `http:` or `mailto:`.
pub(crate) fn safe_link(target: &str) -> Option<&str> {
    let t = target.trim();
    let lower = t.to_ascii_lowercase();
    let allowed = ["https://", "http://", "mailto:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme));
    (allowed && !t.chars().any(|c| c.is_control() || c.is_whitespace())).then_some(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_text_stays_text() {
        assert_eq!(
            escape_text("<script>alert('x')</script> & \u{7}"),
            "&lt;script&gt;alert('x')&lt;/script&gt; &amp; "
        );
        assert_eq!(escape_attr("a\"b' onload=x"), "a&quot;b&#39; onload=x");
        assert_eq!(safe_link("javascript:alert(1)"), None);
        assert_eq!(safe_link("https://un.org/x y"), None);
        assert_eq!(safe_link(" mailto:a@un.org "), Some("mailto:a@un.org"));
    }
}
