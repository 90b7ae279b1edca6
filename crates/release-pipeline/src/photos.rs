//! The one place photo files are read. A draft may come from anywhere (mail,
//! a shared drive), so its `file`s are untrusted: each is resolved against
//! the draft's folder and refused, with its field named, when it leaves that
//! folder (an absolute path, `..`, a symbolic link pointing out), is not a
//! regular file, is too large, or is not a JPEG or PNG by its bytes. Only
//! what passes reaches the Document, and so any export.

use release_model::{Draft, ErrorCode, Finding, photo_path_problem};
use release_photo::{MAX_FILE_BYTES, PhotoError, probe};
use release_style::{Blob, HouseStyle, Image, photo_size};
use std::io::Read;
use std::path::{Path, PathBuf};

/// Below this many dots per inch at its printed size a photo looks soft.
pub const MIN_DPI: f32 = 150.0;

/// Why one photo file cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum PhotoFileError {
    #[error("`{file}` is not there (looked for {})", path.display())]
    Missing { file: String, path: PathBuf },
    #[error("`{file}` {problem}")]
    Outside { file: String, problem: &'static str },
    #[error("`{file}` is not a file")]
    NotAFile { file: String },
    #[error("`{file}` cannot be read: {source}")]
    Unreadable {
        file: String,
        #[source]
        source: std::io::Error,
    },
    #[error("`{file}`: {source}")]
    Invalid {
        file: String,
        #[source]
        source: PhotoError,
    },
}

impl PhotoFileError {
    /// The code, also the finding's: `photo-missing`, `photo-path`,
    /// `photo-unreadable` or `photo-invalid`.
    pub fn code(&self) -> ErrorCode {
        match self {
            PhotoFileError::Missing { .. } => ErrorCode::PhotoMissing,
            PhotoFileError::Outside { .. } => ErrorCode::PhotoPath,
            PhotoFileError::NotAFile { .. } | PhotoFileError::Unreadable { .. } => {
                ErrorCode::PhotoUnreadable
            }
            PhotoFileError::Invalid { .. } => ErrorCode::PhotoInvalid,
        }
    }
}

/// Reads the photo `file` (as a draft names it) inside `folder`, and checks
/// it: the file stays inside the folder once symbolic links are followed,
/// is at most [`MAX_FILE_BYTES`], and is a JPEG or PNG that [`probe`]
/// accepts.
pub fn read_photo(folder: &Path, file: &str) -> Result<Image, PhotoFileError> {
    let outside = |problem| PhotoFileError::Outside {
        file: file.to_owned(),
        problem,
    };
    if let Some(problem) = photo_path_problem(file) {
        return Err(outside(problem));
    }
    let wanted = folder.join(file);
    let unreadable = |source| PhotoFileError::Unreadable {
        file: file.to_owned(),
        source,
    };
    let root = folder.canonicalize().map_err(unreadable)?;
    let real = match wanted.canonicalize() {
        Ok(real) => real,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(PhotoFileError::Missing {
                file: file.to_owned(),
                path: wanted,
            });
        }
        Err(e) => return Err(unreadable(e)),
    };
    if !real.starts_with(&root) {
        return Err(outside("is a link that leads out of the draft's folder"));
    }
    read_checked(&real, file)
}

/// Reads and checks an image file a person chose (in a file dialog, on the
/// command line): a regular file of at most [`MAX_FILE_BYTES`] that
/// [`probe`] accepts.
pub fn read_image_file(path: &Path) -> Result<Image, PhotoFileError> {
    let name = path.display().to_string();
    match std::fs::metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(PhotoFileError::Missing {
            file: name,
            path: path.to_owned(),
        }),
        _ => read_checked(path, &name),
    }
}

