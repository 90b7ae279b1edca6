//! Calendar dates and embargo times as the draft stores them, and how each
//! language writes a date. No clock is read here.

use crate::language::Language;
use std::fmt;

/// A calendar date that is known to exist (ISO `YYYY-MM-DD`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// Parses `YYYY-MM-DD`, refusing dates that do not exist (`2021-02-30`).
    pub fn parse(text: &str) -> Result<Date, String> {
        let bytes = text.as_bytes();
        let digits = |range: std::ops::Range<usize>| -> Option<u32> {
            let part = text.get(range)?;
            if part.bytes().all(|b| b.is_ascii_digit()) {
                part.parse().ok()
            } else {
                None
            }
        };
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return Err(format!("`{text}` is not a date in the form YYYY-MM-DD"));
        }
        let (Some(year), Some(month), Some(day)) = (digits(0..4), digits(5..7), digits(8..10))
        else {
            return Err(format!("`{text}` is not a date in the form YYYY-MM-DD"));
        };
        let date = Date {
            year: year as i32,
            month: month as u8,
            day: day as u8,
        };
        if !(1..=12).contains(&month) || day == 0 || day > u32::from(date.days_in_month()) {
            return Err(format!("`{text}` is not a real date"));
        }
        Ok(date)
    }

    fn is_leap_year(self) -> bool {
        (self.year % 4 == 0 && self.year % 100 != 0) || self.year % 400 == 0
    }

    fn days_in_month(self) -> u8 {
        match self.month {
            2 if self.is_leap_year() => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        }
    }

    /// The date `days` after 1970-01-01 (Howard Hinnant's civil_from_days).
    pub fn from_days_since_epoch(days: i64) -> Date {
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

    /// Days since 1970-01-01 (negative before), for comparing and subtracting dates.
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// How a house style writes a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateFormat {
    /// The language's full form: `8 December 2021`, `8 décembre 2021`, `2021年12月8日`.
    Long,
    /// Associated Press style: `Dec. 8, 2021` (English month abbreviations).
    Ap,
}

impl DateFormat {
    /// Reads the name used in `style.toml` (`long`, `ap`).
    pub fn from_name(name: &str) -> Option<DateFormat> {
        match name {
            "long" => Some(DateFormat::Long),
            "ap" => Some(DateFormat::Ap),
            _ => None,
        }
    }
}

const EN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const AP_MONTHS: [&str; 12] = [
    "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
    "Dec.",
];
const FR_MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const ES_MONTHS: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];
/// Russian months in the genitive, as a day-month date needs them.
const RU_MONTHS: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];
/// UN Arabic practice: the Levantine and the Egyptian month name, joined by a slash.
const AR_MONTHS: [&str; 12] = [
    "كانون الثاني/يناير",
    "شباط/فبراير",
    "آذار/مارس",
    "نيسان/أبريل",
    "أيار/مايو",
    "حزيران/يونيه",
    "تموز/يوليه",
    "آب/أغسطس",
    "أيلول/سبتمبر",
    "تشرين الأول/أكتوبر",
    "تشرين الثاني/نوفمبر",
    "كانون الأول/ديسمبر",
];

/// Writes `date` the way `language` and `format` want it.
pub fn format_date(date: Date, language: Language, format: DateFormat) -> String {
    let (d, m, y) = (date.day, usize::from(date.month - 1), date.year);
    if format == DateFormat::Ap {
        return format!("{} {d}, {y}", AP_MONTHS[m]);
    }
    match language {
        Language::En => format!("{d} {} {y}", EN_MONTHS[m]),
        Language::Fr if d == 1 => format!("1er {} {y}", FR_MONTHS[m]),
        Language::Fr => format!("{d} {} {y}", FR_MONTHS[m]),
        Language::Es => format!("{d} de {} de {y}", ES_MONTHS[m]),
        Language::Ru => format!("{d} {} {y} года", RU_MONTHS[m]),
        Language::Ar => format!("{d} {} {y}", AR_MONTHS[m]),
        Language::Zh => format!("{y}年{}月{d}日", m + 1),
    }
}

/// An embargo's end: a local date and time with its offset from UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EmbargoTime {
    pub date: Date,
    pub hour: u8,
    pub minute: u8,
    /// Minutes east of UTC.
    pub offset_minutes: i16,
}

