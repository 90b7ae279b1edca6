//! What Word's accessibility checker asks of a document, read back with
//! python-docx 1.2 and checked in LibreOffice's tagged PDF of it: the title
//! and language in the properties; the headline, section headings,
//! subheadings and the contacts label at their outline levels; every
//! picture described or marked decorative; no empty paragraph; hyperlinks
//! with text and a tip; each run in another language marked. Python is the
//! pinned one of `scripts/deps.sh test` (`.tools/venv`), never whichever
//! `python3` is on `PATH`.

mod common;

use common::example;
use release_docx::{DocxOptions, render};
use release_style::{Block, Document, LogoPlace, Role, Span};
use std::path::Path;
use std::process::{Command, Stdio};

/// Reads a DOCX with python-docx: the core properties, and each body
/// paragraph's style, text and effective outline level (its own or its
/// style's, 0 for the headline), each header picture's description and
/// decorative mark, each hyperlink's text and tip, each run's language.
const READ: &str = r#"
import json, sys, docx
from docx.oxml.ns import qn
d = docx.Document(sys.argv[1])
def outline(p):
    ppr = p._p.pPr
    if ppr is not None and ppr.find(qn("w:outlineLvl")) is not None:
        return int(ppr.find(qn("w:outlineLvl")).get(qn("w:val")))
    style = p.style
    while style is not None:
        sppr = style.element.pPr
        if sppr is not None and sppr.find(qn("w:outlineLvl")) is not None:
            return int(sppr.find(qn("w:outlineLvl")).get(qn("w:val")))
        style = style.base_style
    return None
pictures = []
for section in d.sections:
    for header in (section.header, section.first_page_header):
        for pr in header._element.xpath(".//wp:docPr"):
            decorative = bool(pr.xpath(".//*[local-name()='decorative' and @val='1']"))
            pictures.append({"descr": pr.get("descr"), "decorative": decorative})
links, runs = [], []
for p in d.paragraphs:
    for h in p._p.xpath("./w:hyperlink"):
        text = "".join(h.xpath(".//w:t/text()"))
        links.append({"text": text, "tip": h.get(qn("w:tooltip"))})
    for r in p._p.xpath(".//w:r"):
        lang = r.xpath("./w:rPr/w:lang/@w:val")
        runs.append({"text": "".join(r.xpath("./w:t/text()")), "lang": lang[0] if lang else None})
p = d.core_properties
print(json.dumps({
    "title": p.title, "language": p.language,
    "paragraphs": [{"style": x.style.name, "text": x.text, "outline": outline(x)} for x in d.paragraphs],
    "pictures": pictures, "links": links, "runs": runs,
}))
"#;

fn read(doc: &Document) -> serde_json::Value {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("release.docx");
    std::fs::write(
        &path,
        render(doc, &DocxOptions::default()).expect("renders"),
    )
    .expect("write");
    release_test_tools::python_json(READ, &path)
}

fn png() -> Vec<u8> {
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x04\0\0\0\x02\x08\x02\0\0\0".to_vec();
    png.extend_from_slice(&[0x8f, 0x5d, 0x6a, 0x3f]);
    png.extend_from_slice(b"\0\0\0\0IEND\xaeB`\x82");
    png
}

fn with_logo(mut doc: Document, place: LogoPlace, description: Option<&str>) -> Document {
    doc.logo = Some(release_style::Logo {
        file: "logo.png".to_owned(),
        png: release_style::Blob::Shared(png().into()),
        height_mm: 10.0,
        place,
        description: description.map(str::to_owned),
        description_language: "en".to_owned(),
    });
    doc
}

/// The example with a subheading after a section heading (one level
/// below it), text in French and Chinese, and another link.
fn mixed() -> Document {
    let mut doc = example("un");
    let lang = |text: &str, lang: &str| Span {
        lang: Some(lang.to_owned()),
        ..Span::plain(text)
    };
    doc.blocks.insert(
        3,
        Block {
            role: Role::Body,
            spans: vec![
                Span::plain("Mr. "),
                lang("Jean-Paul Laborde", "fr"),
                Span::plain(" and the office ("),
                lang("联合国反恐怖主义办公室", "zh"),
                Span::plain(") read "),
                Span {
                    link: Some("https://www.un.org/counterterrorism/".to_owned()),
                    char_style: Some(release_style::CharStyle::Link),
                    ..Span::plain("the statement")
                },
                Span::plain("."),
            ],
            marker: None,
            source: "release.body[0]".to_owned(),
        },
    );
    let quotes = doc
        .blocks
        .iter()
        .position(|b| b.role == Role::SectionHeading)
        .expect("the Quotes heading");
    doc.blocks.insert(
        quotes + 1,
        Block {
            role: Role::Subheading,
            spans: vec![Span::plain("Opening statements")],
            marker: None,
            source: "release.quotes".to_owned(),
        },
    );
    doc
}

