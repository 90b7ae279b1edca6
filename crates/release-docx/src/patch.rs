//! Small, targeted edits to parts docx-rs writes, for what it cannot say:
//! the language of the text (the document's and a run's), automatic
//! hyphenation and the styles that opt out of it, hyperlink tips, the
//! logo's description or decorative mark, and a fixed order for the
//! relationships it keeps in a hash map.
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

/// Puts each marked run's language into its run properties: the marker
/// (`w:fitText` with the language's id, see [`crate::body::Marks`])
/// becomes `w:lang` for every script slot, with `w:rtl` on for a language
/// written right to left and off for another in a right-to-left document.
pub(crate) fn run_languages(
    document: &str,
    languages: &[String],
    rtl_document: bool,
) -> Result<String, DocxError> {
    const PART: &str = "word/document.xml";
    let mut out = document.to_owned();
    for (n, lang) in languages.iter().enumerate() {
        let marker = format!(
            r#"<w:fitText w:val="0" w:id="{}" />"#,
            crate::body::LANGUAGE_MARK + n as u32
        );
        if !out.contains(&marker) {
            return Err(DocxError::part(PART, format!("no run marked `{lang}`")));
        }
        let primary = lang.split('-').next().unwrap_or("").to_ascii_lowercase();
        let rtl = matches!(
            primary.as_str(),
            "ar" | "he" | "fa" | "ur" | "yi" | "ps" | "sd" | "ug" | "dv"
        );
        let direction = match (rtl, rtl_document) {
            (true, _) => "<w:rtl />",
            (false, true) => r#"<w:rtl w:val="0" />"#,
            (false, false) => "",
        };
        let tag = escape(lang);
        let with =
            format!(r#"{direction}<w:lang w:val="{tag}" w:eastAsia="{tag}" w:bidi="{tag}" />"#);
        out = out.replace(&marker, &with);
    }
    Ok(out)
}

/// Gives each hyperlink its description as its tip (`w:tooltip`), which
/// Word shows and reads out.
pub(crate) fn hyperlink_tips(
    document: &str,
    tips: &[(String, String)],
) -> Result<String, DocxError> {
    const PART: &str = "word/document.xml";
    let mut out = document.to_owned();
    for (rid, tip) in tips {
        let anchor = format!(r#"<w:hyperlink r:id="{rid}" "#);
        let at = out
            .find(&anchor)
            .ok_or_else(|| DocxError::part(PART, format!("no hyperlink `{rid}`")))?;
        let tooltip = format!(r#"w:tooltip="{}" "#, escape(tip));
        out = splice(&out, at + anchor.len(), 0, &tooltip);
    }
    Ok(out)
}

/// The logo's picture in a header: its description (`descr`), or Word's
/// decorative mark when it has none, so that readers pass over it.
pub(crate) fn picture_description(
    header: &str,
    description: Option<&str>,
) -> Result<String, DocxError> {
    const PART: &str = "word/header.xml";
    const DOC_PR: &str = r#"<wp:docPr id="1" name="Figure" />"#;
    let at = header
        .find(DOC_PR)
        .ok_or_else(|| DocxError::part(PART, "no <wp:docPr> for the logo"))?;
    let with = match description {
        Some(text) => format!(r#"<wp:docPr id="1" name="Logo" descr="{}" />"#, escape(text)),
        None => concat!(
            r#"<wp:docPr id="1" name="Logo"><a:extLst xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">"#,
            r#"<a:ext uri="{C183D7F6-B498-43B3-948B-1728B52AA6E4}">"#,
            r#"<adec:decorative xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/decorative" val="1" />"#,
            r#"</a:ext></a:extLst></wp:docPr>"#
        )
        .to_owned(),
    };
    Ok(splice(header, at, DOC_PR.len(), &with))
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
    fn marked_runs_get_their_language_and_direction() {
        let mark = |n: u32| {
            format!(
                r#"<w:r><w:rPr><w:fitText w:val="0" w:id="{}" /></w:rPr></w:r>"#,
                crate::body::LANGUAGE_MARK + n
            )
        };
        let xml = format!("{}{}{}", mark(0), mark(1), mark(0));
        let out = run_languages(&xml, &["en".to_owned(), "ar".to_owned()], true).expect("patched");
        assert_eq!(
            out.matches(r#"<w:rtl w:val="0" /><w:lang w:val="en""#)
                .count(),
            2
        );
        assert_eq!(
            out.matches(r#"<w:rtl /><w:lang w:val="ar" w:eastAsia="ar" w:bidi="ar" />"#)
                .count(),
            1
        );
        assert!(!out.contains("fitText"));
        assert!(run_languages(&mark(0), &["en".to_owned(), "fr".to_owned()], false).is_err());
    }

    #[test]
    fn hyperlinks_get_their_tip_and_the_logo_its_description() {
        let xml = r#"<w:hyperlink r:id="rIdHyperlink1" w:history="1"><w:r /></w:hyperlink>"#;
        let out = hyperlink_tips(
            xml,
            &[("rIdHyperlink1".to_owned(), "a \"b\" <c>".to_owned())],
        )
        .expect("patched");
        assert!(
            out.contains(r#"r:id="rIdHyperlink1" w:tooltip="a &quot;b&quot; &lt;c&gt;" w:history"#)
        );
        assert!(hyperlink_tips(xml, &[("rIdHyperlink2".to_owned(), "x".to_owned())]).is_err());
        let header = r#"<wp:extent /><wp:docPr id="1" name="Figure" /><wp:cNvGraphicFramePr />"#;
        let described = picture_description(header, Some("UN & emblem")).expect("patched");
        assert!(described.contains(r#"<wp:docPr id="1" name="Logo" descr="UN &amp; emblem" />"#));
        let decorative = picture_description(header, None).expect("patched");
        assert!(decorative.contains(r#"<adec:decorative "#) && decorative.contains(r#"val="1""#));
        assert!(picture_description("<w:hdr />", None).is_err());
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
