//! What the file says about itself: the Info dictionary, the catalog's
//! `/Lang` and viewer preferences, and, for PDF/UA-1 and PDF/A-2a, the XMP
//! metadata that identifies both standards (ISO 14289-1 clause 5,
//! ISO 19005-2 6.6) and the sRGB output intent (ISO 19005-2 6.2.3).
//!
//! The Info dictionary and the XMP packet are written from the same values,
//! so that they agree as PDF/A requires (6.6.3): Title and `dc:title`,
//! Author and `dc:creator`, Subject and `dc:description`, Creator and
//! `xmp:CreatorTool`, Producer and `pdf:Producer`, the dates and
//! `xmp:CreateDate` / `xmp:ModifyDate`. Dates are the draft's (midnight
//! UTC), never the clock's.

use crate::structure::text_string;
use lopdf::{Dictionary, Object, Stream};
use release_model::Date;
use release_style::{Document, PdfStandard};
use std::fmt::Write as _;

/// The sRGB profile of the output intent (CC0, see `icc/README.md`).
const SRGB_ICC: &[u8] = include_bytes!("../icc/sRGB-v2-magic.icc");

/// The values both the Info dictionary and the XMP packet carry.
struct Values<'a> {
    title: &'a str,
    author: &'a str,
    subject: &'a str,
    creator: &'a str,
    producer: String,
    date: Option<Date>,
}

fn values(doc: &Document) -> Values<'_> {
    let m = &doc.metadata;
    Values {
        title: m.title.trim(),
        author: m.author.trim(),
        subject: m.subject.trim(),
        creator: m.creator.trim(),
        producer: m.creator.trim().to_owned(),
        date: m.date,
    }
}

/// Sets the version, the Info dictionary and the catalog's entries for
/// `standard`. `id` is the file's identifier (the trailer's `/ID`), which
/// the XMP packet repeats as its document and instance ids.
pub(crate) fn finish(lo: &mut lopdf::Document, doc: &Document, standard: PdfStandard, id: &[u8]) {
    lo.version = "1.7".to_owned();
    let v = values(doc);
    let info = Object::Dictionary(info(&v));
    match lo.trailer.get(b"Info").and_then(Object::as_reference) {
        Ok(existing) => {
            lo.objects.insert(existing, info);
        }
        Err(_) => {
            let info_id = lo.add_object(info);
            lo.trailer.set("Info", Object::Reference(info_id));
        }
    }
    let mut catalog_entries: Vec<(&str, Object)> = vec![
        ("Lang", text_string(&doc.metadata.language)),
        (
            "ViewerPreferences",
            Object::Dictionary(Dictionary::from_iter([(
                "DisplayDocTitle",
                Object::Boolean(true),
            )])),
        ),
    ];
    if standard == PdfStandard::UaA {
        let xmp = xmp(&v, &doc.metadata.language, id);
        let mut stream = Stream::new(
            Dictionary::from_iter([
                ("Type", Object::Name(b"Metadata".to_vec())),
                ("Subtype", Object::Name(b"XML".to_vec())),
            ]),
            xmp.into_bytes(),
        );
        // PDF/A: the metadata stream is not filtered, so any tool reads it.
        stream.allows_compression = false;
        let metadata = lo.add_object(Object::Stream(stream));
        let profile = lo.add_object(Object::Stream(Stream::new(
            Dictionary::from_iter([("N", Object::Integer(3))]),
            SRGB_ICC.to_vec(),
        )));
        let intent = Dictionary::from_iter([
            ("Type", Object::Name(b"OutputIntent".to_vec())),
            ("S", Object::Name(b"GTS_PDFA1".to_vec())),
            (
                "OutputConditionIdentifier",
                text_string("sRGB IEC61966-2.1"),
            ),
            ("Info", text_string("sRGB IEC61966-2.1")),
            ("RegistryName", text_string("http://www.color.org")),
            ("DestOutputProfile", Object::Reference(profile)),
        ]);
        catalog_entries.push(("Metadata", Object::Reference(metadata)));
        catalog_entries.push((
            "OutputIntents",
            Object::Array(vec![Object::Dictionary(intent)]),
        ));
    }
    if let Ok(root) = lo.trailer.get(b"Root").and_then(Object::as_reference)
        && let Ok(catalog) = lo.get_object_mut(root).and_then(Object::as_dict_mut)
    {
        for (key, value) in catalog_entries {
            catalog.set(key, value);
        }
    }
}

/// The Info dictionary: only the entries that have a value.
fn info(v: &Values<'_>) -> Dictionary {
    let mut info = Dictionary::new();
    for (key, value) in [
        ("Title", v.title),
        ("Author", v.author),
        ("Subject", v.subject),
        ("Creator", v.creator),
        ("Producer", v.producer.as_str()),
    ] {
        if !value.is_empty() {
            info.set(key, utf16(value));
        }
    }
    if let Some(date) = v.date {
        let d = format!(
            "D:{:04}{:02}{:02}000000+00'00'",
            date.year, date.month, date.day
        );
        info.set(
            "CreationDate",
            Object::String(d.clone().into_bytes(), lopdf::StringFormat::Literal),
        );
        info.set(
            "ModDate",
            Object::String(d.into_bytes(), lopdf::StringFormat::Literal),
        );
    }
    info
}

