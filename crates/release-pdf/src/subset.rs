//! Font subsetting with the `subsetter` crate, from the glyph ids the
//! shaper chose, and the text each glyph stands for (the ToUnicode map).
//!
//! The writer embeds the reduced font under a `XXXXXX+Name` subset tag and
//! shows each glyph by its renumbered id.

use crate::error::PdfError;
use crate::fonts::{FaceId, Faces};
use crate::page::{Item, Page};
use std::collections::BTreeMap;
use subsetter::GlyphRemapper;

/// What each shaped glyph stands for, per face, for text extraction.
#[derive(Debug, Default)]
pub(crate) struct UsedGlyphs {
    faces: BTreeMap<FaceId, BTreeMap<u16, (String, bool)>>,
}

impl UsedGlyphs {
    /// Records that glyph `gid` of `face` shows `text`. `exact` when the
    /// font's cmap maps that one character to this glyph; an exact mapping
    /// beats a ligature's or a cluster's text, and the first one seen wins.
    /// A glyph always maps to some text, never to U+0000, U+FEFF or U+FFFE
    /// (ISO 14289-1 7.21.7, ISO 19005-2 6.2.11.7.2): without other text it
    /// maps to U+FFFD, and the writer gives its words as ActualText.
    pub fn record(&mut self, face: FaceId, gid: u16, text: &str, exact: bool) {
        let cleaned: String;
        let text = if text.contains(['\u{0}', '\u{FEFF}', '\u{FFFE}']) {
            cleaned = text.replace(['\u{0}', '\u{FEFF}', '\u{FFFE}'], "");
            if cleaned.is_empty() {
                "\u{FFFD}"
            } else {
                cleaned.as_str()
            }
        } else if text.is_empty() {
            "\u{FFFD}"
        } else {
            text
        };
        let map = self.faces.entry(face).or_default();
        if gid == 0 {
            map.entry(0)
                .or_insert_with(|| ("\u{FFFD}".to_owned(), true));
            return;
        }
        match map.get_mut(&gid) {
            None => {
                map.insert(gid, (text.to_owned(), exact));
            }
            Some(entry) => {
                if (!entry.1 && exact) || (entry.0 == "\u{FFFD}" && text != "\u{FFFD}") {
                    *entry = (text.to_owned(), exact);
                }
            }
        }
    }

    /// Records what `other` recorded, glyph by glyph, as if it had been
    /// recorded here after what this one has.
    pub fn merge(&mut self, other: &UsedGlyphs) {
        for (face, glyphs) in &other.faces {
            // `record` as it would take them, without cleaning texts that
            // `record` already cleaned.
            let map = self.faces.entry(*face).or_default();
            for (gid, (text, exact)) in glyphs {
                match map.get_mut(gid) {
                    None => {
                        map.insert(*gid, (text.clone(), *exact));
                    }
                    Some(entry) => {
                        let better =
                            (!entry.1 && *exact) || (entry.0 == "\u{FFFD}" && text != "\u{FFFD}");
                        if *gid != 0 && better {
                            *entry = (text.clone(), *exact);
                        }
                    }
                }
            }
        }
    }

    /// Whether the glyph already has the text its cmap gives it.
    pub fn is_exact(&self, face: FaceId, gid: u16) -> bool {
        self.faces
            .get(&face)
            .and_then(|m| m.get(&gid))
            .is_some_and(|(_, exact)| *exact)
    }

    /// A hash of each glyph's text in `face`, by glyph id up to the last
    /// one recorded (0 for a glyph with none): for the keys of
    /// [`crate::streams`].
    pub fn text_hashes(&self, face: FaceId) -> Vec<u64> {
        let Some(glyphs) = self.faces.get(&face) else {
            return Vec::new();
        };
        let last = glyphs.keys().next_back().copied().unwrap_or(0);
        let mut out = vec![0; usize::from(last) + 1];
        for (&gid, (text, _)) in glyphs {
            out[usize::from(gid)] = xxhash_rust::xxh3::xxh3_64(text.as_bytes()) | 1;
        }
        out
    }

    pub fn text(&self, face: FaceId, gid: u16) -> &str {
        self.faces
            .get(&face)
            .and_then(|m| m.get(&gid))
            .map_or("", |(t, _)| t.as_str())
    }
}

/// One face reduced to the glyphs the pages draw.
#[derive(Debug)]
pub(crate) struct Subset {
    pub face: FaceId,
    pub bytes: Vec<u8>,
    remapper: GlyphRemapper,
    /// Each original glyph id's id in the subset (0 for glyphs left out):
    /// the remapper's map, as a table.
    numbers: Vec<u16>,
    /// `ABCDEF+LiberationSans`: the tag says the font is a subset.
    pub name: String,
}

