//! Reading our own DOCX back: unzip it, check each part is well-formed XML,
//! and pull out what the tests compare (paragraphs, styles, relationships,
//! core properties) with quick-xml, independently of docx-rs.

#![allow(dead_code)]

use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};
use release_style::{Document, builtin};
use std::collections::BTreeMap;
use std::io::Read;

/// The example release composed in a built-in style.
pub fn example(style: &str) -> Document {
    let style = builtin(style).expect("built-in style");
    release_style::document(&release_model::example(), &style)
}

/// The parts of a DOCX, by name, in archive order.
pub struct Package {
    pub names: Vec<String>,
    pub parts: BTreeMap<String, Vec<u8>>,
}

impl Package {
    pub fn open(bytes: &[u8]) -> Package {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip archive");
        let mut names = Vec::new();
        let mut parts = BTreeMap::new();
        for i in 0..zip.len() {
            let mut file = zip.by_index(i).expect("entry");
            let mut data = Vec::new();
            file.read_to_end(&mut data).expect("entry reads");
            names.push(file.name().to_owned());
            parts.insert(file.name().to_owned(), data);
        }
        Package { names, parts }
    }

    /// A part as text; panics when it is missing or not UTF-8.
    pub fn xml(&self, name: &str) -> String {
        let bytes = self
            .parts
            .get(name)
            .unwrap_or_else(|| panic!("no part {name} in {:?}", self.names));
        String::from_utf8(bytes.clone()).unwrap_or_else(|_| panic!("{name} is not UTF-8"))
    }

    /// Every XML part checked with [`well_formed`].
    pub fn check_well_formed(&self) -> Result<(), String> {
        for (name, bytes) in &self.parts {
            if name.ends_with(".xml") || name.ends_with(".rels") {
                let text = std::str::from_utf8(bytes).map_err(|e| format!("{name}: {e}"))?;
                well_formed(text).map_err(|e| format!("{name}: {e}"))?;
            }
        }
        Ok(())
    }
}

/// True for characters XML 1.0 does not allow in a document.
pub fn xml_forbidden(c: char) -> bool {
    !matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Parses `xml` to the end: one root, tags balanced, entities known,
/// attributes unescapable, and no character XML 1.0 forbids, raw or escaped.
pub fn well_formed(xml: &str) -> Result<(), String> {
    if let Some(c) = xml.chars().find(|&c| xml_forbidden(c)) {
        return Err(format!("raw forbidden character U+{:04X}", c as u32));
    }
    let mut reader = Reader::from_str(xml);
    let mut depth = 0usize;
    let mut roots = 0usize;
    let check_attrs = |e: &BytesStart| -> Result<(), String> {
        for attr in e.attributes() {
            let attr = attr.map_err(|e| e.to_string())?;
            let value = attr
                .normalized_value(XmlVersion::Explicit1_0)
                .map_err(|e| e.to_string())?;
            if let Some(c) = value.chars().find(|&c| xml_forbidden(c)) {
                return Err(format!("forbidden U+{:04X} in an attribute", c as u32));
            }
        }
        Ok(())
    };
    loop {
        match reader.read_event().map_err(|e| e.to_string())? {
            Event::Start(e) => {
                check_attrs(&e)?;
                roots += usize::from(depth == 0);
                depth += 1;
            }
            Event::Empty(e) => {
                check_attrs(&e)?;
                roots += usize::from(depth == 0);
            }
            Event::End(_) => depth = depth.checked_sub(1).ok_or("unbalanced end tag")?,
            Event::Text(t)
                if depth == 0
                    && !t
                        .xml10_content()
                        .map_err(|e| e.to_string())?
                        .trim()
                        .is_empty() =>
            {
                return Err("text outside the root element".to_owned());
            }
            Event::GeneralRef(r) => {
                resolve(&r).ok_or_else(|| format!("unknown entity &{:?};", r.decode()))?;
            }
            Event::Eof => break,
            _ => {}
        }
    }
    match (depth, roots) {
        (0, 1) => Ok(()),
        (0, n) => Err(format!("{n} root elements")),
        (d, _) => Err(format!("{d} elements left open")),
    }
}

fn resolve(r: &quick_xml::events::BytesRef) -> Option<String> {
    if r.is_char_ref() {
        let c = r.resolve_char_ref().ok()??;
        return (!xml_forbidden(c)).then(|| c.to_string());
    }
    let name = r.decode().ok()?;
    resolve_predefined_entity(&name).map(str::to_owned)
}

fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.try_get_attribute(name)
        .ok()
        .flatten()
        .and_then(|a| a.normalized_value(XmlVersion::Explicit1_0).ok())
        .map(|v| v.into_owned())
}

/// One paragraph as a reader sees it.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Para {
    /// The paragraph style's id.
    pub style: Option<String>,
    pub text: String,
    /// The numbering it belongs to (`w:numId`).
    pub num_id: Option<String>,
    /// Texts of runs with direct bold.
    pub bold: Vec<String>,
    /// (character style id, text) of runs that name a character style.
    pub char_styles: Vec<(String, String)>,
    /// (relationship id, text) of each hyperlink.
    pub links: Vec<(String, String)>,
    /// Whether the paragraph carries formatting of its own beyond its style and numbering.
    pub direct_formatting: Vec<String>,
}

