//! Draft packages: a draft with its photos as one file,
//! `NAME.release.zip`, to hand to a colleague. Inside: `draft.release.json`
//! and `photos/HASH.jpg`, the draft naming its photos by those paths.
//!
//! A package may come from anywhere, so unpacking trusts nothing: entries
//! with `..`, an absolute or drive name, a backslash, a symbolic link, a
//! duplicate name, more entries or more bytes than any release needs (zip
//! bombs: every size is capped as read, whatever the archive claims), a
//! photo that does not decode, a draft that names a photo the package does
//! not hold: each refuses the whole package, naming the entry.

use crate::error::PipelineError;
use crate::photos::read_photo;
use release_drafts::{Library, Opened};
use release_model::{Draft, load, photo_path_problem, to_json};
use release_photo::{MAX_FILE_BYTES, probe};
use release_style::Image;
use std::collections::BTreeMap;
use std::io::{Cursor, Read, Write};
use std::path::Path;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, System, ZipArchive, ZipWriter};

/// The draft's name inside a package.
pub const PACKAGE_DRAFT: &str = "draft.release.json";
/// The extension of a draft package.
pub const PACKAGE_EXTENSION: &str = ".release.zip";
/// At most this many entries.
const MAX_ENTRIES: usize = 200;
/// At most this many bytes in all, unpacked.
const MAX_TOTAL_BYTES: u64 = 512 * 1024 * 1024;
/// A draft is at most this large (as the drafts library reads them).
const MAX_DRAFT_BYTES: u64 = 64 * 1024 * 1024;

/// The bytes of the package of `draft`, whose photos are read (and checked)
/// from `folder`, the draft file's folder. The same draft and photos give
/// the same bytes.
pub fn pack(draft: &Draft, folder: &Path) -> Result<Vec<u8>, PipelineError> {
    let mut packed = draft.clone();
    let mut photos: Vec<(String, Image)> = Vec::new();
    for photo in &mut packed.release.photos {
        let image = read_photo(folder, &photo.file)?;
        let extension = image.facts.format.extension();
        let name = release_drafts::asset_name(&image.bytes, extension);
        let file = format!("photos/{}.{extension}", &name[..16]);
        photo.file = file.clone();
        photos.push((file, image));
    }
    let fail = |e: zip::result::ZipError| PipelineError::Package {
        file: "the new package".to_owned(),
        reason: e.to_string(),
    };
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .last_modified_time(DateTime::default())
        .system(System::Unix)
        .unix_permissions(0o644);
    zip.start_file(
        PACKAGE_DRAFT,
        options.compression_method(CompressionMethod::Deflated),
    )
    .map_err(fail)?;
    zip.write_all(to_json(&packed).as_bytes())
        .map_err(|e| fail(e.into()))?;
    let mut written = BTreeMap::new();
    for (file, image) in &photos {
        // One photo used twice is stored once.
        if written.insert(file.clone(), ()).is_some() {
            continue;
        }
        zip.start_file(
            file.as_str(),
            options.compression_method(CompressionMethod::Stored),
        )
        .map_err(fail)?;
        zip.write_all(&image.bytes).map_err(|e| fail(e.into()))?;
    }
    Ok(zip.finish().map_err(fail)?.into_inner())
}

/// A package unpacked and checked: the draft, naming its photos by their
/// paths in the package, and those photos.
#[derive(Debug)]
pub struct Unpacked {
    pub draft: Draft,
    /// The photos by their path in the package.
    pub photos: BTreeMap<String, Image>,
}

