//! Thumbnails for the app's Photos step: the window shows these, never the
//! photo itself. A JPEG is decoded at the smallest DCT scale that still
//! gives the thumbnail's size (an eighth of a 12-megapixel photo is about
//! 500 × 375), so neither the time nor the memory grows with the photo; a
//! PNG is decoded row by row into the thumbnail's pixels.

use crate::{ColorSpace, Facts, Format, Orientation, PhotoError, probe};

/// The longest side of a thumbnail, in pixels.
pub const THUMBNAIL_SIZE: u32 = 320;

/// A small upright PNG of a photo.
#[derive(Clone, PartialEq, Eq)]
pub struct Thumbnail {
    pub png: Vec<u8>,
    pub width: u32,
    pub height: u32,
    /// The facts of the photo it shows.
    pub facts: Facts,
}

impl std::fmt::Debug for Thumbnail {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Thumbnail({} × {}, {} bytes)",
            self.width,
            self.height,
            self.png.len()
        )
    }
}

/// Pixels being gathered into the thumbnail: sums per output pixel.
struct Bins {
    src_w: u32,
    src_h: u32,
    w: u32,
    h: u32,
    sums: Vec<[u32; 4]>,
    counts: Vec<u32>,
}

impl Bins {
    fn new(src_w: u32, src_h: u32) -> Bins {
        let longest = src_w.max(src_h).max(1);
        let scale = |side: u32| {
            if longest <= THUMBNAIL_SIZE {
                side.max(1)
            } else {
                ((u64::from(side) * u64::from(THUMBNAIL_SIZE) + u64::from(longest) / 2)
                    / u64::from(longest))
                .max(1) as u32
            }
        };
        let (w, h) = (scale(src_w), scale(src_h));
        let n = (w * h) as usize;
        Bins {
            src_w,
            src_h,
            w,
            h,
            sums: vec![[0; 4]; n],
            counts: vec![0; n],
        }
    }

    /// Adds one source row of RGBA pixels.
    fn row(&mut self, y: u32, rgba: impl Iterator<Item = [u8; 4]>) {
        let oy = (u64::from(y) * u64::from(self.h) / u64::from(self.src_h)) as u32;
        let base = (oy.min(self.h - 1) * self.w) as usize;
        for (x, px) in rgba.enumerate().take(self.src_w as usize) {
            let ox = (x as u64 * u64::from(self.w) / u64::from(self.src_w)) as usize;
            let i = base + ox.min(self.w as usize - 1);
            for (sum, value) in self.sums[i].iter_mut().zip(px) {
                *sum += u32::from(value);
            }
            self.counts[i] += 1;
        }
    }

    fn pixels(&self) -> Vec<[u8; 4]> {
        self.sums
            .iter()
            .zip(&self.counts)
            .map(|(sum, &n)| {
                let n = n.max(1);
                sum.map(|s| ((s + n / 2) / n) as u8)
            })
            .collect()
    }
}

/// A thumbnail of a JPEG or PNG, at most [`THUMBNAIL_SIZE`] pixels on its
/// longer side, turned upright by its EXIF orientation.
pub fn thumbnail(bytes: &[u8]) -> Result<Thumbnail, PhotoError> {
    let facts = probe(bytes)?;
    let bins = match facts.format {
        Format::Jpeg => jpeg_bins(bytes, &facts)?,
        Format::Png => png_bins(bytes)?,
    };
    let pixels = turn(bins.pixels(), bins.w, bins.h, facts.orientation);
    let (width, height) = if facts.orientation.swaps_sides() {
        (bins.h, bins.w)
    } else {
        (bins.w, bins.h)
    };
    let mut png = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut png, width, height);
        encoder.set_color(if facts.alpha {
            png::ColorType::Rgba
        } else {
            png::ColorType::Rgb
        });
        encoder.set_depth(png::BitDepth::Eight);
        encoder.set_compression(png::Compression::Fast);
        let data: Vec<u8> = if facts.alpha {
            pixels.iter().flatten().copied().collect()
        } else {
            pixels.iter().flat_map(|p| [p[0], p[1], p[2]]).collect()
        };
        let fail = |e: png::EncodingError| PhotoError::Damaged {
            reason: e.to_string(),
        };
        let mut writer = encoder.write_header().map_err(fail)?;
        writer.write_image_data(&data).map_err(fail)?;
        writer.finish().map_err(fail)?;
    }
    Ok(Thumbnail {
        png,
        width,
        height,
        facts,
    })
}

