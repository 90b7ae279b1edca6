//! `release-composer check`: validation and the house style's checks, as
//! lines or JSON, and the exit code.

use crate::exit;
use crate::input;
use release_model::Date;
use std::path::Path;

pub(crate) fn run(path: &Path, json: bool, style: Option<&str>, today: Option<&str>) -> u8 {
    let today = match today.map(|t| Date::parse(t.trim())) {
        None => input::today_utc(),
        Some(Ok(date)) => date,
        Some(Err(message)) => {
            eprintln!("release-composer: --today: {message}");
            return exit::UNREADABLE;
        }
    };
    let input = match input::read(path) {
        Ok(input) => input,
        Err(message) => {
            eprintln!("release-composer: {message}");
            return exit::UNREADABLE;
        }
    };
    let mut findings = input::findings(&input);
    let style = match input::style(&input, style, &mut findings) {
        Ok(style) => style,
        Err(message) => {
            eprintln!("release-composer: {message}");
            return exit::UNREADABLE;
        }
    };
    findings.extend(input::lint(&input, style.as_ref(), today));
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
