//! Text patterns of a style file: `{name}` is filled in, `[ … ]` is an optional
//! group, printed only when every placeholder inside it has text.
//!
//! `{speaker}[, {title}][ {context}] {verb} that {open}{text}{close}{after}`
//! prints `Mr. X underlined that “…”` when title and context are empty. A
//! group's text before its first placeholder is left out when nothing has been
//! printed before it, so `[{name}][, {email}]` with no name prints `x@un.org`,
//! not `, x@un.org`. Where two pieces meet, a doubled full stop is printed once.

use crate::document::Span;

#[derive(Debug, Clone, PartialEq)]
enum Piece {
    Text(String),
    Slot(String),
    Group(Vec<Piece>),
}

/// A parsed pattern.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Pattern {
    pieces: Vec<Piece>,
}

impl Pattern {
    /// Parses `text`, allowing only the placeholder names in `allowed`.
    pub(crate) fn parse(text: &str, allowed: &[&str]) -> Result<Pattern, String> {
        let mut top: Vec<Piece> = Vec::new();
        let mut group: Option<Vec<Piece>> = None;
        let mut literal = String::new();
        let mut chars = text.chars();
        let flush = |literal: &mut String, into: &mut Vec<Piece>| {
            if !literal.is_empty() {
                into.push(Piece::Text(std::mem::take(literal)));
            }
        };
        while let Some(c) = chars.next() {
            match c {
                '{' => {
                    let into = group.as_mut().unwrap_or(&mut top);
                    flush(&mut literal, into);
                    let name: String = chars.by_ref().take_while(|&c| c != '}').collect();
                    if !allowed.contains(&name.as_str()) {
                        return Err(if allowed.is_empty() {
                            format!("`{{{name}}}`: this text takes no placeholders")
                        } else {
                            format!(
                                "unknown placeholder `{{{name}}}` (known: {})",
                                allowed
                                    .iter()
                                    .map(|a| format!("{{{a}}}"))
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            )
                        });
                    }
                    into.push(Piece::Slot(name));
                }
                '}' => return Err("a `}` without its `{`".to_owned()),
                '[' => {
                    if group.is_some() {
                        return Err("optional groups `[ … ]` cannot be nested".to_owned());
                    }
                    flush(&mut literal, &mut top);
                    group = Some(Vec::new());
                }
                ']' => {
                    let Some(mut pieces) = group.take() else {
                        return Err("a `]` without its `[`".to_owned());
                    };
                    flush(&mut literal, &mut pieces);
                    if !pieces.iter().any(|p| matches!(p, Piece::Slot(_))) {
                        return Err("an optional group `[ … ]` holds no placeholder".to_owned());
                    }
                    top.push(Piece::Group(pieces));
                }
                _ => literal.push(c),
            }
        }
        if group.is_some() {
            return Err("a `[` without its `]`".to_owned());
        }
        flush(&mut literal, &mut top);
        Ok(Pattern { pieces: top })
    }

    /// Fills the pattern in. `value` gives the spans of a placeholder; literal
    /// text comes out as plain spans.
    pub(crate) fn fill(&self, value: &dyn Fn(&str) -> Vec<Span>) -> Vec<Span> {
        let mut out: Vec<Span> = Vec::new();
        for piece in &self.pieces {
            match piece {
                Piece::Text(text) => push(&mut out, Span::plain(text.clone())),
                Piece::Slot(name) => value(name).into_iter().for_each(|s| push(&mut out, s)),
                Piece::Group(pieces) => {
                    let values: Vec<Option<Vec<Span>>> = pieces
                        .iter()
                        .map(|p| match p {
                            Piece::Slot(name) => Some(value(name)),
                            _ => None,
                        })
                        .collect();
                    let complete = values
                        .iter()
                        .flatten()
                        .all(|spans| spans.iter().any(|s| !s.text.trim().is_empty()));
                    if !complete {
                        continue;
                    }
                    let nothing_before = out.iter().all(|s| s.text.trim().is_empty());
                    let mut lead = nothing_before;
                    for (piece, value) in pieces.iter().zip(values) {
                        match (piece, value) {
                            (Piece::Text(_), _) if lead => {}
                            (Piece::Text(text), _) => push(&mut out, Span::plain(text.clone())),
                            (_, Some(spans)) => {
                                lead = false;
                                spans.into_iter().for_each(|s| push(&mut out, s));
                            }
                            _ => {}
                        }
                    }
                }
            }
        }
        out
    }