fn jpeg_bins(bytes: &[u8], facts: &Facts) -> Result<Bins, PhotoError> {
    let fail = |e: jpeg_decoder::Error| PhotoError::Damaged {
        reason: e.to_string(),
    };
    let mut decoder = jpeg_decoder::Decoder::new(bytes);
    decoder.read_info().map_err(fail)?;
    // The smallest scale (1/8, 1/4, 1/2, 1) that is still at least the
    // thumbnail's size.
    let longest = facts.width.max(facts.height).max(1);
    let want = |side: u32| {
        (u64::from(side) * u64::from(THUMBNAIL_SIZE.min(longest)) / u64::from(longest)).max(1)
            as u16
    };
    decoder
        .scale(want(facts.width), want(facts.height))
        .map_err(fail)?;
    let pixels = decoder.decode().map_err(fail)?;
    let info = decoder.info().ok_or_else(|| PhotoError::Damaged {
        reason: "no frame after decoding".to_owned(),
    })?;
    let (w, h) = (u32::from(info.width), u32::from(info.height));
    let channels = info.pixel_format.pixel_bytes();
    if pixels.len() < (w * h) as usize * channels {
        return Err(PhotoError::Truncated {
            reason: "the image data ends early".to_owned(),
        });
    }
    let mut bins = Bins::new(w, h);
    let inverted = facts.inverted;
    for (y, row) in pixels.chunks_exact(w as usize * channels).enumerate() {
        let rgba = row.chunks_exact(channels).map(|p| match facts.color {
            ColorSpace::Gray => [p[0], p[0], p[0], 255],
            ColorSpace::Rgb => [p[0], p[1], p[2], 255],
            // The decoder hands out ink amounts as Adobe stores them
            // un-inverted; a CMYK JPEG without Adobe's marker is stored
            // the other way round.
            ColorSpace::Cmyk => {
                let ink = |v: u8| if inverted { v } else { 255 - v };
                let k = 255 - u32::from(ink(p[3]));
                let channel = |v: u8| ((255 - u32::from(ink(v))) * k / 255) as u8;
                [channel(p[0]), channel(p[1]), channel(p[2]), 255]
            }
        });
        bins.row(y as u32, rgba);
    }
    Ok(bins)
}

fn png_bins(bytes: &[u8]) -> Result<Bins, PhotoError> {
    let fail = |e: png::DecodingError| PhotoError::Damaged {
        reason: e.to_string(),
    };
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = decoder.read_info().map_err(fail)?;
    let (w, h, interlaced) = {
        let info = reader.info();
        (info.width, info.height, info.interlaced)
    };
    let (color, _) = reader.output_color_type();
    let channels = color.samples();
    let to_rgba = move |p: &[u8]| match channels {
        1 => [p[0], p[0], p[0], 255],
        2 => [p[0], p[0], p[0], p[1]],
        3 => [p[0], p[1], p[2], 255],
        _ => [p[0], p[1], p[2], p[3]],
    };
    let mut bins = Bins::new(w, h);
    if interlaced {
        let mut pixels = vec![0; reader.output_buffer_size()];
        let frame = reader.next_frame(&mut pixels).map_err(fail)?;
        for (y, row) in pixels[..frame.buffer_size()]
            .chunks_exact(frame.line_size)
            .enumerate()
        {
            bins.row(y as u32, row.chunks_exact(channels).map(to_rgba));
        }
    } else {
        let mut y = 0;
        while let Some(row) = reader.next_row().map_err(fail)? {
            bins.row(y, row.data().chunks_exact(channels).map(to_rgba));
            y += 1;
        }
        if y < h {
            return Err(PhotoError::Truncated {
                reason: "the image data ends early".to_owned(),
            });
        }
    }
    Ok(bins)
}

