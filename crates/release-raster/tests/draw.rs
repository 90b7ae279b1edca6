//! The preview's pictures against poppler's: each page of the example, with
//! and without a JPEG and a PNG photo, drawn by hayro and by `pdftoppm` at
//! the same width, must show the same page. Compared in blocks of 4 × 4
//! pixels, where the two renderers' antialiasing and hinting of small text
//! agree (a mean difference of about 4 in 255) but the same page moved down
//! by 3 pixels does not (about 21, a tenth of the blocks far off). And what
//! cannot be drawn is refused with a message.

use release_model::{Photo, Run, example};
use release_raster::{MAX_WIDTH, Pages, RasterError};
use release_style::{Blob, Image, builtin, document_with_photos};
use release_test_tools::images::{jpeg_of, png_of};
use release_test_tools::system_tool;
use std::path::Path;
use std::process::Command;
use std::sync::Arc;

fn image(file: &str, bytes: Vec<u8>) -> Image {
    Image {
        file: file.to_owned(),
        facts: release_photo::probe(&bytes).expect("a photo"),
        bytes: Blob::Shared(bytes.into()),
    }
}

/// The example in `un`, with a JPEG and a PNG photo when `photos`.
fn example_pdf(photos: bool) -> Vec<u8> {
    let mut draft = example();
    let mut images = Vec::new();
    if photos {
        images = vec![
            Some(image(
                "launch.jpg",
                jpeg_of(320, 200, jpeg_encoder::ColorType::Rgb, 3),
            )),
            Some(image(
                "flags.png",
                png_of(240, 160, png::ColorType::Rgb, &[20, 90, 160]),
            )),
        ];
        draft.release.photos = ["launch.jpg", "flags.png"]
            .iter()
            .map(|file| Photo {
                file: (*file).to_owned(),
                caption: vec![Run::plain("Delegates at the launch.")],
                credit: "UN Photo".to_owned(),
                alt: "Delegates around a table.".to_owned(),
                ..Photo::default()
            })
            .collect();
    }
    let doc = document_with_photos(&draft, &builtin("un").expect("style"), &images);
    release_pdf::render(&doc, &release_pdf::PdfOptions::default()).expect("pdf")
}

/// A grey picture: width, height, one byte a pixel.
struct Grey {
    width: usize,
    height: usize,
    luma: Vec<u8>,
}

/// The luma of pixels of `step` bytes, red, green and blue first.
fn luma(pixels: &[u8], step: usize) -> Vec<u8> {
    pixels
        .chunks_exact(step)
        .map(|p| {
            let [r, g, b] = [p[0], p[1], p[2]].map(u32::from);
            ((r * 299 + g * 587 + b * 114) / 1000) as u8
        })
        .collect()
}

impl Grey {
    fn of(picture: &release_raster::Picture) -> Grey {
        let luma = luma(&picture.rgba, 4);
        Grey {
            width: picture.width as usize,
            height: picture.height as usize,
            luma,
        }
    }

    /// Page `page` (from 0) of `pdf` as poppler draws it `width` pixels across.
    fn poppler(pdf: &Path, page: usize, width: u32) -> Grey {
        let out = pdf.with_extension(format!("p{page}"));
        let n = (page + 1).to_string();
        let status = Command::new(system_tool("pdftoppm"))
            .args(["-png", "-singlefile", "-f", &n, "-l", &n])
            .args(["-scale-to-x", &width.to_string(), "-scale-to-y", "-1"])
            .arg(pdf)
            .arg(&out)
            .status()
            .expect("pdftoppm runs");
        assert!(status.success(), "pdftoppm failed on page {n}");
        let file = std::fs::File::open(out.with_extension(format!("p{page}.png"))).expect("png");
        let mut reader = png::Decoder::new(std::io::BufReader::new(file))
            .read_info()
            .expect("reads");
        let mut pixels = vec![0; reader.output_buffer_size()];
        let info = reader.next_frame(&mut pixels).expect("a frame");
        assert_eq!(info.color_type, png::ColorType::Rgb, "pdftoppm's PNG");
        pixels.truncate(info.buffer_size());
        Grey {
            width: info.width as usize,
            height: info.height as usize,
            luma: luma(&pixels, 3),
        }
    }

