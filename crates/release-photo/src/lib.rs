//! A photo's bytes, checked before any export sees them.
//!
//! A draft may come from anywhere, so its images are untrusted input. This
//! crate reads what an export needs to know from the bytes alone, never from
//! a file name, and refuses what it cannot use before anything is decoded:
//!
//! - [`probe`]: the format sniffed from the first bytes (JPEG or PNG, and a
//!   name for the usual impostors: a PDF, a GIF, a HEIC renamed `.jpg`), the
//!   JPEG's frame header (size, components, baseline or progressive), its
//!   Adobe marker (inverted CMYK, YCCK) and EXIF orientation, or the PNG's
//!   header chunk; a pixel limit refuses a 30,000 × 30,000 header without
//!   allocating anything, and a file cut short is refused too;
//! - [`thumbnail`]: a small PNG for the app's Photos step, decoded at a
//!   reduced scale where the format allows it (JPEG's DCT scaling).
//!
//! Pure: bytes in, facts or bytes out. Reading files, and deciding which
//! files may be read, is the pipeline's job.

mod error;
mod jpeg;
mod png_header;
mod thumbnail;

pub use error::PhotoError;
pub use thumbnail::{THUMBNAIL_SIZE, Thumbnail, thumbnail};

/// The largest image file read, in bytes: press photos are a few megabytes.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;
/// The most pixels an image may have (100 megapixels: more than any press
/// camera makes). Checked on the header, before decoding.
pub const MAX_PIXELS: u64 = 100_000_000;

/// The two formats a photo may have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Jpeg,
    Png,
}

impl Format {
    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Jpeg => "jpg",
            Format::Png => "png",
        }
    }

    /// The MIME type.
    pub fn mime(self) -> &'static str {
        match self {
            Format::Jpeg => "image/jpeg",
            Format::Png => "image/png",
        }
    }
}

/// How the pixels' colours are stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ColorSpace {
    Gray,
    Rgb,
    /// Four components: cyan, magenta, yellow, black (a JPEG's YCCK is
    /// turned into CMYK by its decoder).
    Cmyk,
}

/// How the stored pixels must be turned to be seen upright (EXIF
/// orientation 1 to 8).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Orientation {
    /// 1: as stored.
    #[default]
    Normal,
    /// 2: mirrored left to right.
    FlipHorizontal,
    /// 3: turned half a turn.
    Rotate180,
    /// 4: mirrored top to bottom.
    FlipVertical,
    /// 5: mirrored along the top-left to bottom-right diagonal.
    Transpose,
    /// 6: the stored image must turn a quarter clockwise.
    Rotate90,
    /// 7: mirrored along the other diagonal.
    Transverse,
    /// 8: the stored image must turn a quarter anticlockwise.
    Rotate270,
}

impl Orientation {
    /// The orientation of an EXIF value; unknown values read as upright.
    pub fn from_exif(value: u16) -> Orientation {
        match value {
            2 => Orientation::FlipHorizontal,
            3 => Orientation::Rotate180,
            4 => Orientation::FlipVertical,
            5 => Orientation::Transpose,
            6 => Orientation::Rotate90,
            7 => Orientation::Transverse,
            8 => Orientation::Rotate270,
            _ => Orientation::Normal,
        }
    }

    /// True when the upright image is the stored one turned a quarter: its
    /// width is the stored height.
    pub fn swaps_sides(self) -> bool {
        matches!(
            self,
            Orientation::Transpose
                | Orientation::Rotate90
                | Orientation::Transverse
                | Orientation::Rotate270
        )
    }

    /// The matrix `[a b c d e f]` that maps the unit square the stored image
    /// is drawn into (PDF's image space: x to the right, y up, the stored
    /// first row at the top) onto the unit square of the upright image.
    pub fn unit_matrix(self) -> [f32; 6] {
        match self {
            Orientation::Normal => [1.0, 0.0, 0.0, 1.0, 0.0, 0.0],
            Orientation::FlipHorizontal => [-1.0, 0.0, 0.0, 1.0, 1.0, 0.0],
            Orientation::Rotate180 => [-1.0, 0.0, 0.0, -1.0, 1.0, 1.0],
            Orientation::FlipVertical => [1.0, 0.0, 0.0, -1.0, 0.0, 1.0],
            Orientation::Transpose => [0.0, -1.0, -1.0, 0.0, 1.0, 1.0],
            Orientation::Rotate90 => [0.0, -1.0, 1.0, 0.0, 0.0, 1.0],
            Orientation::Transverse => [0.0, 1.0, 1.0, 0.0, 0.0, 0.0],
            Orientation::Rotate270 => [0.0, 1.0, -1.0, 0.0, 1.0, 0.0],
        }
    }
}