/// Reads the file at `real`, named `file` in messages, and checks it.
fn read_checked(real: &Path, file: &str) -> Result<Image, PhotoFileError> {
    let unreadable = |source| PhotoFileError::Unreadable {
        file: file.to_owned(),
        source,
    };
    let handle = std::fs::File::open(real).map_err(unreadable)?;
    let meta = handle.metadata().map_err(unreadable)?;
    if !meta.is_file() {
        return Err(PhotoFileError::NotAFile {
            file: file.to_owned(),
        });
    }
    let invalid = |source| PhotoFileError::Invalid {
        file: file.to_owned(),
        source,
    };
    if meta.len() > MAX_FILE_BYTES {
        return Err(invalid(PhotoError::TooLarge { bytes: meta.len() }));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // The limit holds even if the file grows while it is read.
    handle
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    let facts = probe(&bytes).map_err(invalid)?;
    Ok(Image {
        file: file.to_owned(),
        bytes: Blob::Shared(bytes.into()),
        facts,
    })
}

/// A draft's photos, read and checked once: the images an export prints
/// and what the checks say about the files.
#[derive(Debug, Clone, Default)]
pub struct Photos {
    /// `images[i]` is photo `i`'s image, `None` when it cannot be used.
    pub images: Vec<Option<Image>>,
    /// Errors at `release.photos[i].file` for the photos that cannot be used.
    pub findings: Vec<Finding>,
}

impl Photos {
    /// Reads every photo of `draft` from `folder`, the folder of the draft
    /// file (its `file`s are relative to it); `None` for a draft that has no
    /// folder (read from standard input), whose photos then cannot be used.
    pub fn read(draft: &Draft, folder: Option<&Path>) -> Photos {
        let mut photos = Photos::default();
        for (i, photo) in draft.release.photos.iter().enumerate() {
            let path = format!("release.photos[{i}].file");
            if photo.file.trim().is_empty() || photo_path_problem(&photo.file).is_some() {
                // Validation reports these.
                photos.images.push(None);
                continue;
            }
            let Some(folder) = folder else {
                photos.findings.push(Finding::error(
                    &ErrorCode::PhotoNoFolder.to_string(),
                    path,
                    format!(
                        "`{}` cannot be found: the draft was not read from a file, so it has no folder for its photos",
                        photo.file
                    ),
                ));
                photos.images.push(None);
                continue;
            };
            match read_photo(folder, &photo.file) {
                Ok(image) => photos.images.push(Some(image)),
                Err(e) => {
                    photos.findings.push(Finding::error(
                        &e.code().to_string(),
                        path,
                        e.to_string(),
                    ));
                    photos.images.push(None);
                }
            }
        }
        photos
    }

    /// The findings about the photos under `style`: the files that cannot
    /// be used, and photos that print at less than [`MIN_DPI`].
    pub fn findings(&self, style: Option<&HouseStyle>) -> Vec<Finding> {
        let mut findings = self.findings.clone();
        let Some(style) = style else {
            return findings;
        };
        for (i, image) in self.images.iter().enumerate() {
            let Some(image) = image else { continue };
            let (w_pt, h_pt) = photo_size(style, &image.facts);
            let (w_px, h_px) = image.facts.upright();
            let dpi = (w_px as f32 / (w_pt / 72.0)).min(h_px as f32 / (h_pt / 72.0));
            if dpi < MIN_DPI {
                findings.push(Finding::warning(
                    "photo-low-resolution",
                    format!("release.photos[{i}].file"),
                    format!(
                        "`{}` is {w_px} × {h_px} pixels: printed at {:.0} × {:.0} mm it has {dpi:.0} dpi, less than the {MIN_DPI:.0} print needs; use a larger original",
                        image.file,
                        w_pt * 25.4 / 72.0,
                        h_pt * 25.4 / 72.0,
                    ),
                ));
            }
        }
        findings
    }
}

/// A small upright PNG of the photo `file` inside `folder`, for the app's
/// Photos step (the window never holds the photo itself), after the same
/// checks as [`read_photo`].
pub fn thumbnail(folder: &Path, file: &str) -> Result<release_photo::Thumbnail, PhotoFileError> {
    let image = read_photo(folder, file)?;
    release_photo::thumbnail(&image.bytes).map_err(|source| PhotoFileError::Invalid {
        file: file.to_owned(),
        source,
    })
}
