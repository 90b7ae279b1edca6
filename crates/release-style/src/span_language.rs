//! The language of each stretch of text, for screen readers and spelling:
//! what the draft says (a run's `lang`), else what the script shows. Text
//! in a script the release's language is not written in is split off and
//! marked: Latin letters in an Arabic, Chinese or Russian release are
//! English (the acronyms and names UN releases quote), Arabic letters are
//! Arabic, Han characters Chinese, Cyrillic Russian, and so on. Latin in a
//! French, Spanish or English release cannot be told apart by its letters:
//! that takes the draft's `lang`.

use crate::document::{Block, Span};
use release_model::Language;

/// The language a letter's script implies, when it is not `own`'s script.
fn foreign(c: char, own: Language) -> Option<&'static str> {
    let script = script(c)?;
    let own_script = match own {
        Language::En | Language::Fr | Language::Es => Script::Latin,
        Language::Ru => Script::Cyrillic,
        Language::Ar => Script::Arabic,
        Language::Zh => Script::Han,
    };
    (script != own_script).then(|| script.language())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    Latin,
    Greek,
    Cyrillic,
    Hebrew,
    Arabic,
    Han,
    Kana,
    Hangul,
}

impl Script {
    fn language(self) -> &'static str {
        match self {
            Script::Latin => "en",
            Script::Greek => "el",
            Script::Cyrillic => "ru",
            Script::Hebrew => "he",
            Script::Arabic => "ar",
            Script::Han => "zh",
            Script::Kana => "ja",
            Script::Hangul => "ko",
        }
    }
}

/// The script of a letter; `None` for digits, punctuation, spaces, marks
/// and symbols, which take the language of the text around them.
fn script(c: char) -> Option<Script> {
    if !c.is_alphabetic() {
        return None;
    }
    Some(match c as u32 {
        0x0041..=0x024F
        | 0x1E00..=0x1EFF
        | 0x2C60..=0x2C7F
        | 0xA720..=0xA7FF
        | 0xFF21..=0xFF3A
        | 0xFF41..=0xFF5A => Script::Latin,
        0x0370..=0x03FF | 0x1F00..=0x1FFF => Script::Greek,
        0x0400..=0x052F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => Script::Cyrillic,
        0x0590..=0x05FF | 0xFB1D..=0xFB4F => Script::Hebrew,
        0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => {
            Script::Arabic
        }
        0x3040..=0x30FF | 0x31F0..=0x31FF => Script::Kana,
        0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF => Script::Hangul,
        0x2E80..=0x2FDF
        | 0x3005..=0x3007
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xF900..=0xFAFF
        | 0x20000..=0x3FFFF => Script::Han,
        _ => return None,
    })
}

/// Marks the language of every span of `blocks`, a release written in
/// `own` (tagged `own_tag`): a span the draft gave a language keeps it
/// (cleared when it is the release's), the others are split where the
/// script changes to one `own` is not written in. A foreign stretch runs
/// from its first letter to its last, with the spaces and punctuation
/// between; those around it stay in the release's language.
pub(crate) fn mark(blocks: &mut [Block], own: Language, own_tag: &str) {
    for block in blocks {
        if block
            .spans
            .iter()
            .all(|s| s.lang.is_none() && !s.text.chars().any(|c| foreign(c, own).is_some()))
        {
            continue;
        }
        let spans = std::mem::take(&mut block.spans);
        for span in spans {
            split(span, own, own_tag, &mut block.spans);
        }
    }
}

