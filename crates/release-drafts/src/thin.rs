//! Which history snapshots to let go: the newest ones are all kept, older
//! ones only as one per day. Pure, so the policy is tested without files.

use crate::time::Timestamp;

/// Snapshots kept whatever their age.
pub const KEEP_RECENT: usize = 50;

/// Given snapshots oldest first, the names of those to remove: of all but the
/// newest `keep_recent`, every one that is not the last of its UTC day.
pub(crate) fn to_remove(snapshots: &[(String, Timestamp)], keep_recent: usize) -> Vec<String> {
    let older = &snapshots[..snapshots.len().saturating_sub(keep_recent)];
    older
        .windows(2)
        .filter(|pair| pair[0].1.day() == pair[1].1.day())
        .map(|pair| pair[0].0.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOUR: i64 = 3_600_000;

    fn snapshots(hours: &[i64]) -> Vec<(String, Timestamp)> {
        hours
            .iter()
            .map(|h| (format!("h{h}"), Timestamp::from_millis(h * HOUR)))
            .collect()
    }

    #[test]
    fn nothing_goes_while_there_are_few() {
        let all = snapshots(&(0..50).collect::<Vec<_>>());
        assert!(to_remove(&all, KEEP_RECENT).is_empty());
        assert!(to_remove(&[], KEEP_RECENT).is_empty());
    }

    #[test]
    fn older_ones_thin_to_the_last_of_each_day() {
        // Three days of hourly snapshots: 72, of which the newest 50 stay.
        let all = snapshots(&(0..72).collect::<Vec<_>>());
        let removed = to_remove(&all, KEEP_RECENT);
        // The 22 older ones cover day 0 (hours 0..=21): only hour 21 stays.
        assert_eq!(removed.len(), 21);
        assert_eq!(removed.first().map(String::as_str), Some("h0"));
        assert!(!removed.contains(&"h21".to_owned()));
        assert!(removed.iter().all(|n| n != "h22"));
    }

    #[test]
    fn one_per_day_survives_across_many_days() {
        // Ten days, four snapshots a day, keep the newest 5.
        let hours: Vec<i64> = (0..10)
            .flat_map(|d| [1, 5, 9, 13].map(|h| d * 24 + h))
            .collect();
        let all = snapshots(&hours);
        let removed = to_remove(&all, 5);
        let kept: Vec<_> = all.iter().filter(|(n, _)| !removed.contains(n)).collect();
        // 35 older ones over days 0..=8 keep their last of each day: 9, plus 5 recent.
        assert_eq!(kept.len(), 9 + 5);
        let again: Vec<_> = kept.into_iter().cloned().collect();
        assert!(
            to_remove(&again, 5).is_empty(),
            "thinning twice changes nothing"
        );
    }
}
