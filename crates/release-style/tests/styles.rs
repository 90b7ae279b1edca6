//! The built-in styles load, broken style folders are refused with the key or
//! file at fault, and the example release composes as the reference prints it.

use release_model::{Draft, Embargo, example};
use release_style::{HouseStyle, Role, StyleError, builtin, builtin_names, document};
use std::path::Path;

/// Compares `actual` with the golden file `tests/golden/NAME`. The test
/// never writes the reference, whatever the environment: on a difference
/// (or no reference) it leaves what it got in `NAME.new` beside it and
/// fails with a diff, and `make goldens` shows and accepts the new version.
fn golden(name: &str, actual: &str) {
    if let Err(message) = compare(name, actual) {
        panic!("{message}");
    }
}

/// [`golden`], returning the failure instead of panicking, so that a test of
/// several references leaves every `.new` file in one run.
fn compare(name: &str, actual: &str) -> Result<(), String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let path = dir.join(name);
    let pending = dir.join(format!("{name}.new"));
    let expected = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => {
            std::fs::write(&pending, actual).expect("write the new version");
            return Err(format!(
                "{}: {e}; what the test got is in {}: review it, then `make goldens`",
                path.display(),
                pending.display()
            ));
        }
    };
    if expected == actual {
        let _ = std::fs::remove_file(&pending);
        return Ok(());
    }
    std::fs::write(&pending, actual).expect("write the new version");
    Err(format!(
        "{name} differs from its golden file (- golden, + now):\n{}\n\
         The new version is in {}. If the change is meant, `make goldens` accepts it; \
         say why in the commit.",
        diff(&expected, actual),
        pending.display()
    ))
}

/// The lines that differ, with two lines of context, as `-` and `+` lines
/// (a longest common subsequence of lines), each removed line next to the
/// line that replaced it. At most 60 lines are shown.
fn diff(expected: &str, actual: &str) -> String {
    let a: Vec<&str> = expected.lines().collect();
    let b: Vec<&str> = actual.lines().collect();
    // lcs[i][j]: length of the longest common subsequence of a[i..], b[j..].
    let mut lcs = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut ops: Vec<(char, &str)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            ops.push((' ', a[i]));
            (i, j) = (i + 1, j + 1);
        } else if j < b.len() && (i == a.len() || lcs[i][j + 1] >= lcs[i + 1][j]) {
            ops.push(('+', b[j]));
            j += 1;
        } else {
            ops.push(('-', a[i]));
            i += 1;
        }
    }
    // In each run of changes, each removed line next to the one added in
    // its place: a line that moved by a tenth of a point reads as a pair.
    let mut paired: Vec<(char, &str)> = Vec::with_capacity(ops.len());
    let mut k = 0;
    while k < ops.len() {
        if ops[k].0 == ' ' {
            paired.push(ops[k]);
            k += 1;
            continue;
        }
        let end = ops[k..]
            .iter()
            .position(|(c, _)| *c == ' ')
            .map_or(ops.len(), |p| k + p);
        let removed: Vec<_> = ops[k..end].iter().filter(|(c, _)| *c == '-').collect();
        let added: Vec<_> = ops[k..end].iter().filter(|(c, _)| *c == '+').collect();
        for n in 0..removed.len().max(added.len()) {
            paired.extend(removed.get(n).copied());
            paired.extend(added.get(n).copied());
        }
        k = end;
    }
    let ops = paired;
    let near = |k: usize| {
        ops[k.saturating_sub(2)..(k + 3).min(ops.len())]
            .iter()
            .any(|(c, _)| *c != ' ')
    };
    let mut out = Vec::new();
    let mut skipped = false;
    for (k, (c, line)) in ops.iter().enumerate() {
        if near(k) {
            if skipped && !out.is_empty() {
                out.push("  ...".to_owned());
            }
            skipped = false;
            out.push(format!("{c} {line}"));
        } else {
            skipped = true;
        }
    }
    if out.len() > 60 {
        let more = out.len() - 60;
        out.truncate(60);
        out.push(format!("  ... and {more} more lines"));
    }
    out.join("\n")
}

