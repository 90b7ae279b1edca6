//! The dateline: a city and a country (as the style wants them), and a date
//! that is neither after the release may be published nor stale.
//!
//! A dateline with neither city nor country, and a missing or impossible
//! date, are validation's findings.

use crate::date::{Date, EmbargoTime};
use crate::finding::Finding;
use crate::lint::Context;
use crate::lint::checks::DatelineCheck;

pub(crate) fn check(cx: &Context, rules: &DatelineCheck, f: &mut Vec<Finding>) {
    let r = &cx.draft.release;
    let d = &r.dateline;
    let (city, country) = (d.city.trim(), d.country.trim());
    if rules.require_city && city.is_empty() && !country.is_empty() {
        f.push(Finding::warning(
            "dateline-city-missing",
            "release.dateline.city",
            "the dateline names a country but no city",
        ));
    }
    if rules.require_country && country.is_empty() && !city.is_empty() {
        f.push(Finding::warning(
            "dateline-country-missing",
            "release.dateline.country",
            "the dateline names a city but no country",
        ));
    }
    let Ok(date) = Date::parse(d.date.trim()) else {
        return;
    };
    let path = "release.dateline.date";
    match &r.embargo {
        Some(embargo) => {
            if let Ok(until) = EmbargoTime::parse(embargo.until.trim())
                && date > until.date
            {
                f.push(Finding::warning(
                    "dateline-after-embargo",
                    path,
                    format!(
                        "the release is dated {date}, after its embargo ends ({})",
                        until.date
                    ),
                ));
            }
        }
        None if date > cx.today => f.push(Finding::warning(
            "dateline-future",
            path,
            format!(
                "the release is dated {date}, in the future, and is not embargoed: date it today or embargo it"
            ),
        )),
        None => {}
    }
    let age = cx.today.days_since_epoch() - date.days_since_epoch();
    if rules.max_age_days > 0 && age > i64::from(rules.max_age_days) {
        f.push(Finding::warning(
            "dateline-old",
            path,
            format!("the release is dated {date}, {age} days ago: is the date right?"),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::draft::Embargo;
    use crate::lint::Checks;
    use crate::lint::test_support::*;

    fn checks() -> Checks {
        let mut c = Checks::none();
        c.dateline.enabled = true;
        c
    }

    #[test]
    fn a_half_place_fires_unless_the_style_allows_it() {
        let mut d = draft_saying("Body.");
        d.release.dateline.country.clear();
        assert_eq!(codes(&d, &checks()), ["dateline-country-missing"]);
        let mut wire = checks();
        wire.dateline.require_country = false;
        assert!(codes(&d, &wire).is_empty());
        d.release.dateline.country = "Tajikistan".into();
        d.release.dateline.city.clear();
        assert_eq!(codes(&d, &checks()), ["dateline-city-missing"]);
        d.release.dateline.country.clear();
        assert!(
            codes(&d, &checks()).is_empty(),
            "validation reports both missing"
        );
    }

    #[test]
    fn future_dates_fire_unless_the_embargo_covers_them() {
        let mut d = draft_saying("Body.");
        d.release.dateline.date = "2021-12-09".into();
        assert_eq!(codes(&d, &checks()), ["dateline-future"]);
        d.release.embargo = Some(Embargo {
            until: "2021-12-09T10:00:00+05:00".into(),
            ..Embargo::default()
        });
        assert!(codes(&d, &checks()).is_empty());
        d.release.dateline.date = "2021-12-10".into();
        assert_eq!(codes(&d, &checks()), ["dateline-after-embargo"]);
    }

    #[test]
    fn dates_over_a_year_old_warn() {
        let mut d = draft_saying("Body.");
        d.release.dateline.date = "2020-12-08".into();
        assert!(codes(&d, &checks()).is_empty(), "exactly a year is fine");
        d.release.dateline.date = "2020-12-07".into();
        assert_eq!(codes(&d, &checks()), ["dateline-old"]);
        let mut never = checks();
        never.dateline.max_age_days = 0;
        assert!(codes(&d, &never).is_empty());
    }
}
