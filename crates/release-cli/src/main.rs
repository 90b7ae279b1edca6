//! `release-composer`: the command-line face of Release Composer. Everything
//! the desktop app does with a draft can be done here, without a window.

mod check;
mod drafts;
mod error;
mod export;
mod input;
mod output;
mod snippets;
mod styles;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// Exit codes, the same for every command.
pub(crate) mod exit {
    /// No errors.
    pub const OK: u8 = 0;
    /// The draft has validation errors (warnings alone exit 0).
    pub const INVALID: u8 = 1;
    /// The draft or a style cannot be read or parsed, or an output cannot be written.
    pub const UNREADABLE: u8 = 2;
}

#[derive(Parser)]
#[command(
    name = "release-composer",
    version,
    about = "Compose press releases in your organisation's house style and export them as PDF and DOCX.",
    after_help = "Examples:\n  release-composer example > launch.release.json\n  release-composer check launch.release.json\n  release-composer export launch.release.json --pdf launch.pdf --docx launch.docx"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print the example release (UNOCT, Dushanbe, 8 December 2021) as a draft.
    #[command(after_help = "Example:\n  release-composer example > example.release.json")]
    Example,
    /// The house styles: list them (built-in and the user's, in
    /// $RELEASE_COMPOSER_STYLES, else release-composer/styles in the platform's
    /// data folder, e.g. ~/.local/share/release-composer/styles), or copy a
    /// built-in one to start your own.
    #[command(
        after_help = "Examples:\n  release-composer styles\n  release-composer styles copy un ~/.local/share/release-composer/styles/ministry"
    )]
    Styles(styles::Args),
    /// Validate a draft and run its house style's checks: print
    /// `path: severity: message` for each finding.
    ///
    /// Exits 0 when there are no errors, 1 when there are, 2 when the file
    /// cannot be read or is not a draft.
    #[command(
        after_help = "Examples:\n  release-composer check launch.release.json\n  release-composer example | release-composer check -\n  release-composer check --json launch.release.json"
    )]
    Check {
        /// The draft file, or `-` for standard input.
        draft: PathBuf,
        /// Print a JSON array of {severity, code, path, message, fix?}.
        #[arg(long)]
        json: bool,
        /// Check against this house style (a built-in name or a style folder) instead of the draft's.
        #[arg(long, value_name = "NAME|DIR")]
        style: Option<String>,
        /// Check as if today were this date (default: today, UTC), for reproducible runs.
        #[arg(long, value_name = "YYYY-MM-DD")]
        today: Option<String>,
    },
    /// Work with the drafts library: the folder of drafts the desktop app keeps.
    ///
    /// Exits 0 on success, 2 when a draft or the library cannot be read or
    /// written (the message names the file).
    #[command(
        after_help = "Examples:\n  release-composer drafts list\n  release-composer drafts new --from-example\n  release-composer drafts show ID > launch.release.json\n  release-composer drafts save ID < launch.release.json\n  release-composer drafts history ID\n  release-composer drafts restore ID REVISION\n  release-composer drafts delete ID && release-composer drafts undelete ID\n  release-composer drafts add-photo ID launch.jpg --caption \"…\" --credit \"…\" --alt \"…\"\n  release-composer drafts export ID launch.release.zip\n  release-composer drafts import launch.release.zip\n  release-composer drafts list --library ~/Nextcloud/drafts"
    )]
    Drafts(drafts::Args),
    /// Work with the office's snippets: "About" paragraphs, notes to
    /// editors, closing lines and contacts, one file each in a folder
    /// ($RELEASE_COMPOSER_SNIPPETS, else release-composer/snippets in the
    /// platform's configuration folder) that colleagues may share.
    ///
    /// Exits 0 on success, 2 when a snippet or the folder cannot be read or
    /// written (the message names the snippet or the file).
    #[command(
        after_help = "Examples:\n  release-composer snippets list\n  release-composer snippets add --kind about --name \"About UNOCT\" --language en < about.txt\n  release-composer snippets add --kind contact --name \"Press office\" --contact-name \"Laurence Gerard\" --email gerardl@un.org\n  release-composer snippets show ID\n  release-composer snippets show --json ID\n  release-composer snippets delete ID\n  release-composer snippets list --snippets ~/Nextcloud/press-office/snippets"
    )]
    Snippets(snippets::Args),
    /// Export a draft in its house style: PDF, DOCX, the e-mail (.eml),
    /// the web page (.html), plain text; any combination.
    ///
    /// A draft with validation errors exports nothing and exits 1.
    #[command(
        after_help = "Examples:\n  release-composer export launch.release.json --pdf launch.pdf\n  release-composer export launch.release.json --docx launch.docx --style newswire\n  release-composer export launch.release.json --eml launch.eml --attach-pdf --from 'Laurence Gerard <gerardl@un.org>'\n  release-composer export launch.release.json --html launch.html --text launch.txt\n  release-composer export launch.release.json --pdf proof.pdf --pdf-standard none\n  release-composer export - --pdf out.pdf < launch.release.json"
    )]
    Export(export::Args),
}

/// `--pdf-standard`'s value.
fn main() -> ExitCode {
    let cli = Cli::parse();
    let styles = release_pipeline::Styles::for_user();
    let spelling = release_pipeline::Spelling::for_user();
    let result = match cli.command {
        Command::Example => {
            print!("{}", release_model::EXAMPLE_JSON);
            Ok(())
        }
        Command::Styles(args) => styles::run(&styles, args),
        Command::Check {
            draft,
            json,
            style,
            today,
        } => check::run(
            &styles,
            &spelling,
            &check::Request {
                draft: &draft,
                json,
                style: style.as_deref(),
                today: today.as_deref(),
            },
        ),
        Command::Drafts(args) => drafts::run(args, &styles, &spelling),
        Command::Snippets(args) => snippets::run(args),
        Command::Export(args) => export::run(&styles, &spelling, &args),
    };
    spelling.save_verdicts();
    match result {
        Ok(()) => ExitCode::from(exit::OK),
        Err(e) => {
            let message = e.to_string();
            if !message.is_empty() {
                eprintln!("release-composer: {message}");
            }
            ExitCode::from(e.exit_code())
        }
    }
}