#[test]
fn builtin_styles_load() {
    assert_eq!(builtin_names(), vec!["un", "newswire"]);
    for name in builtin_names() {
        let style = builtin(name).expect("built-in style loads");
        assert_eq!(style.name, name);
        assert!(!style.description.is_empty());
        assert!(style.fonts.regular.bytes.len() > 100_000);
        assert!(
            style
                .licence
                .as_deref()
                .unwrap_or("")
                .contains("SIL OPEN FONT LICENSE")
        );
    }
    assert_eq!(builtin("un").expect("un").fonts.docx_family, "Arial");
    let fallback = builtin("un").expect("un").fallback;
    let families: Vec<&str> = fallback.iter().map(|f| f.family.as_str()).collect();
    assert_eq!(families, ["Noto Naskh Arabic", "Noto Sans SC"]);
    assert!(
        fallback[1].regular.bytes.starts_with(b"OTTO"),
        "the CJK subset is an OpenType font"
    );
    assert!(fallback.iter().all(|f| {
        f.licence
            .as_deref()
            .is_some_and(|l| l.contains("SIL OPEN FONT LICENSE"))
    }));
    assert_eq!(
        builtin("newswire").expect("newswire").fonts.docx_family,
        "Times New Roman"
    );
}

#[test]
fn unknown_style_names_the_known_ones() {
    let err = builtin("unn").expect_err("unknown");
    assert_eq!(err.code(), "style-unknown");
    assert!(err.to_string().contains("un, newswire"), "{err}");
}

#[test]
fn example_in_un_matches_the_reference() {
    let doc = document(&example(), &builtin("un").expect("un"));
    golden("example-un.outline.txt", &doc.outline());
    assert!(doc.warnings.is_empty());
}

#[test]
fn example_in_newswire() {
    let doc = document(&example(), &builtin("newswire").expect("newswire"));
    golden("example-newswire.outline.txt", &doc.outline());
}

/// The Document's words are the seed's words, in the seed's order.
#[test]
fn example_text_is_the_seed_word_for_word() {
    let seed_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/seed.txt");
    let seed = std::fs::read_to_string(seed_path).expect("seed copy");
    let words = |t: &str| -> Vec<String> {
        t.replace("**", "")
            .split_whitespace()
            .map(str::to_owned)
            .collect()
    };
    let doc = document(&example(), &builtin("un").expect("un"));
    let text = doc.text();
    assert_eq!(words(&text), words(&seed));
}

#[test]
fn embargo_line_and_languages() {
    let mut draft: Draft = example();
    draft.release.embargo = Some(Embargo {
        until: "2021-12-08T10:00:00+05:00".into(),
        ..Embargo::default()
    });
    let un = builtin("un").expect("un");
    let doc = document(&draft, &un);
    assert_eq!(doc.blocks[1].role, Role::Embargo);
    assert_eq!(
        doc.blocks[1].text(),
        "EMBARGOED UNTIL 10:00 (UTC+05:00), 8 December 2021"
    );
    draft.language = "fr".into();
    let doc = document(&draft, &un);
    let dateline = &doc
        .blocks
        .iter()
        .find(|b| b.role == Role::Body)
        .expect("body")
        .spans[0];
    assert_eq!(dateline.text, "Dushanbe (Tajikistan), 8 décembre 2021 – ");
    let quote = doc
        .blocks
        .iter()
        .find(|b| b.role == Role::Quote)
        .expect("quote")
        .text();
    assert!(quote.contains("underlined que «\u{a0}For more"), "{quote}");
    assert_eq!(
        doc.footer.as_ref().expect("footer").text(1, 2),
        "Page 1 sur 2"
    );
}

/// Copies `templates/un` under `root`, editing the style file; returns the
/// style's folder. (Its fallback fonts are the program's own, `builtin:`.)
fn write_style(root: &Path, edit: impl Fn(String) -> String) -> std::path::PathBuf {
    let templates = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../templates");
    let copy_dir = |from: &Path, to: &Path| {
        std::fs::create_dir_all(to).expect("mkdir");
        for entry in std::fs::read_dir(from).expect("read folder") {
            let entry = entry.expect("entry");
            if entry.path().is_file() {
                std::fs::copy(entry.path(), to.join(entry.file_name())).expect("copy");
            }
        }
    };
    let dir = root.join("un");
    copy_dir(&templates.join("un/fonts"), &dir.join("fonts"));
    std::fs::copy(templates.join("un/words.txt"), dir.join("words.txt")).expect("words");
    let text = std::fs::read_to_string(templates.join("un/style.toml")).expect("style");
    std::fs::write(dir.join("style.toml"), edit(text)).expect("write");
    dir
}

