//! Every UN language: font fallback for Arabic and Chinese,
//! right-to-left lines ordered after breaking, Chinese broken between
//! characters. Checked with poppler (pdftotext, pdffonts) and qpdf.

mod common;

use common::tool;
use release_style::{Block, Document, Role, Span};
use std::path::PathBuf;

fn examples_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../templates/examples")
}

/// The example release in `lang` (`en` is the built-in one), `un` style.
fn example_in(lang: &str) -> Document {
    let style = release_style::builtin("un").expect("built-in style");
    let draft = if lang == "en" {
        release_model::example()
    } else {
        let path = examples_dir().join(format!("example.{lang}.release.json"));
        let text = std::fs::read_to_string(&path).expect("example draft");
        release_model::load(&text).expect("loads").draft
    };
    release_style::document(&draft, &style)
}

/// The PDF of `doc` with its warnings.
fn render(doc: &Document) -> release_pdf::Rendered {
    release_pdf::render_with_warnings(doc, &release_pdf::PdfOptions::default()).expect("renders")
}

/// The warnings of letters no font has.
fn missing_glyphs(rendered: &release_pdf::Rendered) -> Vec<&release_model::Finding> {
    rendered
        .warnings
        .iter()
        .filter(|w| w.code == "pdf-glyphs-missing")
        .collect()
}

/// The kind label of `lang`'s example, then `text` as the body.
fn paragraph_in(lang: &str, text: &str) -> Document {
    let mut doc = example_in(lang);
    doc.blocks.retain(|b| b.role == Role::Kind);
    doc.blocks.push(Block {
        role: Role::Body,
        spans: vec![Span::plain(text)],
        marker: None,
        source: "release.body[0]".to_owned(),
    });
    doc
}

/// Text without the bidi controls pdftotext wraps right-to-left lines in.
fn plain(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(*c as u32, 0x200E | 0x200F | 0x202A..=0x202E))
        .collect()
}

/// Words with their boxes, from `pdftotext -bbox`: (text, xMin, yMin, xMax).
fn words(pdf: &[u8]) -> Vec<(String, f32, f32, f32)> {
    let html = tool("pdftotext", &["-bbox"], pdf);
    let attr = |tag: &str, name: &str| -> f32 {
        let key = format!("{name}=\"");
        let at = tag.find(&key).expect("attribute") + key.len();
        tag[at..]
            .split('"')
            .next()
            .and_then(|v| v.parse().ok())
            .expect("a number")
    };
    html.split("<word ")
        .skip(1)
        .map(|w| {
            let (tag, rest) = w.split_once('>').expect("a word tag");
            let text = rest.split("</word>").next().unwrap_or("");
            let text = text.replace("&amp;", "&").replace("&quot;", "\"");
            (
                plain(&text),
                attr(tag, "xMin"),
                attr(tag, "yMin"),
                attr(tag, "xMax"),
            )
        })
        .collect()
}

#[test]
fn every_language_renders_with_every_letter_and_font_embedded() {
    for (lang, label) in [
        ("en", "PRESS RELEASE"),
        ("fr", "COMMUNIQUÉ DE PRESSE"),
        ("es", "COMUNICADO DE PRENSA"),
        ("ru", "ПРЕСС-РЕЛИЗ"),
        ("ar", "نشرة صحفية"),
        ("zh", "新闻稿"),
    ] {
        let doc = example_in(lang);
        let rendered = render(&doc);
        let missing = missing_glyphs(&rendered);
        assert!(missing.is_empty(), "{lang}: {missing:?}");
        let out = tool("pdffonts", &[], &rendered.bytes);
        let fonts: Vec<&str> = out
            .lines()
            .skip(2)
            .filter(|l| !l.trim().is_empty())
            .collect();
        assert!(fonts.len() >= 2, "{lang}: {out}");
        for line in &fonts {
            let columns: Vec<&str> = line.split_whitespace().collect();
            let n = columns.len();
            assert_eq!(
                &columns[n - 5..n - 2],
                &["yes", "yes", "yes"],
                "{lang}: {line}"
            );
        }
        match lang {
            "ar" => assert!(
                fonts.iter().any(|f| f.contains("NotoNaskhArabic")),
                "{fonts:?}"
            ),
            "zh" => {
                assert!(
                    fonts
                        .iter()
                        .any(|f| f.contains("NotoSans") && f.contains("Type 0C")),
                    "{out}"
                );
                // Bold Chinese (headline, dateline): the one-weight font
                // emboldened, a font of its own.
                assert!(fonts.iter().any(|f| f.contains(",Bold")), "{fonts:?}");
            }
            _ => assert!(
                fonts.iter().all(|f| f.contains("Liberation")),
                "{lang}: {fonts:?}"
            ),
        }
        let out = tool("qpdf", &["--check"], &rendered.bytes);
        assert!(
            out.contains("No syntax or stream encoding errors"),
            "{lang}: {out}"
        );
        let text = plain(&tool("pdftotext", &[], &rendered.bytes));
        assert!(
            text.lines().any(|l| l.trim() == label),
            "{lang}: no line {label:?} in {text}"
        );
    }
}

