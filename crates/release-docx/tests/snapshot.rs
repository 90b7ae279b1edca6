//! word/document.xml of the example release, snapshotted: any change to what
//! the writer puts in the body shows up in review. Update on purpose only
//! (`cargo insta review`), and say why in the commit.

mod common;

use common::{Package, example};
use release_docx::{DocxOptions, render};

/// One paragraph a line, each run and link indented under it.
fn lines(xml: &str) -> String {
    xml.replace("<w:p ", "\n<w:p ")
        .replace("<w:r>", "\n  <w:r>")
        .replace("<w:hyperlink ", "\n  <w:hyperlink ")
        .replace("<w:sectPr>", "\n<w:sectPr>")
        .replace("</w:body>", "\n</w:body>")
}

#[test]
fn example_document_xml() {
    let bytes = render(&example("un"), &DocxOptions::default()).expect("renders");
    let document = Package::open(&bytes).xml("word/document.xml");
    insta::assert_snapshot!("example-un-document-xml", lines(&document));
}