/// Turns `w` × `h` pixels upright.
fn turn(pixels: Vec<[u8; 4]>, w: u32, h: u32, o: Orientation) -> Vec<[u8; 4]> {
    if o == Orientation::Normal {
        return pixels;
    }
    let (w, h) = (w as usize, h as usize);
    let (ow, oh) = if o.swaps_sides() { (h, w) } else { (w, h) };
    let mut out = vec![[0; 4]; ow * oh];
    for y in 0..h {
        for x in 0..w {
            let (nx, ny) = match o {
                Orientation::Normal => (x, y),
                Orientation::FlipHorizontal => (w - 1 - x, y),
                Orientation::Rotate180 => (w - 1 - x, h - 1 - y),
                Orientation::FlipVertical => (x, h - 1 - y),
                Orientation::Transpose => (y, x),
                Orientation::Rotate90 => (h - 1 - y, x),
                Orientation::Transverse => (h - 1 - y, w - 1 - x),
                Orientation::Rotate270 => (y, w - 1 - x),
            };
            out[ny * ow + nx] = pixels[y * w + x];
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use jpeg_encoder::{ColorType, Encoder};

    fn jpeg(width: u16, height: u16, color: ColorType, pixel: &[u8]) -> Vec<u8> {
        let pixels: Vec<u8> = pixel
            .iter()
            .copied()
            .cycle()
            .take(usize::from(width) * usize::from(height) * pixel.len())
            .collect();
        let mut out = Vec::new();
        Encoder::new(&mut out, 95)
            .encode(&pixels, width, height, color)
            .expect("encodes");
        out
    }

    fn first_pixel(png: &[u8]) -> Vec<u8> {
        let decoder = png::Decoder::new(std::io::Cursor::new(png));
        let mut reader = decoder.read_info().expect("png");
        let mut buf = vec![0; reader.output_buffer_size()];
        reader.next_frame(&mut buf).expect("frame");
        buf[..3].to_vec()
    }

    #[test]
    fn a_large_jpeg_becomes_a_small_upright_png() {
        let t = thumbnail(&jpeg(1600, 1200, ColorType::Rgb, &[200, 30, 30])).expect("thumb");
        assert_eq!((t.width, t.height), (320, 240));
        let px = first_pixel(&t.png);
        assert!(px[0] > 180 && px[1] < 60 && px[2] < 60, "{px:?}");
    }

    #[test]
    fn cmyk_shows_its_colours() {
        // Pure cyan ink: no red, full green and blue.
        let t = thumbnail(&jpeg(64, 64, ColorType::Cmyk, &[255, 0, 0, 0])).expect("thumb");
        let px = first_pixel(&t.png);
        assert!(px[0] < 40 && px[1] > 215 && px[2] > 215, "{px:?}");
    }

    #[test]
    fn turning_moves_pixels_where_the_orientation_says() {
        // 2 × 1: left red, right blue. Turned a quarter clockwise, red is on top.
        let red = [255, 0, 0, 255];
        let blue = [0, 0, 255, 255];
        assert_eq!(
            turn(vec![red, blue], 2, 1, Orientation::Rotate90),
            vec![red, blue]
        );
        assert_eq!(
            turn(vec![red, blue], 2, 1, Orientation::Rotate270),
            vec![blue, red]
        );
        assert_eq!(
            turn(vec![red, blue], 2, 1, Orientation::FlipHorizontal),
            vec![blue, red]
        );
    }

    #[test]
    fn a_png_with_alpha_keeps_it() {
        let mut bytes = Vec::new();
        let mut encoder = png::Encoder::new(&mut bytes, 500, 100);
        encoder.set_color(png::ColorType::Rgba);
        let mut writer = encoder.write_header().expect("header");
        writer
            .write_image_data(&[10, 20, 30, 0].repeat(500 * 100))
            .expect("data");
        writer.finish().expect("finish");
        let t = thumbnail(&bytes).expect("thumb");
        assert_eq!((t.width, t.height), (320, 64));
        let decoder = png::Decoder::new(std::io::Cursor::new(&t.png));
        let reader = decoder.read_info().expect("png");
        assert_eq!(reader.info().color_type, png::ColorType::Rgba);
    }
}