#[test]
fn word_accessibility_rules_hold() {
    let arabic = {
        let file = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../templates/examples/example.ar.release.json");
        let draft = release_model::load(&std::fs::read_to_string(file).expect("example"))
            .expect("draft")
            .draft;
        release_style::document(&draft, &release_style::builtin("un").expect("un"))
    };
    let docs = [
        ("un", example("un")),
        ("newswire", example("newswire")),
        ("ar", arabic),
        (
            "mixed, described logo",
            with_logo(
                mixed(),
                LogoPlace::KindLine,
                Some("Emblem of the United Nations"),
            ),
        ),
        (
            "decorative header logo",
            with_logo(example("newswire"), LogoPlace::Header, None),
        ),
    ];
    for (name, doc) in &docs {
        let seen = read(doc);
        assert_eq!(seen["title"], doc.metadata.title.as_str(), "{name}: title");
        assert_eq!(
            seen["language"],
            doc.metadata.language.as_str(),
            "{name}: language"
        );
        let paragraphs = seen["paragraphs"].as_array().expect("paragraphs");
        assert_eq!(paragraphs.len(), doc.blocks.len(), "{name}");
        for ((p, block), level) in paragraphs.iter().zip(&doc.blocks).zip(doc.heading_levels()) {
            assert!(
                !p["text"].as_str().unwrap_or("").trim().is_empty(),
                "{name}: an empty paragraph ({})",
                block.source
            );
            assert_eq!(
                p["outline"].as_u64(),
                level.map(|l| u64::from(l) - 1),
                "{name}: the outline level of {:?}",
                block.text()
            );
        }
        for picture in seen["pictures"].as_array().expect("pictures") {
            let described = picture["descr"]
                .as_str()
                .is_some_and(|d| !d.trim().is_empty());
            assert!(
                described != picture["decorative"].as_bool().unwrap_or(false),
                "{name}: a picture neither described nor decorative (or both): {picture}"
            );
        }
        for link in seen["links"].as_array().expect("links") {
            assert!(
                !link["text"].as_str().unwrap_or("").trim().is_empty(),
                "{name}: {link}"
            );
            assert!(
                !link["tip"].as_str().unwrap_or("").trim().is_empty(),
                "{name}: {link}"
            );
        }
        let runs = seen["runs"].as_array().expect("runs");
        for span in doc.blocks.iter().flat_map(|b| &b.spans) {
            let Some(lang) = &span.lang else { continue };
            assert!(
                runs.iter()
                    .any(|r| r["text"] == span.text.as_str() && r["lang"] == lang.as_str()),
                "{name}: {:?} is not marked {lang}",
                span.text
            );
        }
    }
    let mixed = read(&docs[3].1);
    assert_eq!(
        mixed["pictures"][0]["descr"], "Emblem of the United Nations",
        "the logo's description"
    );
    assert_eq!(
        mixed["links"][0]["tip"],
        "the statement (https://www.un.org/counterterrorism/)"
    );
    let decorative = read(&docs[4].1);
    assert_eq!(decorative["pictures"][0]["decorative"], true);
}

/// Converts a DOCX to a tagged PDF with LibreOffice (`UseTaggedPDF`, the
/// PDF export's option for a structure tree) and reads its structure with
/// `tagged_pdf.py` (pikepdf): the block-level elements' roles and texts.
fn libreoffice_structure(doc: &Document) -> Vec<(String, String)> {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("release.docx");
    std::fs::write(
        &path,
        render(doc, &DocxOptions::default()).expect("renders"),
    )
    .expect("write");
    let profile = format!(
        "-env:UserInstallation=file://{}/profile",
        dir.path().display()
    );
    let out = Command::new(release_test_tools::system_tool("soffice"))
        .arg(profile)
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            r#"pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}"#,
            "--outdir",
        ])
        .arg(dir.path())
        .arg(&path)
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| {
            panic!("soffice could not be run ({e}): run scripts/deps.sh test (libreoffice-writer-nogui)")
        });
    let pdf = path.with_extension("pdf");
    assert!(
        out.status.success() && pdf.exists(),
        "LibreOffice did not convert the DOCX: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../release-pdf/tests");
    let code = "import json, sys\nsys.path.insert(0, sys.argv[1])\nimport tagged_pdf\n\
                r = tagged_pdf.inspect(sys.argv[2])\n\
                print(json.dumps([[b['role'], b['text']] for b in r['blocks']]))";
    let out = Command::new(release_test_tools::python())
        .args(["-c", code])
        .arg(&script)
        .arg(&pdf)
        .stdin(Stdio::null())
        .output()
        .expect("python runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let blocks: Vec<(String, String)> = serde_json::from_slice(&out.stdout).expect("JSON");
    blocks
}

#[test]
fn libreoffice_tags_our_headings_in_its_pdf() {
    for doc in [example("un"), mixed()] {
        let structure = libreoffice_structure(&doc);
        let got: Vec<(String, String)> = structure
            .into_iter()
            .filter(|(role, _)| role.starts_with('H'))
            .map(|(role, text)| (role, text.split_whitespace().collect::<Vec<_>>().join(" ")))
            .collect();
        let want: Vec<(String, String)> = doc
            .blocks
            .iter()
            .zip(doc.heading_levels())
            .filter_map(|(b, level)| {
                level.map(|l| {
                    let text = b.text().split_whitespace().collect::<Vec<_>>().join(" ");
                    (format!("H{l}"), text)
                })
            })
            .collect();
        assert_eq!(got, want, "LibreOffice's headings");
    }
}