impl EmbargoTime {
    /// Parses RFC 3339 with an offset (`2021-12-08T10:00:00+05:00`, `…Z`).
    /// Seconds and fractions are accepted and not kept.
    pub fn parse(text: &str) -> Result<EmbargoTime, String> {
        let bad = || format!("`{text}` is not a date and time like 2021-12-08T10:00:00+05:00");
        let date = Date::parse(text.get(..10).ok_or_else(bad)?).map_err(|_| bad())?;
        let rest = &text[10..];
        let rest = rest
            .strip_prefix('T')
            .or_else(|| rest.strip_prefix('t'))
            .or_else(|| rest.strip_prefix(' '))
            .ok_or_else(bad)?;
        let two = |s: &str| -> Option<u8> {
            if s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit()) {
                s.parse().ok()
            } else {
                None
            }
        };
        let hour = two(rest.get(..2).ok_or_else(bad)?).ok_or_else(bad)?;
        if rest.as_bytes().get(2) != Some(&b':') {
            return Err(bad());
        }
        let minute = two(rest.get(3..5).ok_or_else(bad)?).ok_or_else(bad)?;
        let mut rest = &rest[5..];
        if let Some(after) = rest.strip_prefix(':') {
            two(after.get(..2).ok_or_else(bad)?)
                .filter(|s| *s <= 60)
                .ok_or_else(bad)?;
            rest = &after[2..];
            if let Some(frac) = rest.strip_prefix('.') {
                let n = frac.bytes().take_while(u8::is_ascii_digit).count();
                if n == 0 {
                    return Err(bad());
                }
                rest = &frac[n..];
            }
        }
        if hour > 23 || minute > 59 {
            return Err(bad());
        }
        let offset_minutes = match rest {
            "Z" | "z" => 0,
            "" => {
                return Err(format!(
                    "`{text}` has no time zone: add an offset such as +05:00 or Z"
                ));
            }
            _ => {
                let sign = match rest.as_bytes()[0] {
                    b'+' => 1,
                    b'-' => -1,
                    _ => return Err(bad()),
                };
                let h = two(rest.get(1..3).ok_or_else(bad)?).ok_or_else(bad)?;
                if rest.as_bytes().get(3) != Some(&b':') || rest.len() != 6 {
                    return Err(bad());
                }
                let m = two(&rest[4..6]).ok_or_else(bad)?;
                if h > 23 || m > 59 {
                    return Err(bad());
                }
                sign * (i16::from(h) * 60 + i16::from(m))
            }
        };
        Ok(EmbargoTime {
            date,
            hour,
            minute,
            offset_minutes,
        })
    }

    /// `10:00`.
    pub fn time_text(&self) -> String {
        format!("{:02}:{:02}", self.hour, self.minute)
    }

    /// `+05:00`, `-04:30`, `+00:00`.
    pub fn offset_text(&self) -> String {
        let sign = if self.offset_minutes < 0 { '-' } else { '+' };
        let m = self.offset_minutes.unsigned_abs();
        format!("{sign}{:02}:{:02}", m / 60, m % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Date {
        Date::parse(text).expect("valid date")
    }

    #[test]
    fn dates_in_every_language() {
        let date = d("2021-12-08");
        let cases = [
            (Language::En, "8 December 2021"),
            (Language::Fr, "8 décembre 2021"),
            (Language::Es, "8 de diciembre de 2021"),
            (Language::Ru, "8 декабря 2021 года"),
            (Language::Ar, "8 كانون الأول/ديسمبر 2021"),
            (Language::Zh, "2021年12月8日"),
        ];
        for (language, expected) in cases {
            assert_eq!(format_date(date, language, DateFormat::Long), expected);
        }
    }

    #[test]
    fn french_first_of_month_is_ordinal() {
        assert_eq!(
            format_date(d("2022-03-01"), Language::Fr, DateFormat::Long),
            "1er mars 2022"
        );
    }

    #[test]
    fn ap_months_abbreviate_as_the_stylebook_says() {
        assert_eq!(
            format_date(d("2021-12-08"), Language::En, DateFormat::Ap),
            "Dec. 8, 2021"
        );
        assert_eq!(
            format_date(d("2021-09-30"), Language::En, DateFormat::Ap),
            "Sept. 30, 2021"
        );
        assert_eq!(
            format_date(d("2021-06-01"), Language::En, DateFormat::Ap),
            "June 1, 2021"
        );
    }

    #[test]
    fn impossible_dates_are_refused() {
        for bad in [
            "2021-02-29",
            "2021-13-01",
            "2021-00-10",
            "2021-04-31",
            "21-12-08",
            "2021/12/08",
            "",
            "２０２１-12-08",
        ] {
            assert!(Date::parse(bad).is_err(), "{bad} accepted");
        }
        assert!(Date::parse("2024-02-29").is_ok());
        assert!(Date::parse("2000-02-29").is_ok());
        assert!(Date::parse("1900-02-29").is_err());
    }

    #[test]
    fn days_since_epoch_counts_days() {
        assert_eq!(d("1970-01-01").days_since_epoch(), 0);
        for text in [
            "1970-01-01",
            "2000-02-29",
            "2021-12-08",
            "1969-12-31",
            "2100-03-01",
        ] {
            assert_eq!(
                Date::from_days_since_epoch(d(text).days_since_epoch()),
                d(text)
            );
        }
        assert_eq!(
            d("2021-12-08").days_since_epoch() - d("2020-12-08").days_since_epoch(),
            365
        );
    }

    #[test]
    fn embargo_times_need_an_offset() {
        let t = EmbargoTime::parse("2021-12-08T10:00:00+05:00").expect("valid");
        assert_eq!(
            (t.time_text(), t.offset_text()),
            ("10:00".into(), "+05:00".into())
        );
        assert_eq!(
            EmbargoTime::parse("2021-12-08T10:00Z")
                .expect("valid")
                .offset_minutes,
            0
        );
        assert_eq!(
            EmbargoTime::parse("2021-12-08T10:00:00.5-04:30")
                .expect("valid")
                .offset_text(),
            "-04:30"
        );
        let missing = EmbargoTime::parse("2021-12-08T10:00:00").expect_err("no offset");
        assert!(missing.contains("time zone"), "{missing}");
        for bad in [
            "2021-12-08",
            "2021-12-08T25:00Z",
            "2021-12-08T10:00+5",
            "x",
            "2021-12-08T10:00:00+05:00x",
        ] {
            assert!(EmbargoTime::parse(bad).is_err(), "{bad} accepted");
        }
    }
}
