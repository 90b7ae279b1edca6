//! Running the `release-composer` binary as a user does, for the CLI tests.
// Each test file uses only part of this module.
#![allow(dead_code)]

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs `release-composer ARGS` with `stdin` on its standard input.
pub fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_release-composer"));
    command.args(args);
    finish(command, stdin)
}

/// Runs a prepared `release-composer` command with `stdin` on its standard
/// input, without the user's own house styles and dictionary (folders that
/// do not exist), unless the command names such folders itself.
pub fn finish(mut command: Command, stdin: &[u8]) -> Output {
    let none = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/no-user-styles");
    for variable in ["RELEASE_COMPOSER_STYLES", "XDG_CONFIG_HOME"] {
        if !command.get_envs().any(|(k, _)| k == variable) {
            command.env(variable, none);
        }
    }
    // Spelling verdicts are kept between the tests' runs, as between a
    // user's, in a folder of the build's own.
    if !command.get_envs().any(|(k, _)| k == "XDG_CACHE_HOME") {
        command.env("XDG_CACHE_HOME", env!("CARGO_TARGET_TMPDIR"));
    }
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("release-composer starts");
    let mut pipe = child.stdin.take().expect("stdin");
    let input = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    let output = child.wait_with_output().expect("release-composer finishes");
    writer.join().expect("stdin written");
    output
}

/// Output bytes as text.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}
