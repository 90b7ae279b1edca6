//! Bytes of an asset, borrowed from the binary for built-in styles or owned
//! when read from disk; cheap to clone either way.

use std::sync::Arc;

/// The bytes of a font or image file.
#[derive(Clone)]
pub enum Blob {
    Static(&'static [u8]),
    Shared(Arc<[u8]>),
}

impl std::ops::Deref for Blob {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match self {
            Blob::Static(bytes) => bytes,
            Blob::Shared(bytes) => bytes,
        }
    }
}

impl std::fmt::Debug for Blob {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Blob({} bytes)", self.len())
    }
}

impl PartialEq for Blob {
    fn eq(&self, other: &Blob) -> bool {
        // The same bytes in memory (a built-in style's, or one Arc) need
        // no comparing.
        (self.as_ptr() == other.as_ptr() && self.len() == other.len()) || **self == **other
    }
}
