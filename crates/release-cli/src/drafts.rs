//! `release-composer drafts …`: the drafts library from a terminal, the same
//! library the desktop app keeps (`release_drafts`). Each subcommand is one
//! library call and a few lines of printing.

use crate::error::{CliError, Result};
use crate::input;
use clap::Subcommand;
use release_drafts::{DraftsError, Entry, Library, Revision, Template, default_library_dir};
use release_model::{Photo, Run, Severity};
use release_pipeline::{ExportOptions, Format, PipelineError, Spelling, Styles};
use std::path::{Path, PathBuf};

/// `drafts` and its options.
#[derive(clap::Args)]
pub(crate) struct Args {
    /// The library folder [default: $RELEASE_COMPOSER_LIBRARY, else
    /// release-composer/drafts in the platform's data folder, e.g.
    /// ~/.local/share/release-composer/drafts].
    #[arg(long, value_name = "DIR", global = true)]
    library: Option<PathBuf>,
    #[command(subcommand)]
    command: DraftsCommand,
}

#[derive(Subcommand)]
enum DraftsCommand {
    /// List the drafts, most recently modified first: id, modified (UTC),
    /// words, kind and title, tab-separated. Damaged drafts say what is wrong.
    #[command(
        after_help = "Examples:\n  release-composer drafts list\n  release-composer drafts list --json\n  release-composer drafts list --library ~/Nextcloud/drafts"
    )]
    List {
        /// Print a JSON array of {id, modified, size, summary, damage,
        /// group}: `group` is the draft's edition group (the id of the
        /// release's first draft), `summary.language` its language.
        #[arg(long)]
        json: bool,
    },
    /// Create a draft and print its id.
    #[command(
        after_help = "Examples:\n  release-composer drafts new\n  id=$(release-composer drafts new --from-example)"
    )]
    New {
        /// Start from the example release instead of a blank one.
        #[arg(long)]
        from_example: bool,
    },
    /// Make a language edition of a draft: a new draft in LANGUAGE linked
    /// to it, with its facts (date, embargo, reference, photos, contacts,
    /// style) and, to be translated, its text. Prints the new draft's id.
    #[command(
        after_help = "Examples:\n  release-composer drafts edition 20211208-k3f9qz --language fr\n  fr=$(release-composer drafts edition 20211208-k3f9qz --language fr)"
    )]
    Edition {
        id: String,
        /// The edition's language: en, fr, es, ru, ar or zh.
        #[arg(long, value_name = "LANGUAGE")]
        language: String,
    },
    /// Print a draft as JSON. For a language edition, standard error lists
    /// the parts still untranslated and those whose source changed since,
    /// with the changed words (`[-old-]{+new+}`).
    #[command(
        after_help = "Examples:\n  release-composer drafts show 20211208-k3f9qz > launch.release.json\n  release-composer drafts show --raw 20211208-k3f9qz"
    )]
    Show {
        id: String,
        /// Print the file exactly as it is on disk, even if it is damaged.
        #[arg(long)]
        raw: bool,
    },
    /// Save a draft read from standard input as draft ID (created if new),
    /// keeping the previous version in the history. Prints the new revision.
    #[command(
        after_help = "Examples:\n  release-composer drafts save 20211208-k3f9qz < launch.release.json\n  release-composer drafts show ID | jq '.release.headline = \"New\"' | release-composer drafts save ID"
    )]
    Save {
        id: String,
        /// Refuse to overwrite unless the draft is still at this revision (as
        /// printed by a previous save); on a conflict the input is saved as a
        /// new draft and both are kept.
        #[arg(long, value_name = "REVISION")]
        expect: Option<String>,
    },
    /// List the saved versions of a draft, newest first: revision, saved
    /// (UTC), words and title.
    #[command(after_help = "Example:\n  release-composer drafts history 20211208-k3f9qz")]
    History {
        id: String,
        /// Print a JSON array of {revision, saved, size, summary, damage}.
        #[arg(long)]
        json: bool,
    },
    /// Make an earlier version the current one. This is a new save, so it can
    /// itself be undone.
    #[command(
        after_help = "Example:\n  release-composer drafts restore 20211208-k3f9qz 20211208T100000123Z-9f86d081"
    )]
    Restore { id: String, revision: String },
    /// Move a draft to the trash (with its history).
    #[command(after_help = "Example:\n  release-composer drafts delete 20211208-k3f9qz")]
    Delete { id: String },
    /// List the drafts in the trash: id, deleted (UTC), title.
    #[command(after_help = "Example:\n  release-composer drafts trash")]
    Trash {
        /// Print a JSON array of {id, deleted, summary, damage}.
        #[arg(long)]
        json: bool,
    },
    /// Bring a draft back from the trash.
    #[command(after_help = "Example:\n  release-composer drafts undelete 20211208-k3f9qz")]
    Undelete { id: String },
    /// Delete everything in the trash for good.
    #[command(after_help = "Example:\n  release-composer drafts empty-trash")]
    EmptyTrash,
    /// Add a photo to a draft: the image (a JPEG or PNG) is checked, stored
    /// once in the library's assets folder, and named by the draft's new
    /// photo. Prints the photo's `file`.
    #[command(
        after_help = "Example:\n  release-composer drafts add-photo 20211208-k3f9qz launch.jpg --caption \"Delegates at the launch in Dushanbe.\" --credit \"Manuel Elías\" --alt \"Delegates seated around a long table.\""
    )]
    AddPhoto {
        id: String,
        /// The image file.
        image: PathBuf,
        /// Printed under the photo.
        #[arg(long, default_value = "")]
        caption: String,
        /// Who took or owns the photo; the style prints it with its credit pattern.
        #[arg(long, default_value = "")]
        credit: String,
        /// What the photo shows, for readers who cannot see it.
        #[arg(long, default_value = "")]
        alt: String,
    },
    /// Write a draft with its photos as one file (a draft package, a zip of
    /// `draft.release.json` and `photos/`), to hand to a colleague.
    #[command(
        after_help = "Example:\n  release-composer drafts export 20211208-k3f9qz launch.release.zip"
    )]
    Export { id: String, package: PathBuf },
    /// Bring a draft package (`NAME.release.zip`) or a draft file
    /// (`NAME.release.json`, its photos beside it) into the library as a new
    /// draft; prints its id. Unsafe or damaged packages are refused whole.
    #[command(
        after_help = "Examples:\n  release-composer drafts import launch.release.zip\n  release-composer drafts import ~/Downloads/launch.release.json"
    )]
    Import { file: PathBuf },
    /// Export every language edition of a draft's release into DIR, each in
    /// every format (or those of --formats), named with the date, the
    /// headline and the language code (`2021-12-08 Launch of ….fr.pdf`).
    /// Each edition's e-mail lists the others when its style asks for it.
    /// An edition with errors is not exported; the others are.
    #[command(
        after_help = "Examples:\n  release-composer drafts export-editions 20211208-k3f9qz out/\n  release-composer drafts export-editions 20211208-k3f9qz out/ --formats pdf,eml"
    )]
    ExportEditions {
        id: String,
        dir: PathBuf,
        /// Comma-separated: pdf, docx, eml, html, txt.
        #[arg(long, value_delimiter = ',', default_value = "pdf,docx,eml,html,txt")]
        formats: Vec<String>,
    },
    /// List the drafts whose title, headline or body hold every word given.
    #[command(after_help = "Example:\n  release-composer drafts search dushanbe counter-terrorism")]
    Search {
        #[arg(required = true)]
        words: Vec<String>,
    },
}

