//! Photos in the DOCX as other programs read them: python-docx (from the
//! project's pinned tools, `.tools/venv`, see `release-test-tools`) sees an inline picture with its
//! alt text and the caption in the `Caption` style, LibreOffice sees the
//! picture and its description; the JPEG is stored byte for byte.

mod common;

use common::Package;
use release_docx::{DocxOptions, render};
use release_model::{Photo, Run, example};
use release_style::{Blob, Document, Image, builtin, document_with_photos};
use release_test_tools::images::jpeg;
use release_test_tools::{python_json, system_tool};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const ALT: &str = "Delegates seated around a long table under UN flags & banners.";

fn with_photo(bytes: &[u8]) -> Document {
    let mut draft = example();
    draft.release.photos = vec![Photo {
        file: "photos/launch.jpg".to_owned(),
        caption: vec![Run::plain("The launch in Dushanbe, 8 December 2021.")],
        credit: "Manuel Elías".to_owned(),
        alt: ALT.to_owned(),
        ..Photo::default()
    }];
    let image = Image {
        file: "photos/launch.jpg".to_owned(),
        facts: release_photo::probe(bytes).expect("a photo"),
        bytes: Blob::Shared(bytes.to_vec().into()),
    };
    document_with_photos(&draft, &builtin("un").expect("un"), &[Some(image)])
}

#[test]
fn the_jpeg_is_stored_as_it_is_with_its_content_type() {
    let bytes = jpeg(400, 300);
    let docx = render(&with_photo(&bytes), &DocxOptions::default()).expect("renders");
    let package = Package::open(&docx);
    let media = package
        .parts
        .get("word/media/rIdPhoto1.jpeg")
        .expect("the photo part");
    assert_eq!(media, &bytes, "the JPEG, not re-encoded");
    let rels = package.xml("word/_rels/document.xml.rels");
    assert!(rels.contains(r#"Target="media/rIdPhoto1.jpeg""#), "{rels}");
    let types = package.xml("[Content_Types].xml");
    assert!(
        types.contains(r#"ContentType="image/jpeg" Extension="jpeg""#),
        "{types}"
    );
    package.check_well_formed().expect("well-formed");
}

#[test]
fn the_caption_and_credit_styles_are_defined_once() {
    let docx = render(&with_photo(&jpeg(40, 30)), &DocxOptions::default()).expect("renders");
    let styles = common::styles(&Package::open(&docx).xml("word/styles.xml"));
    for name in ["Caption", "Photo Credit", "Photo"] {
        let n = styles
            .iter()
            .filter(|(kind, _, n)| kind == "paragraph" && n == name)
            .count();
        assert_eq!(n, 1, "{name}");
    }
}

#[test]
fn python_docx_sees_the_picture_its_alt_text_and_the_caption() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("photo.docx");
    std::fs::write(
        &path,
        render(&with_photo(&jpeg(400, 300)), &DocxOptions::default()).expect("renders"),
    )
    .expect("write");
    let script = r#"
import json, sys, docx
d = docx.Document(sys.argv[1])
shapes = [{"descr": s._inline.docPr.get("descr"), "id": s._inline.docPr.get("id"),
           "width": s.width, "height": s.height} for s in d.inline_shapes]
paras = [[p.style.name, p.text] for p in d.paragraphs]
print(json.dumps({"shapes": shapes, "paras": paras}))
"#;
    let seen = python_json(script, &path);
    let shapes = seen["shapes"].as_array().expect("shapes");
    assert_eq!(shapes.len(), 1, "{seen}");
    assert_eq!(shapes[0]["descr"], ALT);
    // 140 mm wide (105 mm high is the UN style's limit for 4:3).
    let width = shapes[0]["width"].as_f64().expect("width");
    assert!((width / 36_000.0 - 140.0).abs() < 0.1, "{width} EMU");
    let paras = seen["paras"].as_array().expect("paragraphs");
    let at = |style: &str| {
        paras
            .iter()
            .position(|p| p[0] == style)
            .unwrap_or_else(|| panic!("no {style}: {seen}"))
    };
    let (photo, caption, credit) = (at("Photo"), at("Caption"), at("Photo Credit"));
    assert_eq!((caption, credit), (photo + 1, photo + 2), "{seen}");
    assert_eq!(
        paras[caption][1],
        "The launch in Dushanbe, 8 December 2021."
    );
    assert_eq!(paras[credit][1], "UN Photo/Manuel Elías");
    assert_eq!(
        paras[photo - 1][0],
        "Body Text",
        "after the first paragraph"
    );
}

#[test]
fn libreoffice_sees_the_picture_and_its_description() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("photo.docx");
    std::fs::write(
        &path,
        render(&with_photo(&jpeg(400, 300)), &DocxOptions::default()).expect("renders"),
    )
    .expect("write");
    let profile = format!(
        "-env:UserInstallation=file://{}/profile",
        dir.path().display()
    );
    let mut child = Command::new(system_tool("soffice"))
        .arg(profile)
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "fodt",
            "--outdir",
        ])
        .arg(dir.path())
        .arg(&path)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("soffice cannot start ({e}): run scripts/deps.sh test"));
    let start = Instant::now();
    while child.try_wait().expect("waits").is_none() {
        if start.elapsed() > Duration::from_secs(180) {
            let _ = child.kill();
            panic!("LibreOffice took more than three minutes");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let flat =
        std::fs::read_to_string(path.with_extension("fodt")).expect("LibreOffice converted it");
    assert_eq!(flat.matches("<draw:image").count(), 1, "one picture");
    let escaped = ALT.replace('&', "&amp;");
    assert!(
        flat.contains(&format!("<svg:desc>{escaped}</svg:desc>")),
        "the alt text is the picture's description"
    );
    assert!(flat.contains("UN Photo/Manuel Elías"));
}