const ARABIC: &str = "أعلن المكتب اليوم عن إطلاق المرحلة الرابعة من المشروع، ويمكن للصحفيين \
    التواصل مع المكتب عبر البريد الإلكتروني press@un.org منذ عام 2021 في دوشانبي، \
    كما يمكنهم متابعة أعمال مركز UNOCT على الموقع الرسمي للأمم المتحدة طوال العام.";

#[test]
fn arabic_line_with_email_and_number_breaks_and_orders_right_to_left() {
    let doc = paragraph_in("ar", ARABIC);
    let rendered = render(&doc);
    assert!(rendered.warnings.is_empty(), "{:?}", rendered.warnings);
    let words = words(&rendered.bytes);
    // pdftotext -bbox spells right-to-left words in visual order.
    let find = |w: &str| {
        words
            .iter()
            .find(|(t, ..)| {
                let t = t.trim_matches(['،', '.', ',']);
                t == w || t.chars().rev().collect::<String>() == w
            })
            .unwrap_or_else(|| panic!("{w} not in {words:?}"))
            .clone()
    };
    // The e-mail address and the number read left to right, whole.
    let email = find("press@un.org");
    let year = find("2021");
    let acronym = find("UNOCT");
    // Around them, Arabic reads right to left: the word before in the text
    // stands to the right on the same line, or ends the line above (its
    // left end, with the middle word starting its own line at the right);
    // the word after stands to the left, or starts the line below. Every
    // pair is checked one way or the other, and the count says how many
    // were checked within one line: in this layout the address starts a
    // line, so five of the six pairs share one.
    type Word = (String, f32, f32, f32);
    let same_line = |a: &Word, b: &Word| (a.2 - b.2).abs() < 3.0;
    let leftmost = |w: &Word| {
        words
            .iter()
            .filter(|o| same_line(o, w))
            .all(|o| o.1 >= w.1 - 0.01)
    };
    let rightmost = |w: &Word| {
        words
            .iter()
            .filter(|o| same_line(o, w))
            .all(|o| o.3 <= w.3 + 0.01)
    };
    let mut within_a_line = 0;
    for (before, middle, after) in [
        ("الإلكتروني", &email, "منذ"),
        ("عام", &year, "في"),
        ("مركز", &acronym, "على"),
    ] {
        let (b, a) = (find(before), find(after));
        if same_line(&b, middle) {
            assert!(b.1 > middle.3, "{before} right of {}: {words:?}", middle.0);
            within_a_line += 1;
        } else {
            assert!(
                b.2 < middle.2 && leftmost(&b) && rightmost(middle),
                "{before} ends the line above {}, which starts its line at the right: {words:?}",
                middle.0
            );
        }
        if same_line(&a, middle) {
            assert!(a.3 < middle.1, "{after} left of {}: {words:?}", middle.0);
            within_a_line += 1;
        } else {
            assert!(
                a.2 > middle.2 && rightmost(&a) && leftmost(middle),
                "{after} starts the line below {}, which ends its line at the left: {words:?}",
                middle.0
            );
        }
    }
    assert_eq!(within_a_line, 5, "pairs checked within one line: {words:?}");
    // The paragraph breaks into several lines, each ending at the right
    // margin (justified, the last one right-aligned).
    let body_top = find("أعلن").2;
    let mut lines: Vec<(f32, f32, f32)> = Vec::new();
    for (_, x0, y, x1) in words.iter().filter(|w| w.2 >= body_top - 1.0) {
        // Latin and Arabic words on one line have different tops.
        match lines.iter_mut().find(|l| (l.0 - y).abs() < 3.0) {
            Some(l) => {
                l.1 = l.1.min(*x0);
                l.2 = l.2.max(*x1);
            }
            None => lines.push((*y, *x0, *x1)),
        }
    }
    lines.retain(|l| l.0 < 700.0); // not the footer
    assert!(lines.len() >= 2, "{lines:?}");
    let right = lines[0].2;
    for l in &lines {
        assert!((l.2 - right).abs() < 1.5, "right-aligned: {lines:?}");
    }
    // pdftotext gives the text back in logical order.
    let text = tool("pdftotext", &[], &rendered.bytes);
    let text = plain(&text).replace('\n', " ");
    for part in [
        "أعلن المكتب اليوم عن إطلاق المرحلة الرابعة",
        "press@un.org",
        "2021",
        "UNOCT",
        "الرسمي للأمم المتحدة طوال العام",
    ] {
        assert!(text.contains(part), "{part} in {text}");
    }
}

