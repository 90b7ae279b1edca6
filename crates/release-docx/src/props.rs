//! The package's own description: docProps/core.xml (title, author, subject,
//! language, dates) and docProps/app.xml (the program). docx-rs cannot set
//! most core properties, so these two parts are written here whole.

use crate::text::Cleaner;
use release_model::Date;
use release_style::Metadata;
use std::fmt::Write;

/// docProps/core.xml. Dates are the draft's (midnight UTC), never the clock's;
/// without a date the file carries none.
pub(crate) fn core_xml(meta: &Metadata, cleaner: &mut Cleaner) -> String {
    let mut xml = String::from(concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#,
        r#"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#,
        r#"xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
    ));
    let mut element = |name: &str, value: &str, path: &str| {
        let value = cleaner.clean(value.trim(), path);
        if !value.is_empty() {
            let _ = write!(xml, "<{name}>{}</{name}>", escape(&value));
        }
    };
    element("dc:title", &meta.title, "metadata.title");
    element("dc:subject", &meta.subject, "metadata.subject");
    element("dc:creator", &meta.author, "metadata.author");
    element("dc:language", &meta.language, "metadata.language");
    xml.push_str("<cp:revision>1</cp:revision>");
    if let Some(date) = meta.date {
        let date = w3cdtf(date);
        let _ = write!(
            xml,
            r#"<dcterms:created xsi:type="dcterms:W3CDTF">{date}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{date}</dcterms:modified>"#
        );
    }
    xml.push_str("</cp:coreProperties>");
    xml
}

/// docProps/app.xml: which program wrote the file.
pub(crate) fn app_xml(meta: &Metadata, cleaner: &mut Cleaner) -> String {
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" "#,
            r#"xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">"#,
            "<Application>{}</Application></Properties>"
        ),
        escape(&cleaner.clean(&meta.creator, "metadata.creator"))
    )
}

fn w3cdtf(date: Date) -> String {
    format!(
        "{:04}-{:02}-{:02}T00:00:00Z",
        date.year, date.month, date.day
    )
}

/// Escapes text for element content and attribute values alike.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(title: &str, date: Option<Date>) -> Metadata {
        Metadata {
            title: title.to_owned(),
            author: "UNOCT & UNRCCA".to_owned(),
            subject: "PRESS RELEASE".to_owned(),
            subject_line: String::new(),
            language: "en".to_owned(),
            creator: "Release Composer 0.1.0".to_owned(),
            date,
        }
    }

    #[test]
    fn core_properties_are_escaped_and_dated_by_the_draft() {
        let date = Date::parse("2021-12-08").ok();
        let xml = core_xml(&meta("<b> & \"q\" ]]>", date), &mut Cleaner::default());
        assert!(xml.contains("<dc:title>&lt;b&gt; &amp; &quot;q&quot; ]]&gt;</dc:title>"));
        assert!(xml.contains("<dc:creator>UNOCT &amp; UNRCCA</dc:creator>"));
        assert!(xml.contains("<dc:language>en</dc:language>"));
        assert!(xml.contains(">2021-12-08T00:00:00Z</dcterms:created>"));
        assert!(xml.contains(">2021-12-08T00:00:00Z</dcterms:modified>"));
    }

    #[test]
    fn no_date_no_dates_and_empty_fields_are_left_out() {
        let xml = core_xml(&meta("  ", None), &mut Cleaner::default());
        assert!(!xml.contains("dcterms:created"));
        assert!(!xml.contains("dc:title"));
    }

    #[test]
    fn control_characters_in_metadata_are_left_out_with_a_warning() {
        let mut cleaner = Cleaner::default();
        let xml = core_xml(&meta("a\u{1}b", None), &mut cleaner);
        assert!(xml.contains("<dc:title>ab</dc:title>"));
        assert_eq!(cleaner.into_warnings()[0].path, "metadata.title");
    }
}