/// Runs a `drafts` subcommand: exit 0 when it did what was asked, 2 when it
/// could not (the message names the draft or file).
pub(crate) fn run(args: Args, styles: &Styles, spelling: &Spelling) -> Result {
    let dir = args.library.map_or_else(default_library_dir, Ok)?;
    let library = Library::open(&dir)?;
    match args.command {
        DraftsCommand::List { json } => print_entries(&library.list()?, json),
        DraftsCommand::New { from_example } => new(&library, from_example),
        DraftsCommand::Show { id, raw } => show(&library, &id, raw),
        DraftsCommand::Edition { id, language } => {
            let opened = library.new_edition(&id, &language)?;
            println!("{}", opened.id);
            Ok(())
        }
        DraftsCommand::Save { id, expect } => save(&library, &id, expect.as_deref()),
        DraftsCommand::History { id, json } => history(&library, &id, json),
        DraftsCommand::Restore { id, revision } => {
            let saved = library.restore_revision(&id, &revision, None)?;
            println!("{}", saved.revision);
            Ok(())
        }
        DraftsCommand::Delete { id } => {
            library.delete(&id)?;
            println!("{id}: moved to the trash");
            Ok(())
        }
        DraftsCommand::Trash { json } => trash(&library, json),
        DraftsCommand::Undelete { id } => {
            library.undelete(&id)?;
            println!("{id}: restored from the trash");
            Ok(())
        }
        DraftsCommand::EmptyTrash => {
            let n = library.empty_trash()?;
            println!("{n} draft(s) deleted for good");
            Ok(())
        }
        DraftsCommand::AddPhoto {
            id,
            image,
            caption,
            credit,
            alt,
        } => {
            let photo = Photo {
                caption: if caption.is_empty() {
                    Vec::new()
                } else {
                    vec![Run::plain(caption)]
                },
                credit,
                alt,
                ..Photo::default()
            };
            add_photo(&library, &id, &image, photo)
        }
        DraftsCommand::Export { id, package } => {
            let bytes = release_pipeline::export_package(&library, &id)?;
            release_pipeline::write_export(&package, &bytes)?;
            println!("{}", package.display());
            Ok(())
        }
        DraftsCommand::Import { file } => import(&library, &file),
        DraftsCommand::ExportEditions { id, dir, formats } => {
            export_editions(&library, &id, &dir, &formats, styles, spelling)
        }
        DraftsCommand::Search { words } => print_entries(&library.search(&words.join(" "))?, false),
    }
}

