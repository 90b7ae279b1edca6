//! The app's commands are listed in four places that must agree: `build.rs`
//! (which makes a permission for each), `generate_handler!` in `lib.rs`
//! (which makes them callable), the window's capability (which grants
//! them) and `ui/src/lib/ipc.ts` (the frontend's one door to them). A
//! command missing from any of them is unreachable or ungranted; this test
//! names the place.

use std::collections::BTreeSet;
use std::path::Path;

fn read(relative: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The text between `start` and the next `end` after it.
fn between<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
    let from = text.find(start).unwrap_or_else(|| panic!("no `{start}`")) + start.len();
    let to = text[from..]
        .find(end)
        .unwrap_or_else(|| panic!("no `{end}` after `{start}`"));
    &text[from..from + to]
}

/// Every `"…"` string in `text`.
fn quoted(text: &str) -> impl Iterator<Item = &str> {
    text.split('"').skip(1).step_by(2)
}

fn built() -> BTreeSet<String> {
    let build = read("build.rs");
    quoted(between(&build, "const COMMANDS: &[&str] = &[", "];"))
        .map(str::to_owned)
        .collect()
}

fn handled() -> BTreeSet<String> {
    let lib = read("src/lib.rs");
    between(&lib, "generate_handler![", "]")
        .split(',')
        .filter_map(|path| path.trim().rsplit("::").next())
        .filter(|name| !name.is_empty())
        .map(str::to_owned)
        .collect()
}

fn granted() -> BTreeSet<String> {
    let capability: serde_json::Value = serde_json::from_str(&read("capabilities/main.json"))
        .expect("capabilities/main.json is JSON");
    capability["permissions"]
        .as_array()
        .expect("permissions")
        .iter()
        .filter_map(|p| p.as_str())
        .filter_map(|p| p.strip_prefix("allow-"))
        .map(|p| p.replace('-', "_"))
        .collect()
}

fn called() -> BTreeSet<String> {
    let ipc = read("../ui/src/lib/ipc.ts");
    // `call<T>("name", …)`: the generic argument may hold `<…>` itself.
    ipc.split("call<")
        .skip(1)
        .filter_map(|rest| rest.split_once(">(\"").map(|(_, after)| after))
        .filter_map(|after| after.split('"').next())
        .map(str::to_owned)
        .collect()
}

#[test]
fn every_command_is_built_handled_granted_and_called() {
    let built = built();
    assert!(built.len() > 20, "build.rs lists {} commands", built.len());
    for (place, names) in [
        ("generate_handler! in src/lib.rs", handled()),
        ("capabilities/main.json", granted()),
        ("ui/src/lib/ipc.ts", called()),
    ] {
        let missing: Vec<_> = built.difference(&names).collect();
        let extra: Vec<_> = names.difference(&built).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{place} disagrees with build.rs: missing {missing:?}, not in build.rs {extra:?}"
        );
    }
}
