//! The outside programs the tests check our output with, at the paths
//! `scripts/deps.sh test` puts them: the checkout's Python environment
//! (`.tools/venv`, with the pinned packages of `scripts/requirements-test.txt`)
//! and Debian's programs in /usr/bin. Never whatever comes first on `PATH`: a
//! package installed there by hand would make a test pass that fails on a
//! fresh machine. A missing tool fails the test, saying what installs it:
//! these checks are never skipped.

pub mod images;

use std::path::{Path, PathBuf};
use std::process::Command;

/// What to run when a tool is missing.
pub const INSTALL: &str = "run scripts/deps.sh test";

/// The checkout the tests run in.
pub fn checkout() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The tests' Python: `.tools/venv/bin/python`.
pub fn python() -> PathBuf {
    let python = checkout().join(".tools/venv/bin/python");
    assert!(
        python.is_file(),
        "the tests' Python {} is missing: {INSTALL}",
        python.display()
    );
    python
}

/// A program of a Debian package, by its full path in /usr/bin.
pub fn system_tool(name: &str) -> PathBuf {
    let path = Path::new("/usr/bin").join(name);
    assert!(path.is_file(), "{} is missing: {INSTALL}", path.display());
    path
}

/// Runs one of the shared readers in `tests/tools/` with the tests' Python
/// on `file`, and gives the JSON it prints; a reader that fails fails the
/// test with its error.
pub fn read_with(reader: &str, file: &Path) -> serde_json::Value {
    let mut command = Command::new(python());
    command.arg(checkout().join("tests/tools").join(reader));
    json_of(command, reader, file)
}

/// Runs the Python `script` (given as `python -c SCRIPT FILE`) with the
/// tests' Python on `file`, and gives the JSON it prints.
pub fn python_json(script: &str, file: &Path) -> serde_json::Value {
    let mut command = Command::new(python());
    command.args(["-c", script]);
    json_of(command, "the Python script", file)
}

fn json_of(mut command: Command, what: &str, file: &Path) -> serde_json::Value {
    let out = command
        .arg(file)
        .stdin(std::process::Stdio::null())
        .output()
        .expect("the tests' Python runs");
    assert!(
        out.status.success(),
        "{what} could not read {}:\n{}",
        file.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{what} prints JSON: {e}"))
}

/// `file` read back with python-docx (`tests/tools/read-docx.py`):
/// paragraphs as `[style name, text]` with hyperlinks' text, styles, core
/// properties, footer.
pub fn read_docx(file: &Path) -> serde_json::Value {
    read_with("read-docx.py", file)
}

/// A message read as a mail client reads it, by Python's `email` package
/// (`tests/tools/read-eml.py`): headers, subject, parts, the plain text, the
/// HTML's words and links.
pub fn read_eml(file: &Path) -> serde_json::Value {
    read_with("read-eml.py", file)
}