const CHINESE: &str = "联合国反恐怖主义办公室与联合国中亚预防性外交区域中心在中亚国家副外长第十一次年度会议期间，\
    联合启动了“推动在中亚全面执行《联合国全球反恐战略》”项目第四阶段。此次会议由塔吉克斯坦共和国外交部和中亚中心共同主办，\
    各国代表表示支持该项目，并赞赏联合国各实体与本区域会员国开展的联合工作；会员国还赞赏在这一倡议框架内开展的合作！";

#[test]
fn chinese_breaks_between_characters_and_no_line_starts_with_closing_punctuation() {
    let doc = paragraph_in("zh", CHINESE);
    let rendered = render(&doc);
    assert!(rendered.warnings.is_empty(), "{:?}", rendered.warnings);
    let text = tool("pdftotext", &[], &rendered.bytes);
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .skip_while(|l| !l.starts_with("联合国反恐怖主义办公室"))
        .take_while(|l| !l.contains('页'))
        .collect();
    assert!(lines.len() >= 3, "{text}");
    // No hyphens added, no letters lost: the lines are the paragraph.
    assert_eq!(lines.concat(), CHINESE.replace(' ', ""), "{text}");
    for line in &lines[1..] {
        let first = line.chars().next().expect("a letter");
        assert!(
            !"，。、；：？！”）》".contains(first),
            "line starts with {first}: {lines:?}"
        );
    }
    // Lines are justified by spacing the characters: every line but the
    // last reaches the right margin, none goes past it.
    let words = words(&rendered.bytes);
    let top = words
        .iter()
        .find(|w| w.0.starts_with("联合国反恐怖主义办公室"))
        .expect("first line")
        .2;
    let mut rights: Vec<(f32, f32)> = Vec::new();
    for (_, _, y, x1) in words.iter().filter(|w| w.2 >= top - 1.0 && w.2 < 700.0) {
        match rights.iter_mut().find(|l| (l.0 - y).abs() < 3.0) {
            Some(l) => l.1 = l.1.max(*x1),
            None => rights.push((*y, *x1)),
        }
    }
    let measure_end = rights[0].1;
    for (_, right) in &rights[..rights.len() - 1] {
        assert!((right - measure_end).abs() < 1.5, "{rights:?}");
    }
    assert!(
        rights.iter().all(|r| r.1 <= measure_end + 0.5),
        "{rights:?}"
    );
}

