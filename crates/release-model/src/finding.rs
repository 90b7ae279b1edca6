//! What validation and lint report: a problem, where it is, how bad it is,
//! and sometimes a fix.

use crate::lint::Fix;
use serde::{Deserialize, Serialize};

/// How bad a finding is. Errors stop an export; warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

impl Severity {
    /// `error` or `warning`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// One problem in a draft, at a JSON path such as `release.contacts[1].email`.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    pub severity: Severity,
    /// A stable kebab-case name the UI and scripts can match on.
    pub code: String,
    pub path: String,
    pub message: String,
    /// A safe correction, when there is one; absent from JSON otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub fix: Option<Fix>,
    /// The word the finding is about, when it is one word (a misspelling):
    /// what "Add to dictionary" adds. Absent from JSON otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub word: Option<String>,
}

impl Finding {
    pub fn error(code: &str, path: impl Into<String>, message: impl Into<String>) -> Finding {
        Finding {
            severity: Severity::Error,
            code: code.to_owned(),
            path: path.into(),
            message: message.into(),
            fix: None,
            word: None,
        }
    }

    pub fn warning(code: &str, path: impl Into<String>, message: impl Into<String>) -> Finding {
        Finding {
            severity: Severity::Warning,
            code: code.to_owned(),
            path: path.into(),
            message: message.into(),
            fix: None,
            word: None,
        }
    }

    /// The same finding, offering `fix` (or none).
    pub fn with_fix(mut self, fix: Option<Fix>) -> Finding {
        self.fix = fix;
        self
    }
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: {}: {}",
            self.path,
            self.severity.as_str(),
            self.message
        )
    }
}
