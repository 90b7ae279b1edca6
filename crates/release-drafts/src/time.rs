//! Moments in time as the library records them: milliseconds since the Unix
//! epoch, shown in UTC. No time-zone database: days for history thinning are
//! UTC days, and the app formats times for people in their own zone.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// A moment, as milliseconds since 1970-01-01T00:00:00Z.
///
/// Serialised as that number, displayed as RFC 3339 in UTC
/// (`2021-12-08T10:00:00.000Z`).
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Timestamp(i64);

const MS_PER_DAY: i64 = 86_400_000;

impl Timestamp {
    /// The moment `millis` milliseconds after the Unix epoch.
    pub const fn from_millis(millis: i64) -> Timestamp {
        Timestamp(millis)
    }

    /// Milliseconds since the Unix epoch.
    pub const fn millis(self) -> i64 {
        self.0
    }

    /// The moment a file-system time stands for (clamped to the epoch).
    pub fn from_system(time: SystemTime) -> Timestamp {
        let millis = time
            .duration_since(UNIX_EPOCH)
            .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
            .unwrap_or(0);
        Timestamp(millis)
    }

    /// The same moment as a `SystemTime` (clamped to the epoch).
    pub fn to_system(self) -> SystemTime {
        UNIX_EPOCH + Duration::from_millis(u64::try_from(self.0).unwrap_or(0))
    }

    /// The UTC day this moment falls on, counted from 1970-01-01.
    pub fn day(self) -> i64 {
        self.0.div_euclid(MS_PER_DAY)
    }

    /// The UTC date as `YYYY-MM-DD`, as a draft's dateline holds it.
    pub fn date_text(self) -> String {
        let (y, m, d) = civil_from_days(self.day());
        format!("{y:04}-{m:02}-{d:02}")
    }

    /// A compact UTC form that sorts as time does and is safe in a file name:
    /// `20211208T100000123Z`.
    pub fn compact(self) -> String {
        let (y, mo, d, h, mi, s, ms) = self.parts();
        format!("{y:04}{mo:02}{d:02}T{h:02}{mi:02}{s:02}{ms:03}Z")
    }

    /// Reads the form [`Timestamp::compact`] writes.
    pub fn parse_compact(text: &str) -> Option<Timestamp> {
        let b = text.as_bytes();
        if b.len() != 19 || b[8] != b'T' || b[18] != b'Z' {
            return None;
        }
        let num = |range: std::ops::Range<usize>| -> Option<i64> {
            let part = text.get(range)?;
            if !part.bytes().all(|c| c.is_ascii_digit()) {
                return None;
            }
            part.parse().ok()
        };
        let (y, mo, d) = (num(0..4)?, num(4..6)?, num(6..8)?);
        let (h, mi, s, ms) = (num(9..11)?, num(11..13)?, num(13..15)?, num(15..18)?);
        if !(1..=12).contains(&mo) || !(1..=31).contains(&d) || h > 23 || mi > 59 || s > 59 {
            return None;
        }
        let days = days_from_civil(y, mo, d);
        Some(Timestamp(
            days * MS_PER_DAY + ((h * 60 + mi) * 60 + s) * 1000 + ms,
        ))
    }

    fn parts(self) -> (i64, i64, i64, i64, i64, i64, i64) {
        let (y, mo, d) = civil_from_days(self.day());
        let in_day = self.0.rem_euclid(MS_PER_DAY);
        let ms = in_day % 1000;
        let secs = in_day / 1000;
        (y, mo, d, secs / 3600, secs / 60 % 60, secs % 60, ms)
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, mo, d, h, mi, s, ms) = self.parts();
        write!(f, "{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}.{ms:03}Z")
    }
}

/// Year, month, day of a day counted from 1970-01-01 (Howard Hinnant's
/// `civil_from_days`, proleptic Gregorian calendar).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// The inverse of [`civil_from_days`].
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_in_utc() {
        let t = Timestamp::from_millis(1_638_957_600_123);
        assert_eq!(t.to_string(), "2021-12-08T10:00:00.123Z");
        assert_eq!(t.compact(), "20211208T100000123Z");
        assert_eq!(t.date_text(), "2021-12-08");
        assert_eq!(Timestamp::default().to_string(), "1970-01-01T00:00:00.000Z");
    }

    #[test]
    fn compact_round_trips() {
        for millis in [0, 951_782_400_000, 1_638_957_600_123, 4_102_444_799_999] {
            let t = Timestamp::from_millis(millis);
            assert_eq!(Timestamp::parse_compact(&t.compact()), Some(t), "{t}");
        }
        assert_eq!(Timestamp::parse_compact("20211208T100000123"), None);
        assert_eq!(Timestamp::parse_compact("20211308T100000123Z"), None);
        assert_eq!(Timestamp::parse_compact("2021120xT100000123Z"), None);
    }

    #[test]
    fn days_are_utc_days() {
        let t = Timestamp::from_millis(1_638_957_600_123);
        assert_eq!(t.day(), 18_969);
        assert_eq!(Timestamp::from_millis(-1).day(), -1);
    }

    #[test]
    fn system_time_round_trips() {
        let t = Timestamp::from_millis(1_638_957_600_123);
        assert_eq!(Timestamp::from_system(t.to_system()), t);
    }
}
