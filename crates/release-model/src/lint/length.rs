//! Length: the story (body, quotations and closing paragraphs, as a reader
//! meets them) within the style's word range. Notes to editors, the About
//! boilerplate and contacts are not counted.

use crate::draft::Block;
use crate::finding::Finding;
use crate::lint::Context;
use crate::lint::checks::LengthCheck;
use crate::text::word_count;

pub(crate) fn check(cx: &Context, rules: &LengthCheck, f: &mut Vec<Finding>) {
    if rules.min_words.is_none() && rules.max_words.is_none() {
        return;
    }
    let r = &cx.draft.release;
    let quotes: Vec<Block> = r
        .quotes
        .iter()
        .map(|q| Block::paragraph(q.text.iter().chain(&q.after).cloned().collect()))
        .collect();
    let words = word_count(&r.body) + word_count(&quotes) + word_count(&r.closing);
    let path = "release.body";
    if let Some(min) = rules.min_words
        && words < min
    {
        f.push(Finding::warning(
            "body-short",
            path,
            format!("the story has {words} words; the house style wants at least {min}"),
        ));
    }
    if let Some(max) = rules.max_words
        && words > max
    {
        f.push(Finding::warning(
            "body-long",
            path,
            format!("the story has {words} words; the house style wants at most {max}"),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::example::example;
    use crate::lint::Checks;
    use crate::lint::test_support::*;

    fn checks(min: Option<usize>, max: Option<usize>) -> Checks {
        let mut c = Checks::none();
        c.length.enabled = true;
        c.length.min_words = min;
        c.length.max_words = max;
        c
    }

    #[test]
    fn the_story_counts_body_quotes_and_closing() {
        // The example: 492 words of body, 290 in quotations, 46 in the closing.
        let d = example();
        assert!(codes(&d, &checks(None, Some(828))).is_empty());
        assert_eq!(codes(&d, &checks(None, Some(827))), ["body-long"]);
        assert_eq!(codes(&d, &checks(Some(829), None)), ["body-short"]);
        assert!(codes(&d, &checks(Some(300), Some(1000))).is_empty());
    }

    #[test]
    fn short_stories_fire_against_a_minimum() {
        let d = draft_saying("Only five words are here.");
        assert_eq!(codes(&d, &checks(Some(300), Some(800))), ["body-short"]);
        assert!(codes(&d, &checks(None, None)).is_empty());
    }
}