impl Subset {
    /// Whether the subset is a CFF font (`OTTO`), whose glyphs the PDF can
    /// only call by their ids in the subset; a TrueType subset's are called
    /// by their ids in the whole font, through a `CIDToGIDMap`.
    pub fn is_cff(&self) -> bool {
        self.bytes.starts_with(b"OTTO")
    }

    /// The glyph's id in the subset font.
    pub fn gid(&self, original: u16) -> u16 {
        self.numbers[usize::from(original)]
    }

    /// The code (CID) the content streams show the glyph by: its id in the
    /// whole font, which stays the same when a glyph new to the document
    /// renumbers the subset (so that only the pages that draw it change),
    /// or in a CFF subset its id in the subset. 0 for a glyph not in it.
    pub fn code(&self, original: u16) -> u16 {
        let gid = self.gid(original);
        if self.is_cff() || gid == 0 {
            gid
        } else {
            original
        }
    }

    /// Each glyph of the subset as (its code, its id in the whole font),
    /// in the order of their codes.
    pub fn codes(&self) -> impl Iterator<Item = (u16, u16)> + '_ {
        let cff = self.is_cff();
        self.remapper
            .remapped_gids()
            .enumerate()
            .map(move |(n, gid)| (if cff { n as u16 } else { gid }, gid))
    }
}

/// Subsets every face the pages draw with, in face order.
pub(crate) fn subset(pages: &[Page], faces: &Faces<'_>) -> Result<Vec<Subset>, PdfError> {
    // One bit per glyph id of each face drawn with.
    let mut drawn: BTreeMap<FaceId, Vec<u64>> = BTreeMap::new();
    for page in pages {
        for item in &page.items {
            if let Item::Text(run) = item {
                let bits = drawn.entry(run.face).or_insert_with(|| vec![0; 1 << 10]);
                for g in &run.glyphs {
                    bits[usize::from(g.gid >> 6)] |= 1 << (g.gid & 63);
                }
            }
        }
    }
    let mut out = Vec::new();
    for (&face_id, bits) in &drawn {
        let gids: Vec<u16> = (0..=u16::MAX)
            .step_by(64)
            .zip(bits)
            .flat_map(|(base, &word)| {
                (0..64u16)
                    .filter(move |b| word & (1 << b) != 0)
                    .map(move |b| base + b)
            })
            .collect();
        if gids.is_empty() {
            continue;
        }
        let face = faces.get(face_id);
        let remapper = GlyphRemapper::new_from_glyphs_sorted(&gids);
        let bytes =
            subsetter::subset(&face.font.bytes, 0, &remapper).map_err(|e| PdfError::Subset {
                file: face.font.file.clone(),
                reason: e.to_string(),
            })?;
        let name = format!("{}+{}", tag(&face.ps_name, &gids), face.ps_name);
        let mut numbers = vec![0; 1 << 16];
        for &gid in &gids {
            numbers[usize::from(gid)] = remapper.get(gid).unwrap_or(0);
        }
        out.push(Subset {
            face: face_id,
            bytes,
            remapper,
            numbers,
            name,
        });
    }
    Ok(out)
}

/// Six capital letters that depend only on the font and the glyph set, as
/// ISO 32000 asks of subset tags, and stay the same from run to run.
fn tag(name: &str, gids: &[u16]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |b: u8| {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    };
    name.bytes().for_each(&mut feed);
    for g in gids {
        g.to_be_bytes().into_iter().for_each(&mut feed);
    }
    (0..6)
        .map(|i| char::from(b'A' + ((hash >> (i * 8)) % 26) as u8))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_glyph_maps_to_text_a_pdf_may_carry() {
        let mut used = UsedGlyphs::default();
        let face = FaceId(0);
        used.record(face, 5, "\u{FEFF}", false);
        used.record(face, 6, "a\u{0}b\u{FFFE}", false);
        used.record(face, 7, "", false);
        assert_eq!(used.text(face, 5), "\u{FFFD}");
        assert_eq!(used.text(face, 6), "ab");
        assert_eq!(used.text(face, 7), "\u{FFFD}");
        // A better text replaces the stand-in, an exact one a cluster's.
        used.record(face, 7, "fi", false);
        assert_eq!(used.text(face, 7), "fi");
        used.record(face, 7, "f", true);
        used.record(face, 7, "x", false);
        assert_eq!(used.text(face, 7), "f");
    }
}
