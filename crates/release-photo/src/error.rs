//! Why a photo cannot be used.

/// A photo refused: each says what was found, for a message that names the
/// field and the file around it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PhotoError {
    #[error("it is {found}, not a JPEG or PNG image")]
    NotAnImage { found: &'static str },
    #[error("the image is cut short ({reason}); the file may not have been copied whole")]
    Truncated { reason: String },
    #[error(
        "its header claims {width} × {height} pixels, more than the {} megapixels a photo may have",
        crate::MAX_PIXELS / 1_000_000
    )]
    TooManyPixels { width: u32, height: u32 },
    #[error("the file is {bytes} bytes, more than the {} MiB a photo may have", crate::MAX_FILE_BYTES / (1024 * 1024))]
    TooLarge { bytes: u64 },
    #[error("the image is damaged: {reason}")]
    Damaged { reason: String },
    #[error("this kind of {format} cannot be printed: {reason}")]
    Unsupported {
        format: &'static str,
        reason: String,
    },
}