fn export_editions(
    library: &Library,
    id: &str,
    dir: &Path,
    formats: &[String],
    styles: &Styles,
    spelling: &Spelling,
) -> Result {
    let formats = formats
        .iter()
        .map(|name| {
            Format::ALL
                .into_iter()
                .find(|f| f.extension() == name.trim().to_ascii_lowercase())
                .ok_or_else(|| {
                    CliError::Unreadable(format!(
                        "--formats: `{name}` is not one of pdf, docx, eml, html, txt"
                    ))
                })
        })
        .collect::<Result<Vec<Format>>>()?;
    std::fs::create_dir_all(dir)
        .map_err(|e| CliError::Unreadable(format!("{}: cannot be made: {e}", dir.display())))?;
    let editions =
        release_pipeline::prepare_editions(library, id, styles, input::today_utc(), spelling)?;
    let mut failures = Vec::new();
    for edition in editions {
        let who = format!("draft `{}` ({})", edition.id, edition.language);
        let prepared = match edition.prepared {
            Ok(prepared) => prepared,
            Err(PipelineError::Refused { findings }) => {
                for finding in findings.iter().filter(|f| f.severity == Severity::Error) {
                    eprintln!("{who}: {finding}");
                }
                failures.push(CliError::Invalid(format!(
                    "{who}: not exported: fix its errors first"
                )));
                continue;
            }
            Err(e) => {
                failures.push(CliError::from(e).about(&who));
                continue;
            }
        };
        let options = ExportOptions {
            other_editions: edition.other_editions,
            ..ExportOptions::default()
        };
        for &format in &formats {
            let path = dir.join(release_pipeline::edition_file_name(&prepared.draft, format));
            let written = prepared
                .render_with(format, &options)
                .and_then(|output| release_pipeline::write_export(&path, &output.bytes));
            match written {
                Ok(()) => println!("{}", path.display()),
                Err(e) => failures.push(CliError::from(e).about(&who)),
            }
        }
    }
    crate::error::last_of(failures)
}

fn add_photo(library: &Library, id: &str, image: &Path, mut photo: Photo) -> Result {
    let mut opened = library.load(id)?;
    photo.file = release_pipeline::add_photo(library, image)?;
    println!("{}", photo.file);
    opened.draft.release.photos.push(photo);
    library.save(id, &opened.draft, Some(&opened.revision))?;
    Ok(())
}