fn refused(edit: impl Fn(String) -> String) -> StyleError {
    let root = tempfile::tempdir().expect("tempdir");
    let dir = write_style(root.path(), edit);
    HouseStyle::from_dir(&dir).expect_err("broken style refused")
}

#[test]
fn a_copied_style_folder_loads_from_disk() {
    let root = tempfile::tempdir().expect("tempdir");
    let dir = write_style(root.path(), |t| {
        t.replace("name = \"un\"", "name = \"ministry\"")
    });
    let style = HouseStyle::from_dir(&dir).expect("loads");
    assert_eq!(style.name, "ministry");
    assert_eq!(
        style.fallback.len(),
        2,
        "the bundled Arabic and Chinese fonts"
    );
}

#[test]
fn a_style_folder_reads_no_file_outside_itself() {
    let root = tempfile::tempdir().expect("tempdir");
    std::fs::write(root.path().join("secret.txt"), "private").expect("write");
    let outside = format!("{}/secret.txt", root.path().display());
    for asset in [
        "../secret.txt",
        outside.as_str(),
        "builtin:../../secret.txt",
    ] {
        let dir = write_style(root.path(), |t| {
            t.replacen(
                "licence = \"fonts/OFL.txt\"",
                &format!("licence = \"{asset}\""),
                1,
            )
        });
        let err = HouseStyle::from_dir(&dir).expect_err(asset);
        assert_eq!(err.code(), "style-missing-asset", "{asset}: {err}");
        assert!(err.to_string().contains("fonts.licence"), "{err}");
    }
}

/// An edit of a style file's text.
type Edit = Box<dyn Fn(String) -> String>;

#[test]
fn broken_styles_name_the_key_or_file() {
    let cases: Vec<(Edit, &str)> = vec![
        (Box::new(|t| t.replace("size_pt = 18\n", "")), "parts.kind"),
        (
            Box::new(|t| {
                t.replace(
                    "regular = \"fonts/LiberationSans-Regular.ttf\"",
                    "regular = \"fonts/Missing.ttf\"",
                )
            }),
            "fonts/Missing.ttf",
        ),
        (
            Box::new(|t| {
                t.replace(
                    "color = \"#009EDB\"\nupper_case",
                    "color = \"blue\"\nupper_case",
                )
            }),
            "parts.kind.color",
        ),
        (
            Box::new(|t| t.replace("page = \"Page {page} of {pages}\"", "page = \"Page {pg}\"")),
            "labels.en.page",
        ),
        (
            Box::new(|t| t.replace("quotes = \"Quotes\"\n", "")),
            "labels.en.quotes",
        ),
        (
            Box::new(|t| t.replace("align = \"justify\"", "align = \"middle\"")),
            "parts.body.align",
        ),
        (
            Box::new(|t| t.replace("[page]", "[page]\ncolour = 1")),
            "page",
        ),
        (
            Box::new(|t| t.replace("width_mm = 210", "width_mm = \"A4\"")),
            "page.width_mm",
        ),
        (
            Box::new(|t| t.replace("name = \"un\"", "name = ")),
            "style.toml",
        ),
        (
            Box::new(|t| t.replace("[labels.fr]", "[labels.de]")),
            "labels.de",
        ),
    ];
    for (edit, expected) in cases {
        let message = refused(edit).to_string();
        assert!(
            message.contains(expected),
            "expected `{expected}` in: {message}"
        );
        assert!(
            message.contains("style.toml"),
            "the file is named: {message}"
        );
    }
}

