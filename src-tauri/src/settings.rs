//! The user's settings, kept as JSON in the platform's config folder.

use crate::error::{IpcError, Result};
use release_model::{Contact, ErrorCode};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// The colour theme of the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

/// What the user set in the Settings dialog.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct Settings {
    pub default_style: String,
    pub default_language: String,
    /// Where one-click exports go. `RELEASE_COMPOSER_EXPORT_DIR` overrides it.
    pub export_dir: String,
    /// Added to a new release's contacts.
    pub default_contact: Contact,
    pub theme: Theme,
    /// Whether the preview beside the form is shown; remembered between runs.
    pub preview_shown: bool,
    /// Attach the PDF to the e-mail edition.
    pub attach_pdf: bool,
    /// The snippets folder (a folder a press office shares through its sync
    /// tool, say); empty: `$RELEASE_COMPOSER_SNIPPETS`, else
    /// `release-composer/snippets` in the config folder.
    pub snippets_dir: String,
    /// The About snippet filled into a new draft, by `STYLE/LANGUAGE`
    /// (`un/fr`): the snippet's id.
    pub default_about: std::collections::BTreeMap<String, String>,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            default_style: release_style::DEFAULT_STYLE.to_owned(),
            default_language: "en".to_owned(),
            export_dir: default_export_dir().display().to_string(),
            default_contact: Contact::default(),
            theme: Theme::System,
            preview_shown: true,
            attach_pdf: false,
            snippets_dir: String::new(),
            default_about: std::collections::BTreeMap::new(),
        }
    }
}

/// `Releases` in the user's Documents folder.
pub fn default_export_dir() -> PathBuf {
    dirs::document_dir()
        .or_else(dirs::home_dir)
        .unwrap_or_else(std::env::temp_dir)
        .join("Releases")
}

/// The settings file: `$XDG_CONFIG_HOME/release-composer/settings.json` on Linux.
pub fn settings_file() -> PathBuf {
    dirs::config_dir()
        .unwrap_or_else(std::env::temp_dir)
        .join("release-composer")
        .join("settings.json")
}

impl Settings {
    /// What exports take from the settings: the e-mail's sender (the default
    /// contact, when it has an address) and whether the PDF goes with it.
    pub fn export_options(&self) -> release_pipeline::ExportOptions {
        let c = &self.default_contact;
        let from = release_model::is_email(c.email.trim()).then(|| release_pipeline::Mailbox {
            name: c.name.trim().to_owned(),
            email: c.email.trim().to_owned(),
        });
        let mut options = release_pipeline::ExportOptions {
            attach_pdf: self.attach_pdf,
            ..Default::default()
        };
        options.mail.from = from;
        options
    }

    /// The id of the About snippet new drafts in `style` and `language` get.
    pub fn default_about_of(&self, style: &str, language: &str) -> Option<&str> {
        let primary = language.split(['-', '_']).next().unwrap_or("");
        self.default_about
            .get(&format!("{style}/{language}"))
            .or_else(|| self.default_about.get(&format!("{style}/{primary}")))
            .map(String::as_str)
            .filter(|id| !id.is_empty())
    }

    /// Reads the settings; a missing file gives the defaults, a damaged one
    /// is set aside (`settings.json.damaged`) and the defaults are used.
    pub fn load(file: &Path) -> Settings {
        let mut settings = match std::fs::read_to_string(file) {
            Ok(text) => serde_json::from_str(&text).unwrap_or_else(|_| {
                let _ = std::fs::rename(file, file.with_extension("json.damaged"));
                Settings::default()
            }),
            Err(_) => Settings::default(),
        };
        if let Some(dir) = std::env::var_os("RELEASE_COMPOSER_EXPORT_DIR") {
            settings.export_dir = PathBuf::from(dir).display().to_string();
        }
        settings
    }

    /// Writes the settings atomically: a temporary file in the same folder,
    /// flushed, renamed over the old one, the folder flushed.
    pub fn save(&self, file: &Path) -> Result<()> {
        let fail = |e: std::io::Error| {
            IpcError::new(
                ErrorCode::SettingsUnwritable,
                format!("{}: the settings cannot be saved: {e}", file.display()),
            )
        };
        if let Some(dir) = file.parent() {
            std::fs::create_dir_all(dir).map_err(fail)?;
        }
        let text = serde_json::to_string_pretty(self)
            .map_err(|e| IpcError::new(ErrorCode::SettingsUnwritable, e.to_string()))?;
        release_drafts::write_atomically(file, text.as_bytes()).map_err(fail)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_about_is_found_by_style_and_language() {
        let mut settings = Settings::default();
        settings
            .default_about
            .insert("un/fr".into(), "about-1".into());
        settings.default_about.insert("un/en".into(), String::new());
        assert_eq!(settings.default_about_of("un", "fr"), Some("about-1"));
        assert_eq!(settings.default_about_of("un", "fr-CA"), Some("about-1"));
        assert_eq!(settings.default_about_of("newswire", "fr"), None);
        assert_eq!(
            settings.default_about_of("un", "en"),
            None,
            "an empty choice is none"
        );
    }

    #[test]
    fn settings_round_trip_and_damage_is_set_aside() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("settings.json");
        let settings = Settings {
            default_style: "newswire".into(),
            theme: Theme::Dark,
            ..Settings::default()
        };
        settings.save(&file).expect("saves");
        assert_eq!(Settings::load(&file).default_style, "newswire");
        std::fs::write(&file, "{ broken").expect("write");
        assert_eq!(Settings::load(&file).theme, Theme::System);
        assert!(file.with_extension("json.damaged").exists());
        // Settings written before a field existed read with its default.
        std::fs::write(&file, r#"{ "theme": "dark" }"#).expect("write");
        let old = Settings::load(&file);
        assert_eq!((old.theme, old.preview_shown), (Theme::Dark, true));
    }
}
