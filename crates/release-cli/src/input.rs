//! Reading a draft named on the command line (`-` is standard input) and
//! finding everything wrong with it, with messages that name the file.

use release_model::{Checks, Date, Finding, Loaded, Severity, load, validate};
use release_style::HouseStyle;
use std::io::Read;
use std::path::Path;

/// Drafts larger than this are refused before parsing: no press release is.
const MAX_DRAFT_BYTES: u64 = 64 * 1024 * 1024;

/// A draft read from a file, and the name to use for it in messages.
pub(crate) struct Input {
    pub name: String,
    pub loaded: Loaded,
}

/// Reads and parses a draft. The error is a complete message naming the file.
pub(crate) fn read(path: &Path) -> Result<Input, String> {
    let stdin = path == Path::new("-");
    let name = if stdin {
        "<standard input>".to_owned()
    } else {
        path.display().to_string()
    };
    let mut bytes = Vec::new();
    let result = if stdin {
        std::io::stdin()
            .take(MAX_DRAFT_BYTES + 1)
            .read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path).and_then(|f| f.take(MAX_DRAFT_BYTES + 1).read_to_end(&mut bytes))
    };
    result.map_err(|e| format!("{name}: cannot be read: {e}"))?;
    if bytes.len() as u64 > MAX_DRAFT_BYTES {
        return Err(format!(
            "{name}: larger than {} MB; this is not a draft",
            MAX_DRAFT_BYTES / 1024 / 1024
        ));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        format!(
            "{name}: not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })?;
    let loaded = load(&text).map_err(|e| format!("{name}: {e}"))?;
    Ok(Input { name, loaded })
}

/// The house style to use: the one named on the command line, else the draft's.
/// A style named on the command line that cannot be loaded is an error of the
/// command (`Err`); a draft naming an unknown style is a finding at `style`.
pub(crate) fn style(
    input: &Input,
    override_style: Option<&str>,
    findings: &mut Vec<Finding>,
) -> Result<Option<HouseStyle>, String> {
    if let Some(name) = override_style {
        return release_style::resolve(name)
            .map(Some)
            .map_err(|e| format!("--style: {e}"));
    }
    match release_style::resolve(&input.loaded.draft.style) {
        Ok(style) => Ok(Some(style)),
        Err(e) => {
            findings.push(Finding::error(e.code(), "style", e.to_string()));
            Ok(None)
        }
    }
}

/// Every finding of a loaded draft: loading's, then validation's.
pub(crate) fn findings(input: &Input) -> Vec<Finding> {
    let mut all = input.loaded.findings.clone();
    all.extend(validate(&input.loaded.draft));
    all
}

/// The house style's checks on a loaded draft, as of `today`. Without a
/// usable style (its finding is already reported) the default checks run.
pub(crate) fn lint(input: &Input, style: Option<&HouseStyle>, today: Date) -> Vec<Finding> {
    let defaults = Checks::default();
    let checks = style.map_or(&defaults, |s| &s.checks);
    release_model::lint(&input.loaded.draft, checks, today)
}

/// True when any finding is an error.
pub(crate) fn has_errors(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Error)
}

/// Today's date in UTC (the standard library knows no local time zone): the
/// one place the command line reads the clock.
pub(crate) fn today_utc() -> Date {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    Date::from_days_since_epoch((seconds / 86_400) as i64)
}
