//! What the About window shows: the version, where drafts are kept, the
//! bundled fonts' licences and the licences of every package built into the
//! app. The package list is generated, never hand-copied: `licences.json` is
//! written from `cargo metadata --locked` (the crates the app's binary links
//! on Linux) and `ui/package-lock.json` (the npm packages bundled into the
//! window), committed, and embedded here. The test fails when it is stale;
//! `UPDATE_LICENCES=1 cargo test -p release-composer-app licences` (or
//! `make licences`) writes it anew.

use crate::state::AppState;
use crate::types::{About, Dependencies, FontLicence};

/// The generated list of packages and their licences.
const LICENCES_JSON: &str = include_str!("../licences.json");

/// The packages built into the app, as generated.
pub fn dependencies() -> Dependencies {
    serde_json::from_str(LICENCES_JSON).unwrap_or(Dependencies {
        crates: Vec::new(),
        npm: Vec::new(),
    })
}

/// Everything the About window shows.
pub fn about(state: &AppState, name: &str, version: &str) -> About {
    let mut fonts: Vec<FontLicence> = Vec::new();
    for style in release_style::builtin_names() {
        let Ok(style) = state.styles.get(style) else {
            continue;
        };
        let families = std::iter::once((&style.fonts.family, &style.licence))
            .chain(style.fallback.iter().map(|f| (&f.family, &f.licence)));
        for (family, licence) in families {
            match fonts
                .iter_mut()
                .find(|f| &f.family == family && &f.licence == licence)
            {
                Some(font) => font.style = format!("{}, {}", font.style, style.name),
                None => fonts.push(FontLicence {
                    style: style.name.clone(),
                    family: family.clone(),
                    licence: licence.clone(),
                }),
            }
        }
    }
    About {
        name: name.to_owned(),
        version: version.to_owned(),
        library_dir: state.library.dir().display().to_string(),
        settings_file: state.settings_file.display().to_string(),
        fonts,
        dependencies: dependencies(),
    }
}

#[cfg(test)]
mod tests {
    use crate::types::{Dependencies, PackageLicence};
    use serde_json::Value;
    use std::collections::{BTreeMap, BTreeSet};
    use std::path::{Path, PathBuf};
    use std::process::Command;

    /// The platform whose build the list describes: the `.deb`'s.
    const TARGET: &str = "x86_64-unknown-linux-gnu";
    const APP: &str = "release-composer-app";

    fn text(v: &Value, key: &str) -> String {
        v.get(key)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned()
    }

    /// Every registry crate the app's binary links: the app's normal
    /// dependencies, transitively (not build scripts, tests or procedural
    /// macros), for TARGET.
    fn crates(root: &Path) -> Vec<PackageLicence> {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
        let out = Command::new(cargo)
            .args([
                "metadata",
                "--format-version",
                "1",
                "--locked",
                "--filter-platform",
                TARGET,
            ])
            .current_dir(root)
            .output()
            .expect("cargo metadata runs");
        assert!(
            out.status.success(),
            "cargo metadata failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let meta: Value = serde_json::from_slice(&out.stdout).expect("cargo metadata JSON");
        let packages: BTreeMap<String, &Value> = meta["packages"]
            .as_array()
            .expect("packages")
            .iter()
            .map(|p| (text(p, "id"), p))
            .collect();
        let nodes: BTreeMap<String, &Value> = meta["resolve"]["nodes"]
            .as_array()
            .expect("resolve nodes")
            .iter()
            .map(|n| (text(n, "id"), n))
            .collect();
        let app = packages
            .values()
            .find(|p| text(p, "name") == APP && p["source"].is_null())
            .map(|p| text(p, "id"))
            .expect("the app package");
        let (mut seen, mut todo) = (BTreeSet::new(), vec![app]);
        while let Some(id) = todo.pop() {
            if !seen.insert(id.clone()) {
                continue;
            }
            for dep in nodes[&id]["deps"].as_array().into_iter().flatten() {
                let normal = dep["dep_kinds"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .any(|k| k["kind"].is_null());
                // Procedural macros run in the compiler; neither they nor
                // what only they use end up in the binary.
                let pkg = text(dep, "pkg");
                let proc_macro = packages[&pkg]["targets"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .any(|t| {
                        t["kind"]
                            .as_array()
                            .into_iter()
                            .flatten()
                            .any(|k| k == "proc-macro")
                    });
                if normal && !proc_macro {
                    todo.push(pkg);
                }
            }
        }
        let mut list: Vec<PackageLicence> = seen
            .iter()
            .map(|id| packages[id])
            .filter(|p| !p["source"].is_null())
            .map(|p| PackageLicence {
                name: text(p, "name"),
                version: text(p, "version"),
                licence: match text(p, "license") {
                    l if l.is_empty() => format!("see {}", text(p, "license_file")),
                    l => l,
                },
            })
            .collect();
        list.sort();
        list.dedup();
        list
    }

    /// The npm packages bundled into the window: ui/package-lock.json's
    /// packages that are neither development-only nor optional (optional ones
    /// are native builds for Node, not bundled).
    fn npm(root: &Path) -> Vec<PackageLicence> {
        let lock = std::fs::read_to_string(root.join("ui/package-lock.json"))
            .expect("ui/package-lock.json");
        let lock: Value = serde_json::from_str(&lock).expect("package-lock JSON");
        let mut list: Vec<PackageLicence> = lock["packages"]
            .as_object()
            .expect("lockfile v3 packages")
            .iter()
            .filter(|(key, _)| !key.is_empty())
            .filter(|(_, p)| {
                ["dev", "devOptional", "optional"]
                    .iter()
                    .all(|flag| !p[*flag].as_bool().unwrap_or(false))
            })
            .map(|(key, p)| PackageLicence {
                name: key.rsplit("node_modules/").next().unwrap_or(key).to_owned(),
                version: text(p, "version"),
                licence: match text(p, "license") {
                    l if l.is_empty() => "unknown".to_owned(),
                    l => l,
                },
            })
            .collect();
        list.sort();
        list.dedup();
        list
    }

    #[test]
    fn licences_are_up_to_date() {
        let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let root = manifest.parent().expect("workspace root");
        let fresh = Dependencies {
            crates: crates(root),
            npm: npm(root),
        };
        let json = serde_json::to_string_pretty(&fresh).expect("serialises") + "\n";
        let committed = manifest.join("licences.json");
        if std::env::var_os("UPDATE_LICENCES").is_some() {
            std::fs::write(&committed, json).expect("writes licences.json");
            return;
        }
        assert!(
            ["tauri", "hayro"]
                .iter()
                .all(|name| fresh.crates.iter().any(|c| c.name == *name)),
            "tauri and hayro are listed"
        );
        assert!(
            fresh.npm.iter().any(|c| c.name == "@tiptap/core"),
            "TipTap is listed"
        );
        assert!(
            std::fs::read_to_string(&committed).unwrap_or_default() == json,
            "src-tauri/licences.json is stale: run UPDATE_LICENCES=1 cargo test -p release-composer-app licences (or make licences)"
        );
    }
}
