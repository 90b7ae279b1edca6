//! Images the tests make themselves: JPEG and PNG files of a given size,
//! their samples a pattern (so that encoders do not compress them to
//! nothing), different for different seeds.

/// A JPEG of `width` × `height` pixels in `color` (RGB, CMYK, …), its
/// samples a pattern of `seed`: the same arguments give the same bytes.
pub fn jpeg_of(width: u16, height: u16, color: jpeg_encoder::ColorType, seed: usize) -> Vec<u8> {
    let channels = match color {
        jpeg_encoder::ColorType::Luma => 1,
        jpeg_encoder::ColorType::Cmyk
        | jpeg_encoder::ColorType::CmykAsYcck
        | jpeg_encoder::ColorType::Ycck => 4,
        jpeg_encoder::ColorType::Rgba | jpeg_encoder::ColorType::Bgra => 4,
        _ => 3,
    };
    let pixels: Vec<u8> = (0..usize::from(width) * usize::from(height) * channels)
        .map(|i| (i * seed % 251) as u8)
        .collect();
    let mut out = Vec::new();
    jpeg_encoder::Encoder::new(&mut out, 85)
        .encode(&pixels, width, height, color)
        .expect("encodes");
    out
}

/// An RGB JPEG of `width` × `height` pixels.
pub fn jpeg(width: u16, height: u16) -> Vec<u8> {
    jpeg_of(width, height, jpeg_encoder::ColorType::Rgb, 7)
}

/// A PNG of `width` × `height` pixels in `color`, every pixel `pixel`
/// (as many samples as the colour type has).
pub fn png_of(width: u32, height: u32, color: png::ColorType, pixel: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, width, height);
    encoder.set_color(color);
    let mut writer = encoder.write_header().expect("header");
    writer
        .write_image_data(&pixel.repeat((width * height) as usize))
        .expect("data");
    writer.finish().expect("finish");
    out
}

/// A grey RGB PNG of `width` × `height` pixels.
pub fn png(width: u32, height: u32) -> Vec<u8> {
    png_of(width, height, png::ColorType::Rgb, &[90, 90, 90])
}

/// The example release with one photo, `file`, with its caption, credit
/// and alt text.
pub fn example_with_photo(file: &str) -> release_model::Draft {
    let mut draft = release_model::example();
    draft.release.photos = vec![release_model::Photo {
        file: file.to_owned(),
        caption: vec![release_model::Run::plain(
            "Delegates at the launch in Dushanbe.",
        )],
        credit: "Manuel Elías".to_owned(),
        alt: "Delegates seated around a long table under UN flags.".to_owned(),
        ..release_model::Photo::default()
    }];
    draft
}