fn import(library: &Library, file: &Path) -> Result {
    let name = file.display().to_string();
    let opened = if name.ends_with(release_pipeline::PACKAGE_EXTENSION) {
        let bytes = std::fs::read(file)
            .map_err(|e| CliError::Unreadable(format!("{name}: cannot be read: {e}")))?;
        release_pipeline::import_package(library, &bytes, &name)?
    } else {
        let input = input::read(file)?;
        let folder = match file.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir,
            _ => Path::new("."),
        };
        let draft = release_pipeline::adopt_photos(library, &input.loaded.draft, folder)
            .map_err(|e| CliError::from(e).about(&name))?;
        library.import(draft)?
    };
    println!("{}", opened.id);
    Ok(())
}

fn new(library: &Library, from_example: bool) -> Result {
    let template = if from_example {
        Template::Example
    } else {
        Template::Blank
    };
    let opened = library.create(template)?;
    println!("{}", opened.id);
    Ok(())
}

fn show(library: &Library, id: &str, raw: bool) -> Result {
    let text = if raw {
        library.raw_text(id)
    } else {
        library.load(id).map(|opened| {
            edition_notes(library, &opened.draft);
            release_model::to_json(&opened.draft)
        })
    };
    match text {
        Ok(text) => {
            print!("{text}");
            Ok(())
        }
        Err(e @ DraftsError::Damaged { .. }) => Err(CliError::Unreadable(format!(
            "{e}\nrelease-composer: to see its text: release-composer drafts show --raw {id}"
        ))),
        Err(e) => Err(e.into()),
    }
}

/// For a language edition, what is left to translate and what changed in
/// its source, on standard error (standard output is the draft).
fn edition_notes(library: &Library, draft: &release_model::Draft) {
    for finding in release_model::untranslated(draft) {
        eprintln!("{}: untranslated: {}", finding.path, finding.message);
    }
    match library.edition_status(draft) {
        Ok(Some(status)) if !status.source_found => eprintln!(
            "edition: the source draft `{}` is not in this library; nothing can be compared",
            status.source
        ),
        Ok(Some(status)) => {
            for stale in status.stale {
                eprintln!(
                    "{}: out of date: {}\n  {}",
                    stale.path,
                    stale.message,
                    release_model::diff_text(&stale.changes).replace('\n', "\n  ")
                );
            }
        }
        Ok(None) => {}
        Err(e) => eprintln!("edition: cannot compare with the source: {e}"),
    }
}

fn save(library: &Library, id: &str, expect: Option<&str>) -> Result {
    let expected = expect.map(str::parse::<Revision>).transpose()?;
    let input = input::read(Path::new("-"))?;
    let saved = library.save(id, &input.loaded.draft, expected.as_ref())?;
    println!("{}", saved.revision);
    Ok(())
}

fn history(library: &Library, id: &str, json: bool) -> Result {
    let snapshots = library.history(id)?;
    if json {
        return crate::output::print_json(&snapshots);
    }
    for s in &snapshots {
        match &s.damage {
            None => println!(
                "{}\t{}\t{} words\t{}",
                s.revision,
                s.saved,
                s.summary.words,
                s.summary.display_name()
            ),
            Some(d) => println!("{}\t{}\tdamaged\t{}", s.revision, s.saved, d.reason),
        }
    }
    Ok(())
}

fn trash(library: &Library, json: bool) -> Result {
    let trashed = library.trash()?;
    if json {
        return crate::output::print_json(&trashed);
    }
    for t in &trashed {
        let name = match &t.damage {
            None => t.summary.display_name().to_owned(),
            Some(d) => format!("damaged: {}", d.reason),
        };
        println!("{}\t{}\t{name}", t.id, t.deleted);
    }
    Ok(())
}

fn print_entries(entries: &[Entry], json: bool) -> Result {
    if json {
        return crate::output::print_json(entries);
    }
    for e in entries {
        match &e.damage {
            None => println!(
                "{}\t{}\t{} words\t{}\t{}",
                e.id,
                e.modified,
                e.summary.words,
                e.summary.kind,
                e.summary.display_name()
            ),
            Some(d) => println!(
                "{}\t{}\tdamaged\t{}\t{}",
                e.id, e.modified, d.code, d.reason
            ),
        }
    }
    Ok(())
}