    /// Fills the pattern with plain text values.
    pub(crate) fn fill_text(&self, value: &dyn Fn(&str) -> String) -> String {
        self.fill(&|name| vec![Span::plain(value(name))])
            .into_iter()
            .map(|s| s.text)
            .collect()
    }
}

/// Appends a span, printing a full stop once where two meet, and merging it
/// into the previous span when their attributes agree.
fn push(out: &mut Vec<Span>, mut span: Span) {
    let ends_with_stop = out
        .iter()
        .rev()
        .find(|s| !s.text.is_empty())
        .is_some_and(|s| s.text.ends_with('.') && !s.text.ends_with(".."));
    if ends_with_stop && span.text.starts_with('.') && !span.text.starts_with("..") {
        span.text.remove(0);
    }
    if span.text.is_empty() {
        return;
    }
    if let Some(last) = out.last_mut()
        && last.bold == span.bold
        && last.italic == span.italic
        && last.link == span.link
        && last.char_style == span.char_style
    {
        last.text.push_str(&span.text);
        return;
    }
    out.push(span);
}

#[cfg(test)]
mod tests {
    use super::*;

    const QUOTE: &[&str] = &["speaker", "title", "context", "verb", "text", "after"];

    fn fill(pattern: &str, values: &[(&str, &str)]) -> String {
        let names: Vec<&str> = values.iter().map(|(k, _)| *k).collect();
        Pattern::parse(pattern, &names)
            .expect("parses")
            .fill_text(&|name| {
                values
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map_or(String::new(), |(_, v)| (*v).to_owned())
            })
    }

    #[test]
    fn optional_groups_drop_with_their_separators() {
        let p = "{speaker}[, {title}][ {context}] {verb} that “{text}”{after}";
        let all = [
            ("speaker", "Mr. X"),
            ("title", "Head"),
            ("context", "in a speech"),
            ("verb", "said"),
            ("text", "Yes"),
            ("after", "."),
        ];
        assert_eq!(fill(p, &all), "Mr. X, Head in a speech said that “Yes”.");
        let no_title = [
            ("speaker", "Mr. X"),
            ("title", ""),
            ("context", "in a speech"),
            ("verb", "said"),
            ("text", "Yes"),
            ("after", ""),
        ];
        assert_eq!(fill(p, &no_title), "Mr. X in a speech said that “Yes”");
        let bare = [
            ("speaker", "Mr. X"),
            ("title", " "),
            ("context", ""),
            ("verb", "said"),
            ("text", "Yes"),
            ("after", ""),
        ];
        assert_eq!(fill(p, &bare), "Mr. X said that “Yes”");
    }

    #[test]
    fn a_leading_group_drops_its_separator() {
        let p = "[{name}][, at {email}][, {org}]";
        assert_eq!(
            fill(p, &[("name", ""), ("email", "a@un.org"), ("org", "UN")]),
            "a@un.org, UN"
        );
        assert_eq!(
            fill(p, &[("name", "Ms. G"), ("email", ""), ("org", "UN")]),
            "Ms. G, UN"
        );
    }

    #[test]
    fn a_doubled_full_stop_prints_once() {
        assert_eq!(
            fill(
                "[{context}].{after}",
                &[("context", "x"), ("after", ". Then")]
            ),
            "x. Then"
        );
        assert_eq!(fill("{a}.", &[("a", "Ends with ...")]), "Ends with ....");
    }

    #[test]
    fn bad_patterns_say_what_is_wrong() {
        assert!(
            Pattern::parse("{speker}", QUOTE)
                .expect_err("unknown")
                .contains("{speaker}")
        );
        assert!(Pattern::parse("[a {title}", QUOTE).is_err());
        assert!(Pattern::parse("a]", QUOTE).is_err());
        assert!(Pattern::parse("[[{title}]]", QUOTE).is_err());
        assert!(Pattern::parse("[no slot]", QUOTE).is_err());
        assert!(Pattern::parse("Quotes {x}", &[]).is_err());
    }
}
