//! Small, targeted edits to parts docx-rs writes, for what it cannot say:
//! the language of the text, automatic hyphenation and the styles that opt
//! out of it, and a fixed order for the relationships it keeps in a hash map.
//! Each edit finds its anchor or fails with [`DocxError::Part`], so a docx-rs
//! upgrade that moves an anchor is caught by the tests, never silently lost.

use crate::error::DocxError;
use crate::props::escape;

/// Puts `<w:lang>` into the document defaults of styles.xml, so every run of
/// every style inherits the draft's language (spelling, hyphenation).
pub(crate) fn language(styles: &str, tag: &str) -> Result<String, DocxError> {
    const PART: &str = "word/styles.xml";
    let tag = escape(tag);
    let lang = match tag.split(['-', '_']).next().unwrap_or("") {
        "zh" | "ja" | "ko" => format!(r#"<w:lang w:val="{tag}" w:eastAsia="{tag}" />"#),
        // Right-to-left runs (w:rtl comes before w:lang in a run's properties).
        "ar" | "he" | "fa" | "ur" => format!(r#"<w:rtl /><w:lang w:val="{tag}" w:bidi="{tag}" />"#),
        _ => format!(r#"<w:lang w:val="{tag}" />"#),
    };
    let start = styles
        .find("<w:rPrDefault>")
        .ok_or_else(|| DocxError::part(PART, "no <w:rPrDefault>"))?;
    let rest = &styles[start..];
    let (at, replace, with) = if let Some(empty) = rest
        .find("<w:rPr />")
        .filter(|&e| rest.find("</w:rPrDefault>").is_some_and(|end| e < end))
    {
        (
            start + empty,
            "<w:rPr />".len(),
            format!("<w:rPr>{lang}</w:rPr>"),
        )
    } else {
        let close = rest
            .find("</w:rPr>")
            .ok_or_else(|| DocxError::part(PART, "no </w:rPr> in <w:rPrDefault>"))?;
        (start + close, 0, lang)
    };
    Ok(splice(styles, at, replace, &with))
}

/// Marks the paragraph styles `ids` with `<w:suppressAutoHyphens />`.
pub(crate) fn no_hyphenation(styles: &str, ids: &[String]) -> Result<String, DocxError> {
    const PART: &str = "word/styles.xml";
    let mut out = styles.to_owned();
    for id in ids {
        let style = out
            .find(&format!(r#"w:type="paragraph" w:styleId="{}""#, escape(id)))
            .ok_or_else(|| DocxError::part(PART, format!("no paragraph style `{id}`")))?;
        let end = style
            + out[style..]
                .find("</w:style>")
                .ok_or_else(|| DocxError::part(PART, format!("style `{id}` is not closed")))?;
        let ppr = style
            + out[style..end]
                .find("<w:pPr>")
                .ok_or_else(|| DocxError::part(PART, format!("style `{id}` has no <w:pPr>")))?;
        let at = ppr + "<w:pPr>".len();
        out = splice(&out, at, 0, "<w:suppressAutoHyphens />");
    }
    Ok(out)
}

/// Turns automatic hyphenation on in settings.xml, right after the default
/// tab stop as the schema orders it.
pub(crate) fn auto_hyphenation(settings: &str) -> Result<String, DocxError> {
    const PART: &str = "word/settings.xml";
    let tab = settings
        .find("<w:defaultTabStop")
        .ok_or_else(|| DocxError::part(PART, "no <w:defaultTabStop>"))?;
    let end = tab
        + settings[tab..]
            .find("/>")
            .ok_or_else(|| DocxError::part(PART, "<w:defaultTabStop> is not empty"))?
        + 2;
    Ok(splice(settings, end, 0, "<w:autoHyphenation />"))
}

/// Orders the relationships of a .rels part by id. docx-rs lists hyperlink
/// relationships in hash-map order, which changes from one run to the next.
pub(crate) fn sort_relationships(rels: &str, part: &'static str) -> Result<String, DocxError> {
    let open = rels
        .find("<Relationships")
        .and_then(|at| rels[at..].find('>').map(|end| at + end + 1))
        .ok_or_else(|| DocxError::part(part, "no <Relationships>"))?;
    let Some(close) = rels.rfind("</Relationships>") else {
        // `<Relationships ... />`: nothing to order.
        return Ok(rels.to_owned());
    };
    let mut items = Vec::new();
    let mut rest = rels[open..close].trim();
    while !rest.is_empty() {
        let end = rest
            .find("/>")
            .filter(|_| rest.starts_with("<Relationship "))
            .ok_or_else(|| DocxError::part(part, "a relationship is not an empty element"))?;
        items.push(&rest[..end + 2]);
        rest = rest[end + 2..].trim_start();
    }
    let id = |item: &str| {
        item.split(" Id=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .unwrap_or("")
            .to_owned()
    };
    items.sort_by_cached_key(|item| id(item));
    Ok(format!(
        "{}{}{}",
        &rels[..open],
        items.concat(),
        &rels[close..]
    ))
}

/// Makes the document's section right to left (`<w:bidi/>` in its `w:sectPr`,
/// after the columns, as the schema orders it): for a release wholly in Arabic.
pub(crate) fn right_to_left_section(document: &str) -> Result<String, DocxError> {
    const PART: &str = "word/document.xml";
    let section = document
        .rfind("<w:sectPr>")
        .ok_or_else(|| DocxError::part(PART, "no <w:sectPr>"))?;
    let cols = document[section..]
        .find("<w:cols ")
        .ok_or_else(|| DocxError::part(PART, "no <w:cols> in <w:sectPr>"))?;
    let end = document[section + cols..]
        .find("/>")
        .ok_or_else(|| DocxError::part(PART, "<w:cols> is not closed"))?;
    Ok(splice(document, section + cols + end + 2, 0, "<w:bidi />"))
}

fn splice(text: &str, at: usize, remove: usize, insert: &str) -> String {
    let mut out = String::with_capacity(text.len() + insert.len());
    out.push_str(&text[..at]);
    out.push_str(insert);
    out.push_str(&text[at + remove..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_goes_into_the_default_run_properties() {
        let styles = r#"<w:styles><w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="22" /></w:rPr></w:rPrDefault></w:docDefaults></w:styles>"#;
        assert_eq!(
            language(styles, "fr").expect("patched"),
            r#"<w:styles><w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="22" /><w:lang w:val="fr" /></w:rPr></w:rPrDefault></w:docDefaults></w:styles>"#
        );
        let empty = "<w:rPrDefault><w:rPr /></w:rPrDefault>";
        assert_eq!(
            language(empty, "ar").expect("patched"),
            r#"<w:rPrDefault><w:rPr><w:rtl /><w:lang w:val="ar" w:bidi="ar" /></w:rPr></w:rPrDefault>"#
        );
        assert!(matches!(
            language("<w:styles />", "en"),
            Err(DocxError::Part { .. })
        ));
    }

    #[test]
    fn suppression_goes_into_the_named_styles_only() {
        let styles = r#"<w:style w:type="paragraph" w:styleId="Kind"><w:pPr><w:rPr /></w:pPr></w:style><w:style w:type="paragraph" w:styleId="BodyText"><w:pPr><w:rPr /></w:pPr></w:style>"#;
        let out = no_hyphenation(styles, &["Kind".to_owned()]).expect("patched");
        assert_eq!(out.matches("suppressAutoHyphens").count(), 1);
        assert!(out.starts_with(
            r#"<w:style w:type="paragraph" w:styleId="Kind"><w:pPr><w:suppressAutoHyphens />"#
        ));
        assert!(no_hyphenation(styles, &["Missing".to_owned()]).is_err());
    }

    #[test]
    fn hyphenation_follows_the_default_tab_stop() {
        let out = auto_hyphenation(
            r#"<w:settings><w:defaultTabStop w:val="840" /><w:zoom /></w:settings>"#,
        )
        .expect("patched");
        assert_eq!(
            out,
            r#"<w:settings><w:defaultTabStop w:val="840" /><w:autoHyphenation /><w:zoom /></w:settings>"#
        );
    }

    #[test]
    fn relationships_are_sorted_by_id() {
        let rels = r#"<?xml version="1.0"?><Relationships xmlns="x"><Relationship Id="rIdHyperlink2" Target="b" /><Relationship Id="rId1" Target="s" /><Relationship Id="rIdHyperlink1" Target="a&amp;b" TargetMode="External" /></Relationships>"#;
        assert_eq!(
            sort_relationships(rels, "test").expect("sorted"),
            r#"<?xml version="1.0"?><Relationships xmlns="x"><Relationship Id="rId1" Target="s" /><Relationship Id="rIdHyperlink1" Target="a&amp;b" TargetMode="External" /><Relationship Id="rIdHyperlink2" Target="b" /></Relationships>"#
        );
        let empty = r#"<Relationships xmlns="x" />"#;
        assert_eq!(sort_relationships(empty, "test").expect("kept"), empty);
    }

    #[test]
    fn a_right_to_left_section_gets_bidi_after_its_columns() {
        let xml = r#"<w:body><w:p /><w:sectPr><w:pgSz w:w="1" /><w:cols w:space="425" /><w:footerReference r:id="x" /></w:sectPr></w:body>"#;
        assert_eq!(
            right_to_left_section(xml).expect("patched"),
            r#"<w:body><w:p /><w:sectPr><w:pgSz w:w="1" /><w:cols w:space="425" /><w:bidi /><w:footerReference r:id="x" /></w:sectPr></w:body>"#
        );
        assert!(right_to_left_section("<w:body />").is_err());
    }
}
