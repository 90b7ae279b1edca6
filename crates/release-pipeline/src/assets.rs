//! Photos coming into the drafts library: checked here, as every photo is,
//! then stored by the library in its assets folder, the draft naming them
//! `assets/SHA256.jpg`.

use crate::error::PipelineError;
use crate::photos::{read_image_file, read_photo};
use release_drafts::Library;
use release_model::Draft;
use std::path::Path;

/// Checks the image at `source` (a file a person chose, anywhere) and stores
/// it in the library; returns the `file` a library draft names it by. The
/// same image added twice is stored once.
pub fn add_photo(library: &Library, source: &Path) -> Result<String, PipelineError> {
    let image = read_image_file(source)?;
    Ok(library.add_asset(&image.bytes, image.facts.format.extension())?)
}

/// `draft`, read from a file in `folder`, as the library keeps it: each
/// photo read from `folder` (and checked as always), stored in the assets,
/// and named by its assets path. Refused, with nothing stored for the
/// draft, when a photo cannot be used.
pub fn adopt_photos(
    library: &Library,
    draft: &Draft,
    folder: &Path,
) -> Result<Draft, PipelineError> {
    let images = draft
        .release
        .photos
        .iter()
        .map(|photo| read_photo(folder, &photo.file))
        .collect::<Result<Vec<_>, _>>()?;
    let mut adopted = draft.clone();
    for (photo, image) in adopted.release.photos.iter_mut().zip(images) {
        photo.file = library.add_asset(&image.bytes, image.facts.format.extension())?;
    }
    Ok(adopted)
}
