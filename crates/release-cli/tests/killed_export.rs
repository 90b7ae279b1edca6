//! An export killed at any moment leaves, under the file's final name,
//! either the file that was there before or the complete new one, never a
//! part of one. The test watches the export folder and kills the command
//! (SIGKILL, as a crash or a power cut would stop it) the moment anything
//! in the folder changes, which is when a non-atomic write would have
//! truncated the old file.

mod common;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The example release with its body repeated: a PDF of some ten pages, so
/// that writing it takes long enough to be interrupted.
fn long_draft() -> String {
    let mut draft: serde_json::Value =
        serde_json::from_str(release_model::EXAMPLE_JSON).expect("example");
    let body = draft["release"]["body"].as_array().expect("body").clone();
    let long: Vec<serde_json::Value> = (0..10).flat_map(|_| body.clone()).collect();
    draft["release"]["body"] = serde_json::Value::Array(long);
    serde_json::to_string(&draft).expect("json")
}

/// What is in `dir`: each file's name, size and modification time.
fn snapshot(dir: &Path) -> Vec<(String, u64, std::time::SystemTime)> {
    let mut all: Vec<_> = std::fs::read_dir(dir)
        .expect("list")
        .flatten()
        .filter_map(|e| {
            let m = e.metadata().ok()?;
            Some((
                e.file_name().to_string_lossy().into_owned(),
                m.len(),
                m.modified().ok()?,
            ))
        })
        .collect();
    all.sort();
    all
}

fn export(draft: &Path, pdf: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_release-composer"));
    command
        .args([
            "export",
            &draft.display().to_string(),
            "--pdf",
            &pdf.display().to_string(),
        ])
        .env("RELEASE_COMPOSER_STYLES", draft.with_file_name("no-styles"))
        .env("XDG_CACHE_HOME", env!("CARGO_TARGET_TMPDIR"))
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    command
}

#[test]
fn a_killed_export_leaves_the_old_file_or_the_whole_new_one() {
    let work = tempfile::tempdir().expect("tempdir");
    let draft = work.path().join("long.release.json");
    std::fs::write(&draft, long_draft()).expect("draft");
    let exports = work.path().join("exports");
    std::fs::create_dir(&exports).expect("mkdir");

    let reference = work.path().join("reference.pdf");
    let status = export(&draft, &reference).status().expect("runs");
    assert!(status.success(), "the long draft exports");
    let new = std::fs::read(&reference).expect("reference");
    assert!(
        new.len() > 40_000,
        "{} bytes: too small to interrupt",
        new.len()
    );

    let target = exports.join("release.pdf");
    let old = b"%PDF-1.7 the file the export replaces".to_vec();
    let (mut kept_old, mut got_new) = (0, 0);
    for round in 0..12 {
        std::fs::write(&target, &old).expect("old file");
        let before = snapshot(&exports);
        let mut child = export(&draft, &target).spawn().expect("starts");
        let deadline = Instant::now() + Duration::from_secs(60);
        // Kill at the first change in the folder (a temporary file appears,
        // or the target itself changes), or when the command ends.
        loop {
            if snapshot(&exports) != before {
                let _ = child.kill();
                break;
            }
            if child.try_wait().expect("wait").is_some() {
                break;
            }
            assert!(Instant::now() < deadline, "round {round}: the export hangs");
        }
        let _ = child.wait();
        let now = std::fs::read(&target).expect("the target is still there");
        if now == old {
            kept_old += 1;
        } else if now == new {
            got_new += 1;
        } else {
            panic!(
                "round {round}: {} holds {} bytes, neither the old file nor the new one",
                target.display(),
                now.len()
            );
        }
    }
    // The kill landed inside the write at least once: otherwise this test
    // proved nothing about it.
    assert!(
        kept_old > 0,
        "no kill landed before the rename ({got_new} completed)"
    );
}
