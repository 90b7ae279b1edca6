//! The crash test: a child process saves drafts (and autosaves, and lists)
//! as fast as it can; the test kills it with SIGKILL at random moments, at
//! least 200 times, and after every kill checks that every draft file, every
//! recovery copy and every history snapshot is complete and equal to one of
//! the versions being written. Zero corrupted or empty files are allowed.
//!
//! The child is this test binary itself, started again to run the ignored
//! test `crash_child` with the library folder in an environment variable.

mod common;

use release_drafts::{Library, Template};
use release_model::{Draft, example, to_json};
use std::collections::HashSet;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use std::{env, fs};

/// Names the library folder for the child.
const CHILD_ENV: &str = "RELEASE_DRAFTS_CRASH_DIR";
/// Drafts the child saves in turn.
const IDS: [&str; 3] = ["alpha", "beta", "gamma"];
/// At least this many kills.
const KILLS: usize = 200;
/// What the child prints once the library is open (on a line of its own,
/// since the test harness prints the test's name before it).
const READY: &str = "crash-child-ready";
/// A child whose parent died stops by itself after this long.
const CHILD_LIFETIME: Duration = Duration::from_secs(20);

/// The versions the child writes: from a blank draft to one of some 300 KB,
/// so that kills land in the middle of writes of every size.
fn versions() -> Vec<Draft> {
    let base = example();
    let mut versions = vec![Draft::default()];
    for (n, repeat) in [0usize, 1, 5, 20, 80].into_iter().enumerate() {
        let mut draft = base.clone();
        draft.release.headline = format!("Version {n}");
        let body = draft.release.body.clone();
        for _ in 0..repeat {
            draft.release.body.extend(body.iter().cloned());
        }
        versions.push(draft);
    }
    versions
}

#[test]
#[ignore = "the child process of the crash test; started by it, never alone"]
fn crash_child() {
    let Some(dir) = env::var_os(CHILD_ENV) else {
        return;
    };
    let library = Library::open(dir).expect("child opens the library");
    let versions = versions();
    println!("\n{READY}");
    let mut rng = fastrand::Rng::new();
    let started = Instant::now();
    for round in 0.. {
        if started.elapsed() > CHILD_LIFETIME {
            return;
        }
        let id = IDS[round % IDS.len()];
        let version = &versions[rng.usize(..versions.len())];
        library.save(id, version, None).expect("child saves");
        if round % 3 == 0 {
            let typing = &versions[rng.usize(..versions.len())];
            library.autosave(id, typing).expect("child autosaves");
        }
        if round % 10 == 0 {
            library.list().expect("child lists");
        }
        if round % 25 == 0 {
            library.create(Template::Example).expect("child creates");
        }
    }
}

/// Everything found wrong after a kill (empty when all is well), and the
/// temporary files that killed writers left behind.
fn check(dir: &Path, expected: &HashSet<Vec<u8>>) -> (Vec<String>, HashSet<String>) {
    let mut problems = Vec::new();
    let mut temps = HashSet::new();
    let mut check_file = |path: &Path| match fs::read(path) {
        Ok(bytes) if expected.contains(&bytes) => {}
        Ok(bytes) => problems.push(format!(
            "{}: {} bytes that are none of the versions",
            path.display(),
            bytes.len()
        )),
        Err(e) => problems.push(format!("{}: {e}", path.display())),
    };
    let state = dir.join(".release-composer");
    let mut folders = vec![dir.to_owned(), state.join("recovery")];
    if let Ok(histories) = fs::read_dir(state.join("history")) {
        folders.extend(histories.flatten().map(|e| e.path()));
    }
    for folder in folders {
        let Ok(entries) = fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') && name.ends_with(".tmp") {
                temps.insert(format!("{}/{name}", folder.display()));
            } else if name.ends_with(".release.json") {
                check_file(&entry.path());
            }
        }
    }
    let index_is_json = fs::read(state.join("index.json"))
        .map(|index| serde_json::from_slice::<serde_json::Value>(&index).is_ok())
        .unwrap_or(true);
    if !index_is_json {
        problems.push("index.json is not JSON".to_owned());
    }
    (problems, temps)
}

#[test]
fn sigkill_during_saves_never_leaves_a_broken_draft() {
    let dir = tempfile::tempdir().expect("temp dir");
    let library = Library::open(dir.path()).expect("opens");
    let versions = versions();
    for id in IDS {
        library.save(id, &versions[0], None).expect("first save");
    }
    let expected: HashSet<Vec<u8>> = versions
        .iter()
        .map(|v| to_json(v).into_bytes())
        .chain([release_model::EXAMPLE_JSON.as_bytes().to_vec()])
        .collect();
    let exe = env::current_exe().expect("test binary");
    let started = Instant::now();
    let mut rng = fastrand::Rng::with_seed(20_211_208);
    let (mut kills, mut kills_mid_write, mut changes) = (0, 0, 0);
    let mut last_state: Vec<Vec<u8>> = Vec::new();
    let mut temps_seen = HashSet::new();
    while kills < KILLS {
        let mut child = Command::new(&exe)
            .args(["crash_child", "--exact", "--ignored", "--nocapture"])
            .args(["--test-threads", "1"])
            .env(CHILD_ENV, dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("starts the child");
        let stdout = child.stdout.take().expect("child stdout");
        let ready = BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
            .any(|line| line == READY);
        assert!(ready, "the child never got ready");
        std::thread::sleep(Duration::from_micros(rng.u64(0..30_000)));
        child.kill().expect("SIGKILL");
        let status = child.wait().expect("reaped");
        assert!(
            !status.success(),
            "the child died by the signal, not by itself"
        );
        kills += 1;

        let (problems, temps) = check(dir.path(), &expected);
        assert!(
            problems.is_empty(),
            "after kill {kills}: {}",
            problems.join("\n")
        );
        let new_temps = temps.difference(&temps_seen).count();
        if new_temps > 0 {
            kills_mid_write += 1;
            temps_seen.extend(temps);
        }
        let state: Vec<Vec<u8>> = IDS
            .iter()
            .map(|id| fs::read(dir.path().join(format!("{id}.release.json"))).unwrap_or_default())
            .collect();
        if state != last_state {
            changes += 1;
            last_state = state;
        }
    }
    // Every draft still opens, and the library sees nothing damaged.
    let library = Library::open(dir.path()).expect("reopens");
    let listed = library.list().expect("lists");
    assert!(listed.iter().all(|e| e.damage.is_none()), "{listed:?}");
    for id in IDS {
        library.load(id).expect("loads");
        let history = library.history(id).expect("history");
        assert!(history.iter().all(|s| s.damage.is_none()));
    }
    eprintln!(
        "crash test: {kills} SIGKILLs in {:.1} s; {kills_mid_write} left a half-written temporary file behind; \
         the drafts changed between {changes} kills; {} drafts, 0 corrupted",
        started.elapsed().as_secs_f64(),
        listed.len()
    );
    assert!(
        kills_mid_write > 0,
        "no kill landed inside a write; the test proves nothing"
    );
    assert!(
        changes >= 10,
        "the child made too little progress: {changes}"
    );
}
