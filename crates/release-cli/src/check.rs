//! `release-composer check`: validation and the house style's checks, as
//! lines or JSON, and the exit code. The one place that reads the clock.

use crate::exit;
use crate::input;
use release_model::Date;
use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

pub(crate) fn run(path: &Path, json: bool, style: Option<&str>, today: Option<&str>) -> u8 {
    let today = match today.map(|t| Date::parse(t.trim())) {
        None => today_utc(),
        Some(Ok(date)) => date,
        Some(Err(message)) => {
            eprintln!("release-composer: --today: {message}");
            return exit::UNREADABLE;
        }
    };
    let input = match input::read(path) {
        Ok(input) => input,
        Err(message) => {
            eprintln!("release-composer: {message}");
            return exit::UNREADABLE;
        }
    };
    let mut findings = input::findings(&input);
    let style = match input::style(&input, style, &mut findings) {
        Ok(style) => style,
        Err(message) => {
            eprintln!("release-composer: {message}");
            return exit::UNREADABLE;
        }
    };
    findings.extend(input::lint(&input, style.as_ref(), today));
    if json {
        match serde_json::to_string_pretty(&findings) {
            Ok(text) => println!("{text}"),
            Err(e) => {
                eprintln!("release-composer: {e}");
                return exit::UNREADABLE;
            }
        }
    } else {
        for finding in &findings {
            println!("{finding}");
        }
    }
    if input::has_errors(&findings) {
        if !json {
            eprintln!("{}: has errors", input.name);
        }
        exit::INVALID
    } else {
        exit::OK
    }
}

/// Today's date in UTC (the standard library knows no local time zone).
fn today_utc() -> Date {
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    civil_from_days((seconds / 86_400) as i64)
}

/// The date `days` after 1970-01-01 (Howard Hinnant's civil_from_days).
fn civil_from_days(days: i64) -> Date {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    Date { year, month, day }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_become_dates_and_back() {
        for text in [
            "1970-01-01",
            "2000-02-29",
            "2021-12-08",
            "2100-03-01",
            "1969-12-31",
        ] {
            let date = Date::parse(text).expect("valid");
            assert_eq!(civil_from_days(date.days_since_epoch()), date, "{text}");
        }
        let today = today_utc();
        assert_eq!(Date::parse(&today.to_string()), Ok(today));
    }
}
