//! Golden files in `tests/golden/`. A test only compares: it never writes a
//! reference, whatever the environment. On a difference it leaves what it
//! got beside the reference (`NAME.new`) and fails with a diff; `make
//! goldens` shows every `.new` file against its reference and moves it over
//! the reference, which is how a golden file changes: on purpose, in a
//! commit that says why.

use std::path::PathBuf;

fn path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name)
}

/// Compares `actual` with the golden file `name`. On a difference (or no
/// golden file) writes `name.new` and returns the diff; on a match removes
/// a stale `name.new`.
pub fn compare(name: &str, actual: &str) -> Result<(), String> {
    let file = path(name);
    let pending = path(&format!("{name}.new"));
    let expected = match std::fs::read_to_string(&file) {
        Ok(text) => text,
        Err(e) => {
            std::fs::write(&pending, actual).expect("write the new version");
            return Err(format!(
                "{}: {e}; what the test got is in {}: review it, then `make goldens`",
                file.display(),
                pending.display()
            ));
        }
    };
    if expected == actual {
        let _ = std::fs::remove_file(&pending);
        return Ok(());
    }
    std::fs::write(&pending, actual).expect("write the new version");
    Err(format!(
        "{name} differs from its golden file (- golden, + now):\n{}\n\
         The new version is in {}. If the change is meant, `make goldens` \
         accepts it; say why in the commit.",
        diff(&expected, actual),
        pending.display()
    ))
}

/// The lines that differ, with two lines of context, as `-` and `+` lines
/// (a longest common subsequence of lines), each removed line next to the
/// line that replaced it. At most 60 lines are shown.
pub fn diff(expected: &str, actual: &str) -> String {
    let a: Vec<&str> = expected.lines().collect();
    let b: Vec<&str> = actual.lines().collect();
    // lcs[i][j]: length of the longest common subsequence of a[i..], b[j..].
    let mut lcs = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut ops: Vec<(char, &str)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            ops.push((' ', a[i]));
            (i, j) = (i + 1, j + 1);
        } else if j < b.len() && (i == a.len() || lcs[i][j + 1] >= lcs[i + 1][j]) {
            ops.push(('+', b[j]));
            j += 1;
        } else {
            ops.push(('-', a[i]));
            i += 1;
        }
    }
    // In each run of changes, each removed line next to the one added in
    // its place: a line that moved by a tenth of a point reads as a pair.
    let mut paired: Vec<(char, &str)> = Vec::with_capacity(ops.len());
    let mut k = 0;
    while k < ops.len() {
        if ops[k].0 == ' ' {
            paired.push(ops[k]);
            k += 1;
            continue;
        }
        let end = ops[k..]
            .iter()
            .position(|(c, _)| *c == ' ')
            .map_or(ops.len(), |p| k + p);
        let removed: Vec<_> = ops[k..end].iter().filter(|(c, _)| *c == '-').collect();
        let added: Vec<_> = ops[k..end].iter().filter(|(c, _)| *c == '+').collect();
        for n in 0..removed.len().max(added.len()) {
            paired.extend(removed.get(n).copied());
            paired.extend(added.get(n).copied());
        }
        k = end;
    }
    let ops = paired;
    let near = |k: usize| {
        ops[k.saturating_sub(2)..(k + 3).min(ops.len())]
            .iter()
            .any(|(c, _)| *c != ' ')
    };
    let mut out = Vec::new();
    let mut skipped = false;
    for (k, (c, line)) in ops.iter().enumerate() {
        if near(k) {
            if skipped && !out.is_empty() {
                out.push("  ...".to_owned());
            }
            skipped = false;
            out.push(format!("{c} {line}"));
        } else {
            skipped = true;
        }
    }
    if out.len() > 60 {
        let more = out.len() - 60;
        out.truncate(60);
        out.push(format!("  ... and {more} more lines"));
    }
    out.join("\n")
}