/// UTF-16BE with its byte-order mark, as the Info dictionary's texts have
/// always been written.
fn utf16(text: &str) -> Object {
    let mut bytes = vec![0xFE, 0xFF];
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&unit.to_be_bytes());
    }
    Object::String(bytes, lopdf::StringFormat::Literal)
}

/// Text for XML content.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // XML 1.0 cannot carry other control characters.
            c if c.is_control() && !matches!(c, '\t' | '\n' | '\r') => {}
            '\u{FFFE}' | '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// `uuid:` and the file identifier's sixteen bytes in UUID form.
fn uuid(id: &[u8]) -> String {
    let hex: String = id.iter().map(|b| format!("{b:02x}")).collect();
    if hex.len() == 32 {
        format!(
            "uuid:{}-{}-{}-{}-{}",
            &hex[..8],
            &hex[8..12],
            &hex[12..16],
            &hex[16..20],
            &hex[20..]
        )
    } else {
        format!("uuid:{hex}")
    }
}

/// The XMP packet of a PDF/UA-1 and PDF/A-2a file: Dublin Core, XMP basic,
/// PDF and media-management properties, both identification schemas, and
/// the extension schema that declares `pdfuaid` to PDF/A (6.6.2.3.3).
fn xmp(v: &Values<'_>, language: &str, id: &[u8]) -> String {
    let mut x = String::with_capacity(3000);
    // No `bytes` or `encoding` attribute in the packet header (6.6.2.1).
    x.push_str("<?xpacket begin=\"\u{FEFF}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n");
    x.push_str("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n");
    x.push_str("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n");
    x.push_str("<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n");
    x.push_str("<dc:format>application/pdf</dc:format>\n");
    if !v.title.is_empty() {
        let _ = writeln!(
            x,
            "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{}</rdf:li></rdf:Alt></dc:title>",
            escape(v.title)
        );
    }
    if !v.author.is_empty() {
        let _ = writeln!(
            x,
            "<dc:creator><rdf:Seq><rdf:li>{}</rdf:li></rdf:Seq></dc:creator>",
            escape(v.author)
        );
    }
    if !v.subject.is_empty() {
        let _ = writeln!(
            x,
            "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">{}</rdf:li></rdf:Alt></dc:description>",
            escape(v.subject)
        );
    }
    let _ = writeln!(
        x,
        "<dc:language><rdf:Bag><rdf:li>{}</rdf:li></rdf:Bag></dc:language>",
        escape(language)
    );
    x.push_str("</rdf:Description>\n");
    x.push_str("<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n");
    if !v.creator.is_empty() {
        let _ = writeln!(
            x,
            "<xmp:CreatorTool>{}</xmp:CreatorTool>",
            escape(v.creator)
        );
    }
    if let Some(date) = v.date {
        let d = format!(
            "{:04}-{:02}-{:02}T00:00:00+00:00",
            date.year, date.month, date.day
        );
        let _ = writeln!(x, "<xmp:CreateDate>{d}</xmp:CreateDate>");
        let _ = writeln!(x, "<xmp:ModifyDate>{d}</xmp:ModifyDate>");
        let _ = writeln!(x, "<xmp:MetadataDate>{d}</xmp:MetadataDate>");
    }
    x.push_str("</rdf:Description>\n");
    let _ = writeln!(
        x,
        "<rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n<pdf:Producer>{}</pdf:Producer>\n</rdf:Description>",
        escape(&v.producer)
    );
    let id = uuid(id);
    let _ = writeln!(
        x,
        "<rdf:Description rdf:about=\"\" xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\">\n<xmpMM:DocumentID>{id}</xmpMM:DocumentID>\n<xmpMM:InstanceID>{id}</xmpMM:InstanceID>\n</rdf:Description>"
    );
    x.push_str(concat!(
        "<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n",
        "<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>A</pdfaid:conformance>\n",
        "</rdf:Description>\n",
        "<rdf:Description rdf:about=\"\" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n",
        "<pdfuaid:part>1</pdfuaid:part>\n",
        "</rdf:Description>\n",
        "<rdf:Description rdf:about=\"\" xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\" ",
        "xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\" ",
        "xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n",
        "<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n",
        "<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n",
        "<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n",
        "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n",
        "<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\n",
        "<pdfaProperty:name>part</pdfaProperty:name>\n",
        "<pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n",
        "<pdfaProperty:category>internal</pdfaProperty:category>\n",
        "<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>\n",
        "</rdf:li></rdf:Seq></pdfaSchema:property>\n",
        "</rdf:li></rdf:Bag></pdfaExtension:schemas>\n",
        "</rdf:Description>\n",
        "</rdf:RDF>\n</x:xmpmeta>\n",
        "<?xpacket end=\"w\"?>",
    ));
    x
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_special_and_control_characters_are_escaped_or_left_out() {
        assert_eq!(
            escape("a<b & \"c\"\u{1}\u{FFFE}"),
            "a&lt;b &amp; &quot;c&quot;"
        );
    }

    #[test]
    fn the_identifier_reads_as_a_uuid() {
        assert_eq!(
            uuid(&[0xab; 16]),
            "uuid:abababab-abab-abab-abab-abababababab"
        );
    }
}
