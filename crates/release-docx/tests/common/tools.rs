//! The outside programs the tests run, at the paths `scripts/deps.sh test`
//! puts them: the checkout's Python environment (`.tools/venv`, with the
//! pinned packages of `scripts/requirements-test.txt`) and Debian's tools in
//! /usr/bin. Never whatever comes first on PATH: a package installed there by
//! hand would make a test pass that fails on a fresh machine.

use std::path::{Path, PathBuf};
use std::process::Command;

/// What to run when a tool is missing.
pub const INSTALL: &str = "run scripts/deps.sh test";

/// The checkout this crate is in.
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

/// `file` read back with python-docx (`tests/tools/read-docx.py`): paragraphs
/// as `[style name, text]` with hyperlinks' text, styles, core properties,
/// footer.
pub fn read_docx(file: &Path) -> serde_json::Value {
    let out = Command::new(python())
        .arg(checkout().join("tests/tools/read-docx.py"))
        .arg(file)
        .output()
        .expect("the tests' Python runs");
    assert!(
        out.status.success(),
        "python-docx could not read {}:\n{}",
        file.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("read-docx.py prints JSON")
}