/// What an export needs to know about a photo, read from its headers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Facts {
    pub format: Format,
    /// Stored width and height in pixels (before orientation).
    pub width: u32,
    pub height: u32,
    pub color: ColorSpace,
    /// Bits per component: 8 for JPEG; 1, 2, 4, 8 or 16 for PNG.
    pub bits: u8,
    /// A PNG with an alpha channel or a transparent colour.
    pub alpha: bool,
    /// A CMYK JPEG written by Adobe software, whose values are stored
    /// inverted (PDF readers need `/Decode [1 0 1 0 1 0 1 0]`).
    pub inverted: bool,
    pub orientation: Orientation,
}

impl Facts {
    /// Width and height as seen, after the orientation is applied.
    pub fn upright(&self) -> (u32, u32) {
        if self.orientation.swaps_sides() {
            (self.height, self.width)
        } else {
            (self.width, self.height)
        }
    }
}

/// Reads the facts of a JPEG or PNG from its bytes, refusing anything else,
/// anything larger than [`MAX_PIXELS`], and a file cut short.
pub fn probe(bytes: &[u8]) -> Result<Facts, PhotoError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(PhotoError::TooLarge {
            bytes: bytes.len() as u64,
        });
    }
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return jpeg::probe(bytes);
    }
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return png_header::probe(bytes);
    }
    Err(PhotoError::NotAnImage {
        found: sniff_other(bytes),
    })
}

/// A name for what a file that is not a JPEG or PNG seems to be.
fn sniff_other(bytes: &[u8]) -> &'static str {
    let starts = |magic: &[u8]| bytes.starts_with(magic);
    if bytes.is_empty() {
        "an empty file"
    } else if starts(b"%PDF-") {
        "a PDF document"
    } else if starts(b"GIF87a") || starts(b"GIF89a") {
        "a GIF image"
    } else if starts(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        "a WebP image"
    } else if bytes.get(4..8) == Some(b"ftyp") {
        "a HEIC or other ISO media file"
    } else if starts(b"II*\0") || starts(b"MM\0*") {
        "a TIFF image"
    } else if starts(b"BM") {
        "a BMP image"
    } else if starts(b"PK\x03\x04") {
        "a ZIP archive (or an Office document)"
    } else if starts(b"<") || starts(b"\xEF\xBB\xBF<") {
        "a text or SVG file"
    } else if starts(&[0xFF, 0xD8]) {
        "a damaged JPEG"
    } else {
        "neither a JPEG nor a PNG"
    }
}

fn check_pixels(width: u32, height: u32) -> Result<(), PhotoError> {
    if width == 0 || height == 0 {
        return Err(PhotoError::Damaged {
            reason: format!("its header gives a size of {width} × {height} pixels"),
        });
    }
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(PhotoError::TooManyPixels { width, height });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn impostors_are_named() {
        for (bytes, found) in [
            (&b"%PDF-1.7\n..."[..], "a PDF document"),
            (b"GIF89a....", "a GIF image"),
            (b"", "an empty file"),
            (b"\0\0\0\x18ftypheic", "a HEIC or other ISO media file"),
            (b"hello", "neither a JPEG nor a PNG"),
        ] {
            assert_eq!(probe(bytes), Err(PhotoError::NotAnImage { found }));
        }
    }

    #[test]
    fn orientation_matrices_map_the_unit_square_onto_itself() {
        for value in 1..=8 {
            let o = Orientation::from_exif(value);
            let [a, b, c, d, e, f] = o.unit_matrix();
            let mut corners: Vec<(i32, i32)> = [(0.0, 0.0), (1.0, 0.0), (0.0, 1.0), (1.0, 1.0)]
                .iter()
                .map(|&(x, y)| ((a * x + c * y + e) as i32, (b * x + d * y + f) as i32))
                .collect();
            corners.sort_unstable();
            assert_eq!(
                corners,
                [(0, 0), (0, 1), (1, 0), (1, 1)],
                "orientation {value}"
            );
        }
    }

    #[test]
    fn orientation_six_turns_the_top_to_the_right() {
        // The stored first row (the top edge, y = 1 in image space) must end
        // up as the right edge (x = 1) of the upright image.
        let [a, b, c, d, e, f] = Orientation::Rotate90.unit_matrix();
        let (x, y) = (0.5_f32, 1.0_f32);
        assert_eq!((a * x + c * y + e, b * x + d * y + f), (1.0, 0.5));
        // And the stored first column (the left edge) becomes the top.
        let (x, y) = (0.0_f32, 0.5_f32);
        assert_eq!((a * x + c * y + e, b * x + d * y + f), (0.5, 1.0));
    }
}
