//! What can go wrong in a command, and the exit code each failure gives.

use release_pipeline::PipelineError;

/// A command that did not do what was asked. The message is complete: it
/// names the file, option or field at fault.
#[derive(Debug, thiserror::Error)]
pub(crate) enum CliError {
    /// The draft has errors (they were printed): exit 1.
    #[error("{0}")]
    Invalid(String),
    /// A file, a style or the library cannot be read, or an output cannot be
    /// written: exit 2.
    #[error("{0}")]
    Unreadable(String),
}

impl CliError {
    /// The process's exit code for this failure.
    pub(crate) fn exit_code(&self) -> u8 {
        match self {
            CliError::Invalid(_) => crate::exit::INVALID,
            CliError::Unreadable(_) => crate::exit::UNREADABLE,
        }
    }

    /// The same failure, its message prefixed with what it concerns
    /// (`--pdf`, a file's name).
    pub(crate) fn about(self, what: &str) -> CliError {
        match self {
            CliError::Invalid(m) => CliError::Invalid(format!("{what}: {m}")),
            CliError::Unreadable(m) => CliError::Unreadable(format!("{what}: {m}")),
        }
    }
}

impl From<PipelineError> for CliError {
    fn from(e: PipelineError) -> CliError {
        match e {
            PipelineError::Refused { .. } => CliError::Invalid(e.to_string()),
            _ => CliError::Unreadable(e.to_string()),
        }
    }
}

impl From<release_drafts::DraftsError> for CliError {
    fn from(e: release_drafts::DraftsError) -> CliError {
        CliError::Unreadable(e.to_string())
    }
}

impl From<release_snippets::SnippetsError> for CliError {
    fn from(e: release_snippets::SnippetsError) -> CliError {
        CliError::Unreadable(e.to_string())
    }
}

impl From<release_style::StyleError> for CliError {
    fn from(e: release_style::StyleError) -> CliError {
        CliError::Unreadable(e.to_string())
    }
}

/// The outcome of several independent steps: the last failure is the
/// command's (its caller prints it), the ones before are printed here.
pub(crate) fn last_of(mut failures: Vec<CliError>) -> Result {
    match failures.pop() {
        Some(last) => {
            for e in failures {
                eprintln!("release-composer: {e}");
            }
            Err(last)
        }
        None => Ok(()),
    }
}

/// What every command returns.
pub(crate) type Result<T = ()> = std::result::Result<T, CliError>;
