//! `release-composer check`: validation and the house style's checks, as
//! lines or JSON, and the exit code.

use crate::error::{CliError, Result};
use crate::input;
use release_pipeline::{Spelling, Styles, has_errors};
use std::path::Path;

/// What `check` was asked to do.
pub(crate) struct Request<'a> {
    pub draft: &'a Path,
    pub json: bool,
    pub style: Option<&'a str>,
    pub today: Option<&'a str>,
}

pub(crate) fn run(styles: &Styles, spelling: &Spelling, request: &Request) -> Result {
    let today = input::today(request.today)?;
    let input = input::read(request.draft)?;
    let style = input::style(styles, &input, request.style)?;
    let findings = input::findings(&input, &style, today, spelling);
    // Why spelling was not checked, or with what, on stderr: not a finding.
    if let Ok(style) = &style
        && style.checks.misspelling.enabled
    {
        match spelling.checker(&input.loaded.draft.language, &style.spelling) {
            Ok(checker) => {
                if let Some(note) = checker.note() {
                    eprintln!("note: {note}");
                }
            }
            Err(unavailable) => eprintln!("note: {unavailable}"),
        }
    }
    if request.json {
        let text = serde_json::to_string_pretty(&findings)
            .map_err(|e| CliError::Unreadable(e.to_string()))?;
        println!("{text}");
    } else {
        for finding in &findings {
            println!("{finding}");
        }
    }
    if has_errors(&findings) {
        // The JSON says so itself; a line on stderr would only be noise there.
        let message = if request.json {
            String::new()
        } else {
            format!("{}: has errors", input.name)
        };
        return Err(CliError::Invalid(message));
    }
    Ok(())
}