/// The paragraphs of a document, header or footer part.
pub fn paragraphs(xml: &str) -> Vec<Para> {
    let mut reader = Reader::from_str(xml);
    let mut out = Vec::new();
    let mut para: Option<Para> = None;
    let (mut in_ppr, mut in_run, mut in_rpr, mut in_t) = (false, false, false, false);
    let mut run_text = String::new();
    let mut run_bold = false;
    let mut run_style: Option<String> = None;
    let mut link: Option<(String, String)> = None;
    loop {
        let event = reader.read_event().expect("well-formed");
        let (e, empty) = match &event {
            Event::Start(e) => (Some(e.clone()), false),
            Event::Empty(e) => (Some(e.clone()), true),
            _ => (None, false),
        };
        if let Some(e) = e {
            let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
            match name.as_str() {
                "w:p" => {
                    para = Some(Para::default());
                    if empty {
                        out.extend(para.take());
                    }
                }
                "w:pPr" if !empty => in_ppr = true,
                "w:pStyle" if in_ppr => {
                    if let Some(p) = para.as_mut() {
                        p.style = attr(&e, "w:val");
                    }
                }
                "w:numId" if in_ppr => {
                    if let Some(p) = para.as_mut() {
                        p.num_id = attr(&e, "w:val");
                    }
                }
                "w:hyperlink" => link = Some((attr(&e, "r:id").unwrap_or_default(), String::new())),
                "w:r" => {
                    in_run = !empty;
                    run_text.clear();
                    run_bold = false;
                    run_style = None;
                }
                "w:rPr" if in_run && !empty => in_rpr = true,
                "w:b" if in_rpr => {
                    run_bold = !matches!(attr(&e, "w:val").as_deref(), Some("0" | "false"))
                }
                "w:rStyle" if in_rpr => run_style = attr(&e, "w:val"),
                "w:t" if in_run && !empty => in_t = true,
                "w:br" if in_run => run_text.push('\n'),
                "w:tab" if in_run => run_text.push('\t'),
                other if in_ppr && !matches!(other, "w:rPr" | "w:numPr" | "w:ilvl") => {
                    if let Some(p) = para.as_mut() {
                        p.direct_formatting.push(other.to_owned());
                    }
                }
                other if in_rpr && !matches!(other, "w:b" | "w:bCs" | "w:i" | "w:iCs") => {
                    if let Some(p) = para.as_mut() {
                        p.direct_formatting.push(other.to_owned());
                    }
                }
                _ => {}
            }
            continue;
        }
        match event {
            Event::Text(t) if in_t => run_text.push_str(&t.xml10_content().expect("text")),
            Event::GeneralRef(r) if in_t => run_text.push_str(&resolve(&r).expect("entity")),
            Event::End(e) => match e.name().as_ref() {
                b"w:t" => in_t = false,
                b"w:rPr" => in_rpr = false,
                b"w:pPr" => in_ppr = false,
                b"w:r" => {
                    in_run = false;
                    if let Some(p) = para.as_mut() {
                        p.text.push_str(&run_text);
                        if run_bold && !run_text.is_empty() {
                            p.bold.push(run_text.clone());
                        }
                        if let Some(style) = run_style.take() {
                            p.char_styles.push((style, run_text.clone()));
                        }
                    }
                    if let Some((_, text)) = link.as_mut() {
                        text.push_str(&run_text);
                    }
                }
                b"w:hyperlink" => {
                    if let (Some(p), Some(l)) = (para.as_mut(), link.take()) {
                        p.links.push(l);
                    }
                }
                b"w:p" => out.extend(para.take()),
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// A style of styles.xml: (type, id, name).
pub fn styles(xml: &str) -> Vec<(String, String, String)> {
    let mut reader = Reader::from_str(xml);
    let mut out = Vec::new();
    let mut current: Option<(String, String)> = None;
    loop {
        match reader.read_event().expect("well-formed") {
            Event::Start(e) if e.name().as_ref() == b"w:style" => {
                current = Some((
                    attr(&e, "w:type").unwrap_or_default(),
                    attr(&e, "w:styleId").unwrap_or_default(),
                ));
            }
            Event::Empty(e) if e.name().as_ref() == b"w:name" => {
                if let Some((kind, id)) = current.take() {
                    out.push((kind, id, attr(&e, "w:val").unwrap_or_default()));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// The XML of one style element of styles.xml, by style id.
pub fn style_xml(xml: &str, id: &str) -> String {
    let start = xml
        .find(&format!("w:styleId=\"{id}\""))
        .unwrap_or_else(|| panic!("no style {id}"));
    let end = start + xml[start..].find("</w:style>").expect("style closed");
    xml[start..end].to_owned()
}

/// Relationships of a .rels part: id → (target, target mode).
pub fn relationships(xml: &str) -> BTreeMap<String, (String, Option<String>)> {
    let mut reader = Reader::from_str(xml);
    let mut out = BTreeMap::new();
    loop {
        match reader.read_event().expect("well-formed") {
            Event::Empty(e) if e.name().as_ref() == b"Relationship" => {
                out.insert(
                    attr(&e, "Id").unwrap_or_default(),
                    (
                        attr(&e, "Target").unwrap_or_default(),
                        attr(&e, "TargetMode"),
                    ),
                );
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// The text of each element of a flat part such as core.xml, by element name.
pub fn elements(xml: &str) -> BTreeMap<String, String> {
    let mut reader = Reader::from_str(xml);
    let mut out = BTreeMap::new();
    let mut current: Option<String> = None;
    loop {
        match reader.read_event().expect("well-formed") {
            Event::Start(e) => {
                current = Some(String::from_utf8_lossy(e.name().as_ref()).into_owned());
            }
            Event::Text(t) => {
                if let Some(name) = &current {
                    out.entry(name.clone())
                        .or_insert_with(String::new)
                        .push_str(&t.xml10_content().expect("text"));
                }
            }
            Event::GeneralRef(r) => {
                if let Some(name) = &current {
                    out.entry(name.clone())
                        .or_insert_with(String::new)
                        .push_str(&resolve(&r).expect("entity"));
                }
            }
            Event::End(_) => current = None,
            Event::Eof => break,
            _ => {}
        }
    }
    out
}