#[test]
fn a_logo_is_described_for_readers_or_declared_decorative() {
    let with_logo = |extra: &'static str| {
        move |t: String| {
            t.replace(
                "[pdf]",
                &format!(
                    "[logo]\nfile = \"logo.png\"\nheight_mm = 10\nplace = \"kind-line\"\n{extra}\n\n[pdf]"
                ),
            )
        }
    };
    let load = |extra: &'static str| {
        let root = tempfile::tempdir().expect("tempdir");
        let dir = write_style(root.path(), with_logo(extra));
        std::fs::write(dir.join("logo.png"), b"\x89PNG\r\n\x1a\n....").expect("write");
        HouseStyle::from_dir(&dir)
    };
    let err = load("").expect_err("a logo without a description");
    assert!(err.to_string().contains("logo.description"), "{err}");
    let err = load("description = \"UN emblem\"\ndecorative = true").expect_err("both");
    assert!(err.to_string().contains("logo.decorative"), "{err}");
    let err = load("description = \"UN emblem\"\ndescription_language = \"English\"")
        .expect_err("not a tag");
    assert!(
        err.to_string().contains("logo.description_language"),
        "{err}"
    );
    let style = load("description = \"Emblème des Nations Unies\"\ndescription_language = \"fr\"")
        .expect("described");
    let logo = style.logo.as_ref().expect("logo");
    assert_eq!(
        logo.description.as_deref(),
        Some("Emblème des Nations Unies")
    );
    assert_eq!(logo.description_language, "fr");
    let doc = document(&example(), &style);
    assert_eq!(
        doc.logo.as_ref().and_then(|l| l.description.as_deref()),
        Some("Emblème des Nations Unies")
    );
    let style = load("decorative = true").expect("decorative");
    assert_eq!(
        style.logo.as_ref().map(|l| l.description.clone()),
        Some(None)
    );
}

#[test]
fn the_pdf_standard_is_pdfua_and_pdfa_unless_the_style_asks_for_less() {
    use release_style::PdfStandard;
    for name in builtin_names() {
        assert_eq!(
            builtin(name).expect("style").pdf_standard,
            PdfStandard::UaA,
            "{name}"
        );
    }
    let root = tempfile::tempdir().expect("tempdir");
    let dir = write_style(root.path(), |t| {
        t.replace("standard = \"pdfua-1+pdfa-2a\"", "standard = \"tagged\"")
    });
    let style = HouseStyle::from_dir(&dir).expect("loads");
    assert_eq!(style.pdf_standard, PdfStandard::Tagged);
    assert_eq!(
        document(&example(), &style).pdf_standard,
        PdfStandard::Tagged
    );
    let message =
        refused(|t| t.replace("standard = \"pdfua-1+pdfa-2a\"", "standard = \"pdf/x-4\""))
            .to_string();
    assert!(message.contains("pdf.standard"), "{message}");
    for standard in PdfStandard::ALL {
        assert_eq!(PdfStandard::from_name(standard.name()), Some(standard));
    }
}

#[test]
fn a_file_that_is_not_a_font_is_refused() {
    let root = tempfile::tempdir().expect("tempdir");
    let dir = write_style(root.path(), |t| t);
    std::fs::write(dir.join("fonts/LiberationSans-Bold.ttf"), "not a font").expect("write");
    let err = HouseStyle::from_dir(&dir).expect_err("refused");
    assert!(err.to_string().contains("fonts.bold"), "{err}");
}

/// The example release in each UN language composes in the `un` style: its
/// outline is the reviewed golden file, and nothing is left out.
#[test]
fn the_example_in_every_language() {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../templates/examples");
    let un = builtin("un").expect("un");
    let mut failures = Vec::new();
    for language in ["fr", "es", "ru", "ar", "zh"] {
        let text =
            std::fs::read_to_string(examples.join(format!("example.{language}.release.json")))
                .expect("example file");
        let draft = release_model::load(&text).expect("a draft").draft;
        assert_eq!(draft.language, language);
        let doc = document(&draft, &un);
        assert!(doc.warnings.is_empty(), "{language}: {:?}", doc.warnings);
        if let Err(message) = compare(
            &format!("example-un-{language}.outline.txt"),
            &doc.outline(),
        ) {
            failures.push(message);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
