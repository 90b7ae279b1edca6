//! `release-composer check`: findings as lines or JSON, and the exit code.

use crate::exit;
use crate::input;
use std::path::Path;

pub(crate) fn run(path: &Path, json: bool, style: Option<&str>) -> u8 {
    let input = match input::read(path) {
        Ok(input) => input,
        Err(message) => {
            eprintln!("release-composer: {message}");
            return exit::UNREADABLE;
        }
    };
    let mut findings = input::findings(&input);
    if let Err(message) = input::style(&input, style, &mut findings) {
        eprintln!("release-composer: {message}");
        return exit::UNREADABLE;
    }
    if json {
        match serde_json::to_string_pretty(&findings) {
            Ok(text) => println!("{text}"),
            Err(e) => {
                eprintln!("release-composer: {e}");
                return exit::UNREADABLE;
            }
        }
    } else {
        for finding in &findings {
            println!("{finding}");
        }
    }
    if input::has_errors(&findings) {
        if !json {
            eprintln!("{}: has errors", input.name);
        }
        exit::INVALID
    } else {
        exit::OK
    }
}
