//! The example release: the UNOCT press release of 8 December 2021, word for
//! word. The app opens it on first start and the CLI prints it.

use crate::draft::Draft;
use crate::load::load;

/// The example draft, as the file `templates/example.release.json` holds it.
pub const EXAMPLE_JSON: &str = include_str!("../../../templates/example.release.json");

/// The example draft.
pub fn example() -> Draft {
    match load(EXAMPLE_JSON) {
        Ok(loaded) => loaded.draft,
        Err(e) => unreachable!("the bundled example is a valid draft: {e}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Block, inline_text, to_json};

    #[test]
    fn round_trip_is_identical() {
        let draft = example();
        assert_eq!(to_json(&draft), EXAMPLE_JSON);
        assert_eq!(load(&to_json(&draft)).expect("reloads").draft, draft);
    }

    #[test]
    fn unknown_fields_survive_a_round_trip() {
        let text = EXAMPLE_JSON
            .replacen(
                "\"style\": \"un\",",
                "\"style\": \"un\",\n  \"x-app\": {\"window\": [1, 2]},",
                1,
            )
            .replacen(
                "\"city\": \"Dushanbe\",",
                "\"city\": \"Dushanbe\",\n \"x-geo\": 38.5,",
                1,
            )
            .replacen(
                "\"type\": \"paragraph\",",
                "\"type\": \"paragraph\", \"x-id\": \"p1\",",
                1,
            )
            .replacen("\"bold\": true", "\"bold\": true, \"x-mark\": null", 1);
        let mut with_table = load(&text).expect("loads").draft;
        with_table
            .release
            .closing
            .push(serde_json::from_str(r#"{"type":"table","rows":[["a"]]}"#).expect("block"));
        let written = to_json(&with_table);
        for needle in [
            "\"x-app\"",
            "\"x-geo\": 38.5",
            "\"x-id\": \"p1\"",
            "\"x-mark\": null",
            "\"type\": \"table\"",
            "\"rows\"",
        ] {
            assert!(written.contains(needle), "{needle} lost");
        }
        assert_eq!(load(&written).expect("reloads").draft, with_table);
    }

    #[test]
    fn the_paragraph_cut_by_a_page_break_is_whole() {
        let draft = example();
        let Block::Paragraph { content, .. } = &draft.release.body[5] else {
            panic!("body[5] is a paragraph");
        };
        assert!(
            inline_text(content)
                .contains("in the context of the evolving situation in Afghanistan.")
        );
        assert_eq!(draft.release.body.len(), 6);
        assert_eq!(draft.release.quotes.len(), 4);
    }
}