#[test]
fn right_to_left_mirrors_the_logo_to_the_left_and_keeps_the_label_right() {
    let mut doc = paragraph_in("ar", ARABIC);
    let mut png = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut png, 4, 2);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header().expect("header");
        writer.write_image_data(&[0x40; 3 * 2 * 4]).expect("pixels");
    }
    doc.logo = Some(release_style::Logo {
        file: "logo.png".to_owned(),
        png: release_style::Blob::Shared(png.into()),
        height_mm: 12.0,
        place: release_style::LogoPlace::KindLine,
        description: Some("Emblem of the organisation".to_owned()),
        description_language: "en".to_owned(),
    });
    doc.blocks.push(Block {
        role: Role::ListItem,
        spans: vec![Span::plain("بند أول في القائمة")],
        marker: Some(release_style::ListMarker::Bullet),
        source: "release.body[1]".to_owned(),
    });
    let bytes = release_pdf::render(&doc, &release_pdf::PdfOptions::default()).expect("renders");
    if let Some(out) = std::env::var_os("RELEASE_PDF_DUMP") {
        std::fs::write(out, &bytes).expect("dump");
    }
    let words = words(&bytes);
    let right = |w: &str| {
        words
            .iter()
            .find(|(t, ..)| t.chars().rev().collect::<String>() == w)
            .unwrap_or_else(|| panic!("{w} in {words:?}"))
            .3
    };
    // The kind label ends at the right margin, as the body does: the logo
    // took its room on the left.
    assert!((right("نشرة") - right("أعلن")).abs() < 1.5, "{words:?}");
    // A list item's indent and bullet are on the right.
    let bullet = words
        .iter()
        .find(|(t, ..)| t == "•")
        .unwrap_or_else(|| panic!("bullet in {words:?}"));
    assert!(bullet.1 > right("بند"), "{words:?}");
    assert!(right("بند") < right("أعلن") - 10.0, "{words:?}");
}

#[test]
fn a_letter_no_font_has_is_reported_with_its_field() {
    // Devanagari: neither Liberation Sans nor the Arabic and Chinese fonts.
    let doc = paragraph_in("en", "The Hindi word नमस्ते means hello.");
    let rendered = render(&doc);
    let missing = missing_glyphs(&rendered);
    assert_eq!(missing.len(), 1, "{:?}", rendered.warnings);
    assert_eq!(missing[0].path, "release.body[0]");
    let text = tool("pdftotext", &[], &rendered.bytes);
    assert!(text.contains("means hello"), "{text}");
}

#[test]
fn extracted_text_is_the_documents_in_logical_order() {
    for lang in ["en", "fr", "es", "ru", "ar", "zh"] {
        let doc = example_in(lang);
        let text = common::body_text(&doc, &common::pdf(&doc));
        // pdftotext wraps the Arabic footer in bidi controls, which
        // body_text does not expect: drop it here.
        let text: String = text
            .lines()
            .filter(|l| !(lang == "ar" && l.contains("الصفحة")))
            .collect::<Vec<_>>()
            .join("\n");
        // Lines broken between Chinese characters come back as line
        // breaks; compare without any whitespace.
        let squeeze = |t: &str| -> String {
            plain(t)
                .replace(['-', '\u{2010}', '\u{00AD}'], "")
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect()
        };
        let (mut got, mut want) = (squeeze(&text), squeeze(&doc.text()));
        if lang == "ar" {
            // poppler rebuilds logical order from the page with its own
            // guess about punctuation next to numbers (`8،` for our `،8`,
            // drawn right); the letters' order is what it cannot get wrong.
            // Numbers and punctuation are checked on the page in
            // `arabic_line_with_email_and_number_breaks_and_orders_right_to_left`.
            got.retain(char::is_alphabetic);
            want.retain(char::is_alphabetic);
        }
        if got != want {
            let at = got
                .chars()
                .zip(want.chars())
                .position(|(a, b)| a != b)
                .unwrap_or(0);
            let show = |s: &str| {
                s.chars()
                    .skip(at.saturating_sub(30))
                    .take(80)
                    .collect::<String>()
            };
            panic!(
                "{lang}: differs at {at}:\n got {}\nwant {}",
                show(&got),
                show(&want)
            );
        }
    }
}
