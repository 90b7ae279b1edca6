//! Writing JSON to standard output: streamed through one buffer, not built
//! as a string first (a 10,000-draft list is 5 MB), and a closed pipe
//! (`| head`) is an error that names standard output, not a panic.

use crate::error::{CliError, Result};
use serde::Serialize;
use std::io::Write;

/// `value` as indented JSON and a line feed on standard output.
pub(crate) fn print_json<T: Serialize + ?Sized>(value: &T) -> Result {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let failed =
        |e: std::io::Error| CliError::Unreadable(format!("standard output cannot be written: {e}"));
    serde_json::to_writer_pretty(&mut out, value).map_err(|e| failed(e.into()))?;
    out.write_all(b"\n").map_err(failed)?;
    out.flush().map_err(failed)
}
