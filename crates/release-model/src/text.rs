//! Plain-text views of inline content, for counting and searching.

use crate::draft::{Block, Run};

/// The text of a list of runs, attributes dropped.
pub fn inline_text(runs: &[Run]) -> String {
    runs.iter().map(|r| r.text.as_str()).collect()
}

/// Words in a list of blocks, counted as whitespace-separated tokens that hold
/// a letter or a digit. CJK text, which has no spaces, counts one word per
/// ideograph, as word processors count it.
pub fn word_count(blocks: &[Block]) -> usize {
    let mut count = 0;
    let mut add = |runs: &[Run]| count += count_words(&inline_text(runs));
    for block in blocks {
        match block {
            Block::Paragraph { content, .. } | Block::Heading { content, .. } => add(content),
            Block::List { items, .. } => items.iter().for_each(|item| add(item)),
            Block::Other(_) => {}
        }
    }
    count
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{AC00}'..='\u{D7AF}')
}

fn count_words(text: &str) -> usize {
    text.split_whitespace()
        .map(|token| {
            let cjk = token.chars().filter(|c| is_cjk(*c)).count();
            let rest_has_word = token
                .chars()
                .filter(|c| !is_cjk(*c))
                .any(char::is_alphanumeric);
            cjk + usize::from(rest_has_word)
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_words_not_punctuation() {
        assert_eq!(count_words("Hello, world – again."), 3);
        assert_eq!(count_words("  "), 0);
        assert_eq!(count_words("联合国反恐"), 5);
    }
}
