//! Where a line of a release may break, for every writer that breaks lines:
//! the PDF (which then chooses among the opportunities with Knuth–Plass)
//! and the plain-text e-mail (which wraps to a width in columns).
//!
//! - [`opportunities`]: UAX 14, with the breaks around Chinese quotation
//!   marks that UAX 14 before Unicode 15.1 lacks, and no line starting with
//!   Chinese closing punctuation;
//! - [`is_address`]: a web address or an e-mail address, which plain text
//!   never breaks (a reader must be able to copy it whole);
//! - [`wrap`]: text set into lines of at most so many columns.

pub use unicode_linebreak::BreakOpportunity;
use unicode_linebreak::linebreaks;
use unicode_width::UnicodeWidthStr;

/// Chinese, Japanese and Korean letters and their punctuation.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F
        | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}

/// True when a CJK character is on either side of byte `pos` of `text`.
pub fn cjk_around(text: &str, pos: usize) -> bool {
    text[..pos].chars().next_back().is_some_and(is_cjk)
        || text[pos..].chars().next().is_some_and(is_cjk)
}

/// Chinese opening punctuation: a line may end before it.
fn is_cjk_opening(c: char) -> bool {
    matches!(
        c,
        '“' | '‘' | '《' | '（' | '「' | '『' | '【' | '〈' | '〔'
    )
}

/// Punctuation that must not start a line.
fn is_cjk_closing(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '”'
            | '’'
            | '）'
            | '》'
            | '」'
            | '』'
            | '】'
            | '〉'
            | '〕'
            | '·'
            | '・'
    )
}

/// Break opportunities (UAX 14) as byte offsets, with those UAX 14 before
/// Unicode 15.1 lacks between Chinese text and quotation marks: before an
/// opening quote that follows Chinese text, after a closing quote that
/// precedes it. Closing punctuation never starts a line.
pub fn opportunities(text: &str) -> Vec<(usize, BreakOpportunity)> {
    let mut ops: Vec<(usize, BreakOpportunity)> = linebreaks(text).collect();
    let mut extra = Vec::new();
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        if let Some(p) = prev {
            let next_cjk = is_cjk(c) && !is_cjk_closing(c);
            let before_quote = matches!(c, '“' | '‘') && is_cjk(p) && !is_cjk_opening(p);
            let after_quote = matches!(p, '”' | '’') && next_cjk;
            if before_quote || after_quote {
                extra.push(i);
            }
        }
        prev = Some(c);
    }
    if !extra.is_empty() {
        ops.extend(extra.into_iter().map(|i| (i, BreakOpportunity::Allowed)));
        ops.sort_by_key(|(i, o)| (*i, *o == BreakOpportunity::Allowed));
        ops.dedup_by_key(|(i, _)| *i);
    }
    ops
}

/// True for a web address (`https://…`, `www.…`) or an e-mail address,
/// with any punctuation around it.
pub fn is_address(token: &str) -> bool {
    let lower = token.to_ascii_lowercase();
    lower.contains("://") || lower.contains("www.") || lower.contains('@')
}

/// How many columns `text` takes in a fixed-width font: a CJK character
/// two, a combining mark none.
pub fn columns(text: &str) -> usize {
    text.width()
}

/// Byte ranges of the whitespace-separated tokens of `text` that are addresses.
fn address_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                if is_address(&text[s..i]) {
                    out.push(s..i);
                }
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    out
}

/// `text` set into lines of at most `max` columns (a CJK character
/// takes two), breaking only where [`opportunities`] allows and never inside
/// an address; a word or address wider than a line stands alone on its
/// line, whole. Mandatory breaks (a newline in the text) are kept. Spaces at
/// a break are dropped.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let addresses = address_ranges(text);
    let inside_address = |pos: usize| addresses.iter().any(|r| r.start < pos && pos < r.end);
    let mut lines = Vec::new();
    let mut line_start = 0;
    // The last opportunity seen on the current line: where to break when it overflows.
    let mut last_fit: Option<usize> = None;
    let width = |a: usize, b: usize| columns(text[a..b].trim_end());
    for (pos, op) in opportunities(text) {
        if op == BreakOpportunity::Allowed && inside_address(pos) {
            continue;
        }
        if width(line_start, pos) > max
            && let Some(fit) = last_fit.filter(|f| *f > line_start)
        {
            lines.push(text[line_start..fit].trim_end().to_owned());
            line_start = fit;
        }
        if op == BreakOpportunity::Mandatory {
            lines.push(text[line_start..pos].trim_end().to_owned());
            line_start = pos;
            last_fit = None;
        } else {
            last_fit = Some(pos);
        }
    }
    if line_start < text.len() {
        lines.push(text[line_start..].trim_end().to_owned());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_fit_and_keep_every_word_in_order() {
        let text = "The United Nations Counter-Terrorism Centre of the United Nations Office of Counter-Terrorism launched today the Phase IV of the project.";
        let lines = wrap(text, 40);
        assert!(lines.iter().all(|l| l.width() <= 40), "{lines:#?}");
        assert_eq!(lines.join(" "), text);
        assert_eq!(lines[0], "The United Nations Counter-Terrorism");
    }

    #[test]
    fn addresses_are_never_broken() {
        let url = "https://www.un.org/counterterrorism/cct/joint-plan-of-action-central-asia";
        let text = format!("See {url} or write to gerardl@un.org today.");
        let lines = wrap(&text, 30);
        assert!(lines.iter().any(|l| l == url), "{lines:#?}");
        assert!(
            lines.iter().any(|l| l.contains("gerardl@un.org")),
            "{lines:#?}"
        );
        assert!(
            lines.iter().all(|l| l.width() <= 30 || l == url),
            "{lines:#?}"
        );
        assert_eq!(lines.join(" "), text);
    }

    #[test]
    fn chinese_breaks_between_characters_by_width() {
        let text = "联合国反恐怖主义办公室今天在杜尚别启动了项目第四阶段，“中亚”各国表示支持。";
        let lines = wrap(text, 20);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| l.width() <= 20), "{lines:#?}");
        assert!(
            lines
                .iter()
                .skip(1)
                .all(|l| !l.starts_with(['，', '。', '”'])),
            "{lines:#?}"
        );
        assert_eq!(lines.concat(), text);
    }

    #[test]
    fn newlines_in_the_text_are_kept() {
        assert_eq!(wrap("one\ntwo three", 72), ["one", "two three"]);
        assert_eq!(wrap("", 72), Vec::<String>::new());
    }
}
