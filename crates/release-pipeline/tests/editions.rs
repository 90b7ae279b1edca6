//! A release's photos travel with its e-mail and web editions: the .eml
//! carries each photo as an inline part of the HTML (`cid:`), read back by
//! Python's `email` package; the web page and the clipboard's HTML carry it
//! inline, in a `figure` with its alt text, caption and credit.

use release_model::{Date, Draft, Photo, Run, example};
use release_pipeline::{Format, Photos, Styles, mail_clipboard, prepare};
use release_test_tools::images::jpeg;
use std::path::Path;

const ALT: &str = "Delegates seated around a long table under UN flags.";

/// The example with one photo, in a folder of its own with the image.
fn with_photo(dir: &Path) -> Draft {
    std::fs::write(dir.join("launch.jpg"), jpeg(64, 48)).expect("image");
    let mut draft = example();
    draft.release.photos = vec![Photo {
        file: "launch.jpg".to_owned(),
        caption: vec![Run::plain("Delegates at the launch in Dushanbe.")],
        credit: "Manuel Elías".to_owned(),
        alt: ALT.to_owned(),
        ..Photo::default()
    }];
    draft
}

fn prepared(dir: &Path) -> release_pipeline::Prepared {
    let draft = with_photo(dir);
    let photos = Photos::read(&draft, Some(dir));
    let style = Styles::new(None).get("un");
    let today = Date::parse("2021-12-08").expect("date");
    prepare(
        draft,
        style,
        today,
        &photos,
        &release_pipeline::Spelling::off(),
    )
    .expect("no errors")
}

#[test]
fn the_email_carries_the_photo_inline_beside_its_html() {
    let dir = tempfile::tempdir().expect("tempdir");
    let eml = prepared(dir.path()).render(Format::Eml).expect("eml").bytes;
    let file = dir.path().join("launch.eml");
    std::fs::write(&file, &eml).expect("write");
    let read = release_test_tools::read_eml(&file);
    let types: Vec<&str> = read["types"]
        .as_array()
        .expect("types")
        .iter()
        .filter_map(|t| t.as_str())
        .collect();
    assert_eq!(
        types,
        [
            "multipart/alternative",
            "text/plain",
            "multipart/related",
            "text/html",
            "image/jpeg"
        ]
    );
    let text = String::from_utf8_lossy(&eml);
    assert!(
        text.contains("Content-ID: <photo-1@release-composer>"),
        "the part names its id"
    );
    let html = release_html_of(&text);
    assert!(
        html.contains("src=\"cid:photo-1@release-composer\""),
        "{html}"
    );
    assert!(html.contains(&format!("alt=\"{ALT}\"")));
    let words = read["html_text"].as_str().unwrap_or_default();
    assert!(words.contains("Delegates at the launch in Dushanbe."));
    assert!(
        words.contains("UN Photo/Manuel Elías"),
        "the style's credit pattern"
    );
}

/// The HTML part as sent: quoted-printable undone well enough to search it.
fn release_html_of(eml: &str) -> String {
    let start = eml.find("Content-Type: text/html").expect("an HTML part");
    let body = &eml[start..];
    let body = &body[body.find("\r\n\r\n").expect("a body") + 4..];
    let end = body.find("\r\n--rc-").unwrap_or(body.len());
    body[..end].replace("=\r\n", "").replace("=3D", "=")
}

#[test]
fn the_web_page_and_the_clipboard_hold_the_photo_in_a_figure() {
    let dir = tempfile::tempdir().expect("tempdir");
    let prepared = prepared(dir.path());
    let page =
        String::from_utf8(prepared.render(Format::Html).expect("html").bytes).expect("UTF-8");
    let figure = &page[page.find("<figure class=\"photo\">").expect("a figure")..];
    let figure = &figure[..figure.find("</figure>").expect("closed")];
    assert!(
        figure.contains("<img src=\"data:image/jpeg;base64,"),
        "the page stands alone"
    );
    assert!(figure.contains(&format!("alt=\"{ALT}\"")));
    assert!(figure.contains("width=\"64\" height=\"48\""));
    let caption = &figure[figure.find("<figcaption>").expect("a caption")..];
    assert!(
        caption.contains("Delegates at the launch in Dushanbe.")
            && caption.contains("UN Photo/Manuel Elías")
    );
    let (html, text) = mail_clipboard(&prepared);
    assert!(
        html.contains("<img src=\"data:image/jpeg;base64,"),
        "pasted mail has no parts to point at"
    );
    assert!(!html.contains("cid:"));
    assert!(text.contains("UN Photo/Manuel Elías"));
    assert!(
        !page.contains("og:image"),
        "Open Graph needs an address the page does not know"
    );
    let options = release_pipeline::ExportOptions {
        web: release_pipeline::WebOptions {
            image_url: Some("https://www.un.org/photos/launch.jpg".into()),
            ..Default::default()
        },
        ..Default::default()
    };
    let page = String::from_utf8(
        prepared
            .render_with(Format::Html, &options)
            .expect("html")
            .bytes,
    )
    .expect("UTF-8");
    assert!(
        page.contains(
            "<meta property=\"og:image\" content=\"https://www.un.org/photos/launch.jpg\">"
        )
    );
    assert!(
        page.contains("\"image\":\"https://www.un.org/photos/launch.jpg\""),
        "and in the JSON-LD"
    );
}
