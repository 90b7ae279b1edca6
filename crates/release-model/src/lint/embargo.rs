//! The embargo: one that has already ended is a leftover. An embargo time
//! without a time zone, or unreadable, is validation's error (`invalid-embargo`).

use crate::date::EmbargoTime;
use crate::finding::Finding;
use crate::lint::Context;

pub(crate) fn check(cx: &Context, f: &mut Vec<Finding>) {
    let Some(embargo) = &cx.draft.release.embargo else {
        return;
    };
    // Dates only: without the time of day, "before today" is the safe test.
    if let Ok(until) = EmbargoTime::parse(embargo.until.trim())
        && until.date < cx.today
    {
        f.push(Finding::warning(
            "embargo-past",
            "release.embargo.until",
            format!(
                "the embargo ended on {} (today is {}): remove it or set the new time",
                until.date, cx.today
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::draft::Embargo;
    use crate::lint::Checks;
    use crate::lint::test_support::*;
    use crate::validate::validate;

    fn checks() -> Checks {
        let mut c = Checks::none();
        c.embargo.enabled = true;
        c
    }

    fn embargoed(until: &str) -> crate::draft::Draft {
        let mut d = draft_saying("Body.");
        d.release.embargo = Some(Embargo {
            until: until.into(),
            ..Embargo::default()
        });
        d
    }

    #[test]
    fn an_embargo_in_the_past_fires() {
        let d = embargoed("2021-12-07T23:00:00+05:00");
        assert_eq!(
            found(&d, &checks()),
            [("embargo-past".into(), "release.embargo.until".into())]
        );
    }

    #[test]
    fn today_and_later_are_quiet_and_a_missing_zone_is_validations() {
        assert!(found(&embargoed("2021-12-08T10:00:00+05:00"), &checks()).is_empty());
        assert!(found(&embargoed("2022-01-01T00:00:00Z"), &checks()).is_empty());
        let zoneless = embargoed("2021-12-01T10:00:00");
        assert!(found(&zoneless, &checks()).is_empty());
        assert!(
            validate(&zoneless)
                .iter()
                .any(|f| f.code == "invalid-embargo")
        );
    }
}
