//! Reading a draft named on the command line (`-` is standard input), and
//! the house style it is checked and exported in.

use crate::error::{CliError, Result};
use release_model::{Date, Finding, Loaded, load};
use release_pipeline::{Photos, Styles};
use release_style::{HouseStyle, StyleError};
use std::io::Read;
use std::path::Path;
use std::sync::Arc;

/// Drafts larger than this are refused before parsing: no press release is.
const MAX_DRAFT_BYTES: u64 = 64 * 1024 * 1024;

/// A draft read from a file, the name to use for it in messages, and its
/// photos, read from the draft file's folder.
pub(crate) struct Input {
    pub name: String,
    pub loaded: Loaded,
    pub photos: Photos,
}

/// Reads and parses a draft; the error names the file.
pub(crate) fn read(path: &Path) -> Result<Input> {
    let stdin = path == Path::new("-");
    let name = if stdin {
        "<standard input>".to_owned()
    } else {
        path.display().to_string()
    };
    let unreadable = |message: String| CliError::Unreadable(format!("{name}: {message}"));
    let mut bytes = Vec::new();
    let result = if stdin {
        std::io::stdin()
            .take(MAX_DRAFT_BYTES + 1)
            .read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path).and_then(|f| f.take(MAX_DRAFT_BYTES + 1).read_to_end(&mut bytes))
    };
    result.map_err(|e| unreadable(format!("cannot be read: {e}")))?;
    if bytes.len() as u64 > MAX_DRAFT_BYTES {
        return Err(unreadable(format!(
            "larger than {} MB; this is not a draft",
            MAX_DRAFT_BYTES / 1024 / 1024
        )));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        unreadable(format!(
            "not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        ))
    })?;
    let loaded = load(&text).map_err(|e| unreadable(e.to_string()))?;
    let folder = (!stdin).then(|| match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    });
    let photos = Photos::read(&loaded.draft, folder);
    Ok(Input {
        name,
        loaded,
        photos,
    })
}

/// The house style to use: the one named on the command line (a name or a
/// style folder; one that cannot be loaded is an error of the command), else
/// the draft's (one that cannot be loaded is a finding at `style`).
pub(crate) fn style(
    styles: &Styles,
    input: &Input,
    on_command_line: Option<&str>,
) -> Result<std::result::Result<Arc<HouseStyle>, StyleError>> {
    match on_command_line {
        Some(name) => styles
            .named_or_folder(name)
            .map(Ok)
            .map_err(|e| CliError::Unreadable(format!("--style: {e}"))),
        None => Ok(styles.get(&input.loaded.draft.style)),
    }
}

/// Every finding of a loaded draft under `style`: loading's, then the
/// pipeline's (validation, the photo files, the style's checks).
pub(crate) fn findings(
    input: &Input,
    style: &std::result::Result<Arc<HouseStyle>, StyleError>,
    today: Date,
    spelling: &release_pipeline::Spelling,
) -> Vec<Finding> {
    let mut all = input.loaded.findings.clone();
    all.extend(release_pipeline::check(
        &input.loaded.draft,
        style,
        today,
        &input.photos,
        spelling,
    ));
    all
}

/// Today's date in UTC (the standard library knows no local time zone): the
/// one place the command line reads the clock.
pub(crate) fn today_utc() -> Date {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    Date::from_days_since_epoch((seconds / 86_400) as i64)
}

/// `--today`, else today in UTC.
pub(crate) fn today(option: Option<&str>) -> Result<Date> {
    match option {
        None => Ok(today_utc()),
        Some(text) => {
            Date::parse(text.trim()).map_err(|m| CliError::Unreadable(format!("--today: {m}")))
        }
    }
}
