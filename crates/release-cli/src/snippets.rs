//! `release-composer snippets …`: the office's snippets library from a
//! terminal ("About" paragraphs, notes to editors, closing lines, contacts),
//! the same folder and files as `release_snippets`. Each subcommand is one
//! library call and a few lines of reading or printing.

use crate::error::{CliError, Result};
use clap::Subcommand;
use release_model::Contact;
use release_snippets::{
    Content, Kind, Listed, MAX_SNIPPET_BYTES, Snippet, Snippets, content_from_json,
    default_snippets_dir, paragraphs, to_json,
};
use std::io::Read;
use std::path::PathBuf;

/// What messages call standard input.
const STDIN: &str = "<standard input>";

/// What a contact snippet is made from.
const CONTACT_NEEDS: &str = "a contact snippet needs --contact-name, --title, --organization, --email or --phone (or --json with the contact on standard input)";

/// `snippets` and its options.
#[derive(clap::Args)]
pub(crate) struct Args {
    /// The snippets folder [default: $RELEASE_COMPOSER_SNIPPETS, else
    /// release-composer/snippets in the platform's configuration folder, e.g.
    /// ~/.config/release-composer/snippets].
    #[arg(long, value_name = "DIR", global = true)]
    snippets: Option<PathBuf>,
    #[command(subcommand)]
    command: SnippetsCommand,
}

#[derive(Subcommand)]
enum SnippetsCommand {
    /// List the snippets by kind, then name: id, kind, language (`-` for
    /// any), name, tab-separated; a sync tool's conflicting copy adds
    /// `conflicting copy of ID`. Damaged files say what is wrong.
    #[command(
        after_help = "Examples:\n  release-composer snippets list\n  release-composer snippets list --json\n  release-composer snippets list --snippets ~/Nextcloud/press-office/snippets"
    )]
    List {
        /// Print a JSON array of {id, kind, name, language, modified,
        /// revision, conflict_of, damage}.
        #[arg(long)]
        json: bool,
    },
    /// Add a snippet and print its id. An about, notes or closing snippet's
    /// text is read from standard input, blank lines separating paragraphs;
    /// a contact's fields come from the options.
    #[command(
        after_help = "Examples:\n  release-composer snippets add --kind about --name \"About UNOCT\" --language en < about-unoct.txt\n  echo \"For more information, visit un.org.\" | release-composer snippets add --kind closing --name \"More information\" --language en\n  release-composer snippets add --kind contact --name \"Press office\" --contact-name \"Laurence Gerard\" --title \"Public Information Officer\" --organization \"UNOCT\" --email gerardl@un.org --phone \"+1 917 367 2451\"\n  release-composer snippets add --kind notes --name \"Notes\" --json < blocks.json"
    )]
    Add(AddArgs),
    /// Print a snippet: its paragraphs separated by blank lines, or a
    /// contact's fields one per line; `--json` prints its file.
    #[command(
        after_help = "Examples:\n  release-composer snippets show about-20261201-k3f9qz\n  release-composer snippets show --json about-20261201-k3f9qz > about.snippet.json\n  release-composer snippets show \"about-unoct (conflicted copy 2026-12-01).snippet.json\""
    )]
    Show {
        /// The snippet's id, or a conflicting copy's file name, as listed.
        id: String,
        /// Print the snippet's file (JSON) instead of its text.
        #[arg(long)]
        json: bool,
    },
    /// Move a snippet to the trash (the `.trash` folder inside the snippets folder).
    #[command(after_help = "Example:\n  release-composer snippets delete about-20261201-k3f9qz")]
    Delete {
        /// The snippet's id, or a conflicting copy's file name, as listed.
        id: String,
    },
}

/// `snippets add`'s options.
#[derive(clap::Args)]
struct AddArgs {
    /// about, notes (notes to editors), closing or contact.
    #[arg(long, value_parser = parse_kind)]
    kind: Kind,
    /// The name the library shows, e.g. "About UNOCT".
    #[arg(long)]
    name: String,
    /// The language tag of the text (en, fr, ar-EG); empty for any language.
    #[arg(long, default_value = "")]
    language: String,
    /// Read the content from standard input as JSON: a list of blocks
    /// ([{"type":"paragraph","content":[{"text":"…"}]}]) or, for a contact,
    /// {"name","title","organization","email","phone"}.
    #[arg(long)]
    json: bool,
    /// A contact's name.
    #[arg(long, value_name = "NAME")]
    contact_name: Option<String>,
    /// A contact's job title.
    #[arg(long)]
    title: Option<String>,
    /// A contact's organisation.
    #[arg(long)]
    organization: Option<String>,
    /// A contact's e-mail address.
    #[arg(long)]
    email: Option<String>,
    /// A contact's telephone number.
    #[arg(long)]
    phone: Option<String>,
}

