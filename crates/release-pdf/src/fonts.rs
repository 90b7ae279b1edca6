//! The four faces of the style's family, parsed once per render: shaping
//! faces, metrics, and the glyph ids the layout needs on its own (hyphen,
//! space).

use crate::error::PdfError;
use release_style::{FallbackFont, Font, FontFamily};
use rustybuzz::ttf_parser::name_id;

/// Which of the family's four faces. Its number is the index in [`Faces`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct FaceId(pub u8);

impl FaceId {
    pub fn of(bold: bool, italic: bool) -> FaceId {
        FaceId(u8::from(bold) | (u8::from(italic) << 1))
    }
}

/// One parsed face.
pub(crate) struct Face<'a> {
    pub font: &'a Font,
    pub shaper: rustybuzz::Face<'a>,
    pub units_per_em: f32,
    /// Ascender and descender (negative) in em.
    pub ascender: f32,
    pub descender: f32,
    /// The PostScript name, e.g. `LiberationSans-Bold`.
    pub ps_name: String,
    /// A regular face standing in for a bold one the font lacks (the
    /// Chinese font has one weight): the writer strokes its outlines.
    pub synthetic_bold: bool,
    /// Glyph drawn for a hyphen added at a line break.
    pub hyphen: Option<u16>,
    /// Plans are costly to build; one per script actually met.
    pub plans: Vec<(
        Option<rustybuzz::Script>,
        rustybuzz::Direction,
        rustybuzz::ShapePlan,
    )>,
}

impl Face<'_> {
    /// A glyph's advance in font units, as `hmtx` gives it.
    pub fn advance(&self, gid: u16) -> u16 {
        self.shaper
            .glyph_hor_advance(rustybuzz::ttf_parser::GlyphId(gid))
            .unwrap_or(0)
    }

    pub fn glyph(&self, c: char) -> Option<u16> {
        self.shaper.glyph_index(c).map(|g| g.0)
    }
}

/// The family: regular, bold, italic, bold italic, in [`FaceId`] order,
/// then the style's fallback fonts (regular, bold), in the style's order.
pub(crate) struct Faces<'a> {
    pub faces: Vec<Face<'a>>,
    /// Per fallback font: its regular and bold face.
    fallback: Vec<(FaceId, FaceId)>,
}

impl<'a> Faces<'a> {
    pub fn load(
        family: &'a FontFamily,
        fallback: &'a [FallbackFont],
    ) -> Result<Faces<'a>, PdfError> {
        let fonts = [
            &family.regular,
            &family.bold,
            &family.italic,
            &family.bold_italic,
        ];
        let mut faces = fonts
            .into_iter()
            .map(load_face)
            .collect::<Result<Vec<_>, _>>()?;
        let mut ids = Vec::with_capacity(fallback.len());
        for font in fallback {
            let regular = FaceId(u8::try_from(faces.len()).unwrap_or(u8::MAX));
            faces.push(load_face(&font.regular)?);
            let bold = match &font.bold {
                Some(b) => {
                    let id = FaceId(u8::try_from(faces.len()).unwrap_or(u8::MAX));
                    faces.push(load_face(b)?);
                    id
                }
                None => {
                    // One more copy of the regular face, drawn emboldened.
                    let id = FaceId(u8::try_from(faces.len()).unwrap_or(u8::MAX));
                    let mut face = load_face(&font.regular)?;
                    face.synthetic_bold = true;
                    face.ps_name.push_str(",Bold");
                    faces.push(face);
                    id
                }
            };
            ids.push((regular, bold));
        }
        Ok(Faces {
            faces,
            fallback: ids,
        })
    }

    /// The face that draws `c` in text set in `base`: `base` itself when it
    /// has the character, else the first fallback font that has it (bold
    /// when `base` is bold). `None` when no font has it.
    pub fn cover(&self, base: FaceId, c: char) -> Option<FaceId> {
        if self.get(base).glyph(c).is_some() {
            return Some(base);
        }
        let bold = base.0 < 4 && base.0 & 1 == 1;
        self.fallback
            .iter()
            .map(|&(r, b)| if bold { b } else { r })
            .find(|&id| self.get(id).glyph(c).is_some())
    }

    pub fn get(&self, id: FaceId) -> &Face<'a> {
        &self.faces[usize::from(id.0)]
    }

    pub fn get_mut(&mut self, id: FaceId) -> &mut Face<'a> {
        &mut self.faces[usize::from(id.0)]
    }
}

fn load_face(font: &Font) -> Result<Face<'_>, PdfError> {
    let error = |reason: &str| PdfError::Font {
        file: font.file.clone(),
        reason: reason.to_owned(),
    };
    let shaper =
        rustybuzz::Face::from_slice(&font.bytes, 0).ok_or_else(|| error("not an OpenType font"))?;
    let upm = shaper.units_per_em();
    if upm <= 0 {
        return Err(error("units per em is zero"));
    }
    let units_per_em = upm as f32;
    let ps_name = shaper
        .names()
        .into_iter()
        .filter(|n| n.name_id == name_id::POST_SCRIPT_NAME)
        .find_map(|n| n.to_string())
        .map(|n| {
            n.chars()
                .filter(|c| c.is_ascii_graphic() && !"()<>[]{}/%#".contains(*c))
                .collect::<String>()
        })
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| "Font".to_owned());
    let ascender = f32::from(shaper.ascender()) / units_per_em;
    let descender = f32::from(shaper.descender()) / units_per_em;
    let hyphen = shaper
        .glyph_index('-')
        .or_else(|| shaper.glyph_index('\u{2010}'))
        .map(|g| g.0);
    Ok(Face {
        font,
        shaper,
        units_per_em,
        ascender,
        descender,
        ps_name,
        synthetic_bold: false,
        hyphen,
        plans: Vec::new(),
    })
}