    /// Each `n` × `n` block of pixels averaged into one: the page as seen
    /// from further away, where two renderers' antialiasing and hinting of
    /// small text no longer differ but a missing word or a shifted line
    /// still does.
    fn blocks(&self, n: usize) -> Grey {
        let (width, height) = (self.width / n, self.height / n);
        let mut luma = Vec::with_capacity(width * height);
        for by in 0..height {
            for bx in 0..width {
                let mut sum = 0u32;
                for y in by * n..(by + 1) * n {
                    let row = &self.luma[y * self.width + bx * n..][..n];
                    sum += row.iter().map(|&v| u32::from(v)).sum::<u32>();
                }
                luma.push((sum / (n * n) as u32) as u8);
            }
        }
        Grey {
            width,
            height,
            luma,
        }
    }

    /// Share of pixels darker than mid-grey.
    fn ink(&self) -> f64 {
        self.luma.iter().filter(|&&v| v < 128).count() as f64 / self.luma.len() as f64
    }

    /// (mean absolute difference in 0–255, share of pixels differing by
    /// more than a quarter) over the rows both have.
    fn difference(&self, other: &Grey) -> (f64, f64) {
        assert_eq!(self.width, other.width, "the same width");
        let rows = self.height.min(other.height);
        let (mut sum, mut far) = (0u64, 0usize);
        for (a, b) in self.luma[..rows * self.width]
            .iter()
            .zip(&other.luma[..rows * other.width])
        {
            let d = a.abs_diff(*b);
            sum += u64::from(d);
            far += usize::from(d > 64);
        }
        let n = (rows * self.width) as f64;
        (sum as f64 / n, far as f64 / n)
    }
}

#[test]
fn every_page_looks_as_poppler_draws_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    for photos in [false, true] {
        let bytes = example_pdf(photos);
        let file = dir.path().join(format!("example-{photos}.pdf"));
        std::fs::write(&file, &bytes).expect("written");
        let pages = Pages::new(Arc::new(bytes)).expect("reads");
        assert!(pages.len() >= 2, "the example has two pages or more");
        for (page, (w, h)) in pages.sizes().into_iter().enumerate() {
            assert!(
                (w - 595.3).abs() < 1.0 && (h - 841.9).abs() < 1.0,
                "A4, not {w}×{h}"
            );
            let picture = pages.draw(page, 600).expect("draws");
            assert_eq!(picture.width, 600);
            assert!(picture.height.abs_diff(848) <= 1, "{} rows", picture.height);
            assert!(picture.rgba.chunks_exact(4).all(|p| p[3] == 255), "opaque");
            let ours = Grey::of(&picture);
            let theirs = Grey::poppler(&file, page, 600);
            let (mean, far) = ours.blocks(4).difference(&theirs.blocks(4));
            let what = format!("page {} (photos: {photos})", page + 1);
            assert!(ours.ink() > 0.005, "{what} has ink: {:.4}", ours.ink());
            assert!(
                (ours.ink() - theirs.ink()).abs() < 0.2 * theirs.ink(),
                "{what}: ink {:.4} against poppler's {:.4}",
                ours.ink(),
                theirs.ink()
            );
            assert!(
                mean < 8.0 && far < 0.005,
                "{what} differs from poppler's: mean {mean:.2}, {:.2} % far off",
                far * 100.0
            );
        }
    }
}

#[test]
fn a_page_drawn_twice_is_the_same_picture() {
    let pages = Pages::new(Arc::new(example_pdf(true))).expect("reads");
    assert_eq!(pages.draw(0, 480), pages.draw(0, 480));
}

#[test]
fn what_cannot_be_drawn_is_refused_with_a_message() {
    let pages = Pages::new(Arc::new(example_pdf(false))).expect("reads");
    let count = pages.len();
    let missing = pages.draw(count, 600).expect_err("no such page");
    assert_eq!(missing, RasterError::NoSuchPage { page: count, count });
    assert!(missing.to_string().contains("is not in the preview"));
    let wide = pages.draw(0, MAX_WIDTH + 1).expect_err("too wide");
    assert!(wide.to_string().contains("at most 6000"), "{wide}");
    let garbage = Pages::new(Arc::new(b"not a PDF at all".to_vec())).expect_err("not a PDF");
    assert!(
        garbage
            .to_string()
            .starts_with("the preview's PDF could not be read")
    );
}
