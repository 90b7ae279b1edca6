//! `release-composer styles …`: the house styles there are, and a copy of a
//! built-in one to start a style of your own from.

use crate::error::{CliError, Result};
use clap::Subcommand;
use release_pipeline::{Styles, write_export};
use std::path::{Path, PathBuf};

/// `styles` and its subcommands; without one it lists.
#[derive(clap::Args)]
pub(crate) struct Args {
    #[command(subcommand)]
    command: Option<StylesCommand>,
}

#[derive(Subcommand)]
enum StylesCommand {
    /// List the house styles, built-in and the user's: name, a tab, a description.
    List,
    /// Copy the built-in style NAME into the new folder DIR, named after the
    /// folder, to edit into a style of your own. Put DIR in the user's styles
    /// folder and the app and `release-composer` find it by its name.
    #[command(
        after_help = "Example:\n  release-composer styles copy un ~/.local/share/release-composer/styles/ministry\n  $EDITOR ~/.local/share/release-composer/styles/ministry/style.toml"
    )]
    Copy { name: String, dir: PathBuf },
}

pub(crate) fn run(styles: &Styles, args: Args) -> Result {
    match args.command.unwrap_or(StylesCommand::List) {
        StylesCommand::List => list(styles),
        StylesCommand::Copy { name, dir } => copy(&name, &dir),
    }
}

fn list(styles: &Styles) -> Result {
    let mut failures = Vec::new();
    for name in styles.names() {
        match styles.get(&name) {
            Ok(style) => println!("{}\t{}", style.name, style.description),
            Err(e) => failures.push(CliError::from(e)),
        }
    }
    crate::error::last_of(failures)
}

fn copy(name: &str, dir: &Path) -> Result {
    let files = release_style::builtin_files(name)?;
    let taken = std::fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_some());
    if taken || dir.is_file() {
        return Err(CliError::Unreadable(format!(
            "{}: already exists and is not empty; nothing was copied",
            dir.display()
        )));
    }
    let new_name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| name.to_owned());
    for (relative, bytes) in files {
        let bytes = if relative == Path::new("style.toml") {
            let text = String::from_utf8_lossy(bytes);
            let renamed = text.replacen(
                &format!("name = \"{name}\""),
                &format!("name = \"{new_name}\""),
                1,
            );
            renamed.into_bytes()
        } else {
            bytes.to_vec()
        };
        write_export(&dir.join(&relative), &bytes)
            .map_err(|e| CliError::Unreadable(e.to_string()))?;
    }
    println!("{}", dir.display());
    Ok(())
}