/// Reads a package's `bytes` (`name` names it in messages), refusing it
/// whole on any unsafe or damaged entry.
pub fn unpack(bytes: &[u8], name: &str) -> Result<Unpacked, PipelineError> {
    let refuse = |reason: String| PipelineError::Package {
        file: name.to_owned(),
        reason,
    };
    let mut zip = ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| refuse(format!("not a zip archive ({e})")))?;
    // The reader keeps one entry per name: a central directory listing more
    // entries than it kept has the same name twice.
    if declared_entries(bytes).is_some_and(|n| n != zip.len()) {
        return Err(refuse(
            "it holds the same name twice (two different files for one photo)".to_owned(),
        ));
    }
    if zip.len() > MAX_ENTRIES {
        return Err(refuse(format!(
            "it holds {} entries; a draft package holds its draft and its photos",
            zip.len()
        )));
    }
    let mut entries: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    let mut total = 0_u64;
    for i in 0..zip.len() {
        let mut entry = zip
            .by_index(i)
            .map_err(|e| refuse(format!("entry {} cannot be read ({e})", i + 1)))?;
        let entry_name = entry.name().to_owned();
        let bad = |why: &str| refuse(format!("entry `{entry_name}` {why}"));
        if entry.is_symlink() {
            return Err(bad("is a symbolic link"));
        }
        if entry.is_dir() {
            continue;
        }
        if let Some(problem) = photo_path_problem(&entry_name) {
            return Err(bad(problem));
        }
        if entry.enclosed_name().is_none() {
            return Err(bad("leads out of the package"));
        }
        let limit = if entry_name == PACKAGE_DRAFT {
            MAX_DRAFT_BYTES
        } else {
            MAX_FILE_BYTES
        };
        if entry.size() > limit || total + entry.size() > MAX_TOTAL_BYTES {
            return Err(bad("is larger than any draft or photo"));
        }
        let mut data = Vec::new();
        (&mut entry)
            .take(limit + 1)
            .read_to_end(&mut data)
            .map_err(|e| bad(&format!("cannot be unpacked ({e})")))?;
        total += data.len() as u64;
        if data.len() as u64 > limit || total > MAX_TOTAL_BYTES {
            return Err(bad("unpacks to more than it says: not a draft package"));
        }
        if entries.insert(entry_name.clone(), data).is_some() {
            return Err(bad("is in the package twice"));
        }
    }
    let text = entries
        .remove(PACKAGE_DRAFT)
        .ok_or_else(|| refuse(format!("it has no `{PACKAGE_DRAFT}`")))?;
    let text = String::from_utf8(text)
        .map_err(|_| refuse(format!("`{PACKAGE_DRAFT}` is not UTF-8 text")))?;
    let draft = load(&text)
        .map_err(|e| refuse(format!("`{PACKAGE_DRAFT}`: {e}")))?
        .draft;
    let mut photos = BTreeMap::new();
    for (i, photo) in draft.release.photos.iter().enumerate() {
        let field = format!("release.photos[{i}].file");
        let file = photo.file.trim_start_matches("./").to_owned();
        let Some(data) = entries.get(&file) else {
            return Err(refuse(format!(
                "{field} names `{}`, which the package does not hold",
                photo.file
            )));
        };
        let facts = probe(data).map_err(|e| refuse(format!("{field}: `{file}`: {e}")))?;
        // Decoded (at a small scale) to be sure it is an image throughout.
        release_photo::thumbnail(data).map_err(|e| refuse(format!("{field}: `{file}`: {e}")))?;
        photos.insert(
            photo.file.clone(),
            Image {
                file: photo.file.clone(),
                bytes: release_style::Blob::Shared(data.clone().into()),
                facts,
            },
        );
    }
    Ok(Unpacked { draft, photos })
}

/// The number of entries the end of central directory record declares, when
/// there is one that is not ZIP64.
fn declared_entries(bytes: &[u8]) -> Option<usize> {
    const SIGNATURE: [u8; 4] = [0x50, 0x4B, 0x05, 0x06];
    let from = bytes.len().saturating_sub(22 + usize::from(u16::MAX));
    let at = from + bytes[from..].windows(4).rposition(|w| w == SIGNATURE)?;
    let total = bytes.get(at + 10..at + 12)?;
    let total = u16::from_le_bytes([total[0], total[1]]);
    (total != u16::MAX).then_some(usize::from(total))
}

/// The package of library draft `id`.
pub fn export_package(library: &Library, id: &str) -> Result<Vec<u8>, PipelineError> {
    let draft = library.load(id)?.draft;
    pack(&draft, library.dir())
}

/// Imports a package as a new library draft: its photos stored in the
/// library's assets (the same image once), the draft naming them there.
/// Nothing is stored when the package is refused.
pub fn import_package(
    library: &Library,
    bytes: &[u8],
    name: &str,
) -> Result<Opened, PipelineError> {
    let Unpacked { mut draft, photos } = unpack(bytes, name)?;
    for photo in &mut draft.release.photos {
        let image = &photos[&photo.file];
        photo.file = library.add_asset(&image.bytes, image.facts.format.extension())?;
    }
    Ok(library.import(draft)?)
}