fn split(mut span: Span, own: Language, own_tag: &str, out: &mut Vec<Span>) {
    if let Some(lang) = &span.lang {
        if lang.eq_ignore_ascii_case(own_tag) || lang.eq_ignore_ascii_case(own.code()) {
            span.lang = None;
        }
        out.push(span);
        return;
    }
    // (start, end, language) of each foreign stretch, by byte.
    let mut stretches: Vec<(usize, usize, &'static str)> = Vec::new();
    for (i, c) in span.text.char_indices() {
        let Some(lang) = foreign(c, own) else {
            continue;
        };
        let end = i + c.len_utf8();
        match stretches.last_mut() {
            Some(last) if last.2 == lang && !own_letter_between(&span.text[last.1..i], own) => {
                last.1 = end;
            }
            _ => stretches.push((i, end, lang)),
        }
    }
    if stretches.is_empty() {
        out.push(span);
        return;
    }
    // Combining marks after a stretch's last letter belong to it.
    for stretch in &mut stretches {
        let rest = &span.text[stretch.1..];
        let marks: usize = rest
            .chars()
            .take_while(|c| is_mark(*c))
            .map(char::len_utf8)
            .sum();
        stretch.1 += marks;
    }
    let mut at = 0;
    let piece = |text: &str, lang: Option<&str>| Span {
        text: text.to_owned(),
        lang: lang.map(str::to_owned),
        ..span.clone()
    };
    for (start, end, lang) in stretches {
        if start > at {
            out.push(piece(&span.text[at..start], None));
        }
        out.push(piece(&span.text[start..end], Some(lang)));
        at = end;
    }
    if at < span.text.len() {
        out.push(piece(&span.text[at..], None));
    }
}

/// Whether `between` holds a letter of `own`'s script (which breaks a
/// foreign stretch in two).
fn own_letter_between(between: &str, own: Language) -> bool {
    between
        .chars()
        .any(|c| script(c).is_some() && foreign(c, own).is_none())
}

fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x0610..=0x061A | 0x064B..=0x065F | 0x0670
        | 0x06D6..=0x06ED | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Role;

    fn marked(own: Language, spans: Vec<Span>) -> Vec<(String, Option<String>)> {
        let mut blocks = vec![Block {
            role: Role::Body,
            spans,
            marker: None,
            source: "release.body[0]".to_owned(),
        }];
        mark(&mut blocks, own, own.code());
        blocks[0]
            .spans
            .iter()
            .map(|s| (s.text.clone(), s.lang.clone()))
            .collect()
    }

    fn pair(text: &str, lang: Option<&str>) -> (String, Option<String>) {
        (text.to_owned(), lang.map(str::to_owned))
    }

    #[test]
    fn an_acronym_in_arabic_is_english_with_its_words_but_not_the_brackets() {
        let got = marked(
            Language::Ar,
            vec![Span::plain("مكتب الأمم المتحدة (UNOCT Office) في 2021")],
        );
        assert_eq!(
            got,
            vec![
                pair("مكتب الأمم المتحدة (", None),
                pair("UNOCT Office", Some("en")),
                pair(") في 2021", None),
            ]
        );
    }

    #[test]
    fn chinese_in_english_is_chinese_and_english_in_english_is_left_alone() {
        let got = marked(
            Language::En,
            vec![Span::plain("The office (联合国反恐怖主义办公室) said")],
        );
        assert_eq!(
            got,
            vec![
                pair("The office (", None),
                pair("联合国反恐怖主义办公室", Some("zh")),
                pair(") said", None),
            ]
        );
        let plain = marked(Language::En, vec![Span::plain("Counter-Terrorism 2021")]);
        assert_eq!(plain, vec![pair("Counter-Terrorism 2021", None)]);
    }

    #[test]
    fn the_drafts_language_wins_and_the_releases_own_is_no_mark() {
        let fr = Span {
            lang: Some("fr".to_owned()),
            ..Span::plain("Jean-Paul Laborde")
        };
        let en = Span {
            lang: Some("en".to_owned()),
            ..Span::plain(" said")
        };
        let got = marked(Language::En, vec![fr, en]);
        assert_eq!(
            got,
            vec![pair("Jean-Paul Laborde", Some("fr")), pair(" said", None)]
        );
    }

    #[test]
    fn two_foreign_words_split_by_a_word_of_the_release_stay_apart() {
        let got = marked(Language::Ru, vec![Span::plain("UNOCT и UNRCCA")]);
        assert_eq!(
            got,
            vec![
                pair("UNOCT", Some("en")),
                pair(" и ", None),
                pair("UNRCCA", Some("en")),
            ]
        );
    }
}
