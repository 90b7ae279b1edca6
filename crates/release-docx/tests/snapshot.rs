//! word/document.xml of the example release, snapshotted: any change to what
//! the writer puts in the body shows up in review. The test never accepts a
//! change itself, whatever the environment: a changed body fails, insta
//! leaves the new version in `snapshots/*.snap.new`, and `make goldens` (or
//! `cargo insta review`) accepts it. Say why in the commit.

mod common;

use common::{Package, example};
use release_docx::{DocxOptions, render};
use std::path::Path;

const NAME: &str = "example-un-document-xml";

/// One paragraph a line, each run and link indented under it.
fn lines(xml: &str) -> String {
    xml.replace("<w:p ", "\n<w:p ")
        .replace("<w:r>", "\n  <w:r>")
        .replace("<w:hyperlink ", "\n  <w:hyperlink ")
        .replace("<w:sectPr>", "\n<w:sectPr>")
        .replace("</w:body>", "\n</w:body>")
}

/// Fails when the environment would let insta write the reference in
/// place or pass a failing assertion: `INSTA_UPDATE=always` (or `1`,
/// `force`, or `unseen`, which writes a missing reference in place),
/// `INSTA_FORCE_UPDATE`, `INSTA_FORCE_PASS`, or an insta config file at the
/// workspace root that sets `update` or `force_pass`. `new`, `no` and
/// `auto` (the default; `no` under CI) only ever write `.snap.new`.
fn refuse_auto_accept() {
    let env = |key: &str| std::env::var(key).unwrap_or_default();
    let update = env("INSTA_UPDATE");
    assert!(
        !matches!(update.as_str(), "always" | "1" | "force" | "unseen"),
        "INSTA_UPDATE={update} would accept the snapshot without review; \
         unset it (`make goldens` accepts changes on purpose)"
    );
    for key in [
        "INSTA_FORCE_UPDATE",
        "INSTA_FORCE_UPDATE_SNAPSHOTS",
        "INSTA_FORCE_PASS",
    ] {
        let value = env(key);
        assert!(
            value.is_empty() || value == "0",
            "{key}={value} would accept or pass a changed snapshot; unset it"
        );
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    for config in [".config/insta.yaml", "insta.yaml", ".insta.yaml"] {
        if let Ok(text) = std::fs::read_to_string(root.join(config)) {
            assert!(
                !text.contains("update") && !text.contains("force_pass"),
                "{config} sets how insta updates snapshots; the tests must not accept them"
            );
        }
    }
}

/// The committed snapshot's contents (after its header), as insta
/// compares them: trailing whitespace and CRLF normalised.
fn committed(name: &str) -> Option<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(format!("snapshot__{name}.snap"));
    let text = std::fs::read_to_string(path).ok()?;
    let body = text.strip_prefix("---\n")?.split_once("\n---\n")?.1;
    Some(normalise(body))
}

fn normalise(text: &str) -> String {
    text.trim_end().replace("\r\n", "\n")
}

#[test]
fn example_document_xml() {
    // Read before insta runs: whatever insta is told, the test compares
    // with what was committed.
    let reference = committed(NAME);
    refuse_auto_accept();
    let bytes = render(&example("un"), &DocxOptions::default()).expect("renders");
    let document = Package::open(&bytes).xml("word/document.xml");
    insta::assert_snapshot!(NAME, lines(&document));
    let reference = reference.unwrap_or_else(|| {
        panic!("no committed snapshot tests/snapshots/snapshot__{NAME}.snap: review, then `make goldens`")
    });
    assert!(
        reference == normalise(&lines(&document)),
        "word/document.xml is not the committed snapshot, though insta accepted it"
    );
}