/// Runs a `snippets` subcommand: exit 0 when it did what was asked, 2 when
/// it could not (the message names the snippet, the file or the option).
pub(crate) fn run(args: Args) -> Result {
    let dir = args.snippets.map_or_else(default_snippets_dir, Ok)?;
    let snippets = Snippets::open(&dir)?;
    match args.command {
        SnippetsCommand::List { json } => list(&snippets.list()?, json),
        SnippetsCommand::Add(add_args) => add(&snippets, add_args),
        SnippetsCommand::Show { id, json } => {
            let opened = snippets.get(&id)?;
            if json {
                print!("{}", to_json(&opened.snippet));
            } else {
                println!("{}", opened.snippet.text());
            }
            Ok(())
        }
        SnippetsCommand::Delete { id } => {
            let trashed = snippets.delete(&id)?;
            println!("{id}: moved to the trash ({})", trashed.display());
            Ok(())
        }
    }
}

fn parse_kind(name: &str) -> std::result::Result<Kind, String> {
    name.parse()
        .map_err(|_| "expected about, notes, closing or contact".to_owned())
}

fn add(snippets: &Snippets, args: AddArgs) -> Result {
    let content = content(&args)?;
    let snippet = Snippet::new(args.name, args.language, content);
    for warning in snippet.warnings() {
        eprintln!("release-composer: {warning}");
    }
    let saved = snippets.add(&snippet)?;
    println!("{}", saved.id);
    Ok(())
}

/// The content `add` was given: standard input for text kinds (or JSON),
/// the contact options (or JSON) for a contact.
fn content(args: &AddArgs) -> Result<Content> {
    let contact_options = [
        &args.contact_name,
        &args.title,
        &args.organization,
        &args.email,
        &args.phone,
    ];
    let has_contact_options = contact_options.iter().any(|o| o.is_some());
    if args.kind == Kind::Contact && !args.json {
        if !has_contact_options {
            return Err(CliError::Unreadable(CONTACT_NEEDS.to_owned()));
        }
        let field = |o: &Option<String>| o.clone().unwrap_or_default();
        return Ok(Content::Contact(Contact {
            name: field(&args.contact_name),
            title: field(&args.title),
            organization: field(&args.organization),
            email: field(&args.email),
            phone: field(&args.phone),
            ..Contact::default()
        }));
    }
    if has_contact_options {
        let what = if args.kind == Kind::Contact {
            "with --json, the contact comes from standard input"
        } else {
            "they are for --kind contact"
        };
        return Err(CliError::Unreadable(format!(
            "--contact-name, --title, --organization, --email and --phone: {what}"
        )));
    }
    let text = read_stdin()?;
    let content = if args.json {
        content_from_json(args.kind, &text)
            .map_err(|e| CliError::Unreadable(format!("{STDIN}: {e}")))?
    } else {
        Content::of_blocks(args.kind, paragraphs(&text))
            .ok_or_else(|| CliError::Unreadable(CONTACT_NEEDS.to_owned()))?
    };
    if content.blocks().is_some_and(<[_]>::is_empty) {
        return Err(CliError::Unreadable(format!(
            "{STDIN}: no text; write the snippet's paragraphs, separated by blank lines"
        )));
    }
    Ok(content)
}

/// Standard input as text, refused when larger than a snippet may be or
/// not UTF-8.
fn read_stdin() -> Result<String> {
    let unreadable = |message: String| CliError::Unreadable(format!("{STDIN}: {message}"));
    let mut bytes = Vec::new();
    std::io::stdin()
        .take(MAX_SNIPPET_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| unreadable(format!("cannot be read: {e}")))?;
    if bytes.len() as u64 > MAX_SNIPPET_BYTES {
        return Err(unreadable(format!(
            "larger than {} MiB; a snippet is not",
            MAX_SNIPPET_BYTES / 1024 / 1024
        )));
    }
    String::from_utf8(bytes).map_err(|e| {
        unreadable(format!(
            "not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        ))
    })
}

fn list(listed: &[Listed], json: bool) -> Result {
    if json {
        return crate::output::print_json(listed);
    }
    for e in listed {
        let mut line = match (&e.damage, e.kind) {
            (None, Some(kind)) => {
                let language = if e.language.is_empty() {
                    "-"
                } else {
                    &e.language
                };
                format!("{}\t{kind}\t{language}\t{}", e.id, one_line(&e.name))
            }
            (damage, _) => {
                let (code, reason) = damage
                    .as_ref()
                    .map_or(("damaged", ""), |d| (d.code.as_str(), d.reason.as_str()));
                format!("{}\tdamaged\t{code}\t{}", e.id, one_line(reason))
            }
        };
        if let Some(original) = &e.conflict_of {
            line.push_str(&format!("\tconflicting copy of {original}"));
        }
        println!("{line}");
    }
    Ok(())
}

/// Text for one column of one line: tabs, line breaks and other control
/// characters (possible in a file edited by hand) become spaces.
fn one_line(text: &str) -> String {
    text.replace(char::is_control, " ")
}
