//! Conversions from the style's points and millimetres to the units Word
//! counts in: twentieths of a point (twips), half-points, eighths of a point
//! and English Metric Units.

/// Points to twips.
pub(crate) fn twips(pt: f32) -> i32 {
    (pt * 20.0).round() as i32
}

/// Points to twips, for lengths Word wants unsigned (spacing).
pub(crate) fn twips_u(pt: f32) -> u32 {
    twips(pt.max(0.0)) as u32
}

/// Millimetres to twips.
pub(crate) fn mm_twips(mm: f32) -> i32 {
    (mm / 25.4 * 1440.0).round() as i32
}

/// Points to half-points, the unit of font sizes.
pub(crate) fn half_points(pt: f32) -> usize {
    (pt.max(1.0) * 2.0).round() as usize
}

/// Points to eighths of a point, the unit of border widths (2 to 96).
pub(crate) fn eighths(pt: f32) -> usize {
    ((pt * 8.0).round() as usize).clamp(2, 96)
}

/// Millimetres to English Metric Units, the unit of drawing sizes.
pub(crate) fn mm_emu(mm: f32) -> u32 {
    (mm.max(0.0) * 36_000.0).round() as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units() {
        assert_eq!(twips(11.0), 220);
        assert_eq!(mm_twips(210.0), 11906);
        assert_eq!(mm_twips(297.0), 16838);
        assert_eq!(half_points(10.5), 21);
        assert_eq!(eighths(1.5), 12);
        assert_eq!(eighths(0.1), 2);
        assert_eq!(mm_emu(10.0), 360_000);
    }
}
