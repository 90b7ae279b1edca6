//! Choosing where lines end. Justified paragraphs use Knuth and Plass's
//! optimal fit over the whole paragraph (boxes, glue and penalties), so that
//! spacing stays even from line to line; ragged paragraphs fill lines first
//! fit, as a reader expects of headings and contact lines.

use std::ops::Range;

/// Penalty that forces a break.
pub(crate) const FORCE: f32 = -10_000.0;
/// Stretch of the glue that ends a paragraph: its last line is set loose.
pub(crate) const FIL: f32 = 100_000.0;

const LINE_PENALTY: f64 = 10.0;
const FLAGGED_DEMERITS: f64 = 10_000.0;
const FITNESS_DEMERITS: f64 = 3_000.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Box,
    Glue,
    Penalty,
}

/// One item of the paragraph, with the glyphs it draws.
#[derive(Debug, Clone)]
pub(crate) struct Item {
    pub kind: Kind,
    pub width: f32,
    pub stretch: f32,
    pub shrink: f32,
    pub penalty: f32,
    /// A hyphen is drawn when the line ends here.
    pub flagged: bool,
    pub glyphs: Range<usize>,
}

impl Item {
    pub fn boxed(width: f32, glyphs: Range<usize>) -> Item {
        Item {
            kind: Kind::Box,
            width,
            stretch: 0.0,
            shrink: 0.0,
            penalty: 0.0,
            flagged: false,
            glyphs,
        }
    }

    pub fn glue(width: f32, stretch: f32, shrink: f32, glyphs: Range<usize>) -> Item {
        Item {
            kind: Kind::Glue,
            width,
            stretch,
            shrink,
            penalty: 0.0,
            flagged: false,
            glyphs,
        }
    }

    pub fn penalty(width: f32, penalty: f32, flagged: bool) -> Item {
        Item {
            kind: Kind::Penalty,
            width,
            stretch: 0.0,
            shrink: 0.0,
            penalty,
            flagged,
            glyphs: 0..0,
        }
    }

    fn is_forced(&self) -> bool {
        self.kind == Kind::Penalty && self.penalty <= FORCE
    }
}

/// Where a line ends (the index of the item it breaks at) and how much its
/// glue is stretched (positive) or shrunk (negative), as a ratio.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Break {
    pub at: usize,
    pub ratio: f32,
}

/// Whether item `i` is a legal breakpoint.
fn can_break(items: &[Item], i: usize) -> bool {
    match items[i].kind {
        Kind::Box => false,
        Kind::Glue => i > 0 && items[i - 1].kind == Kind::Box,
        Kind::Penalty => items[i].penalty < -FORCE,
    }
}

/// Lines filled first fit; `width` is the measure.
pub(crate) fn first_fit(items: &[Item], width: f32) -> Vec<Break> {
    let mut breaks = Vec::new();
    let mut start = 0;
    let mut line = 0.0_f32;
    let mut last: Option<usize> = None;
    let mut i = 0;
    while i < items.len() {
        let item = &items[i];
        let fits_here = |extra: f32| line + extra <= width + 0.01;
        if can_break(items, i) {
            let extra = if item.kind == Kind::Penalty {
                item.width
            } else {
                0.0
            };
            if item.is_forced() {
                breaks.push(Break { at: i, ratio: 0.0 });
                (start, line, last) = skip_discardable(items, i + 1);
                i = start;
                continue;
            }
            if fits_here(extra) {
                last = Some(i);
            } else if last.is_none() {
                // Overfull with no earlier breakpoint: end the line as soon as possible.
                breaks.push(Break { at: i, ratio: 0.0 });
                (start, line, last) = skip_discardable(items, i + 1);
                i = start;
                continue;
            }
        }
        if item.kind != Kind::Penalty {
            line += item.width;
        }
        if line > width + 0.01
            && item.kind == Kind::Box
            && let Some(b) = last.filter(|&b| b >= start)
        {
            breaks.push(Break { at: b, ratio: 0.0 });
            (start, line, last) = skip_discardable(items, b + 1);
            i = start;
            continue;
        }
        i += 1;
    }
    if breaks
        .last()
        .is_none_or(|b| b.at != items.len().saturating_sub(1))
        && !items.is_empty()
    {
        breaks.push(Break {
            at: items.len() - 1,
            ratio: 0.0,
        });
    }
    breaks
}

fn skip_discardable(items: &[Item], mut i: usize) -> (usize, f32, Option<usize>) {
    while i < items.len() && items[i].kind != Kind::Box && !items[i].is_forced() {
        i += 1;
    }
    (i, 0.0, None)
}

#[derive(Debug, Clone, Copy)]
struct Node {
    at: usize,
    line: usize,
    fitness: u8,
    width: f32,
    stretch: f32,
    shrink: f32,
    demerits: f64,
    ratio: f32,
    prev: Option<usize>,
    flagged: bool,
}

/// Lines chosen by Knuth and Plass's total-fit algorithm; `width` is the
/// measure. Never fails: when no set of breaks keeps every line within the
/// tolerance, a second pass accepts loose and, as a last resort, overfull lines.
pub(crate) fn optimal_fit(items: &[Item], width: f32) -> Vec<Break> {
    if items.is_empty() {
        return Vec::new();
    }
    total_fit(items, width, 1.5, false)
        .or_else(|| total_fit(items, width, 6.0, true))
        .unwrap_or_else(|| first_fit(items, width))
}

/// One pass of the total-fit search: the feasible breakpoints found so
/// far (`nodes`) and those a line may still start from (`active`).
struct TotalFit<'i> {
    items: &'i [Item],
    width: f32,
    tolerance: f32,
    emergency: bool,
    nodes: Vec<Node>,
    active: Vec<usize>,
}

fn total_fit(items: &[Item], width: f32, tolerance: f32, emergency: bool) -> Option<Vec<Break>> {
    let mut search = TotalFit {
        items,
        width,
        tolerance,
        emergency,
        nodes: vec![Node {
            at: 0,
            line: 0,
            fitness: 1,
            width: 0.0,
            stretch: 0.0,
            shrink: 0.0,
            demerits: 0.0,
            ratio: 0.0,
            prev: None,
            flagged: false,
        }],
        active: vec![0],
    };
    let (mut sum_w, mut sum_y, mut sum_z) = (0.0_f32, 0.0_f32, 0.0_f32);
    for (i, item) in items.iter().enumerate() {
        if can_break(items, i) {
            search.try_break(i, (sum_w, sum_y, sum_z));
            if search.active.is_empty() {
                return None;
            }
        }
        if item.kind != Kind::Penalty {
            sum_w += item.width;
            sum_y += item.stretch;
            sum_z += item.shrink;
        }
    }
    let TotalFit { nodes, active, .. } = search;
    let last = items.len() - 1;
    let best = active
        .iter()
        .copied()
        .filter(|&n| nodes[n].at == last)
        .min_by(|&a, &b| nodes[a].demerits.total_cmp(&nodes[b].demerits))?;
    let mut breaks = Vec::new();
    let mut node = Some(best);
    while let Some(n) = node {
        if nodes[n].prev.is_some() {
            breaks.push(Break {
                at: nodes[n].at,
                ratio: nodes[n].ratio,
            });
        }
        node = nodes[n].prev;
    }
    breaks.reverse();
    Some(breaks)
}

impl TotalFit<'_> {
    /// Considers a break at item `b`, given the totals of width, stretch
    /// and shrink of the items before it.
    fn try_break(&mut self, b: usize, (sum_w, sum_y, sum_z): (f32, f32, f32)) {
        let (items, width, tolerance, emergency) =
            (self.items, self.width, self.tolerance, self.emergency);
        let (nodes, active) = (&mut self.nodes, &mut self.active);
        let item = &items[b];
        let forced = item.is_forced();
        let penalty = if item.kind == Kind::Penalty {
            f64::from(item.penalty)
        } else {
            0.0
        };
        let extra = if item.kind == Kind::Penalty {
            item.width
        } else {
            0.0
        };
        // Best candidate per fitness class: (demerits, from node, ratio).
        let mut best: [Option<(f64, usize, f32)>; 4] = [None; 4];
        let mut keep = Vec::with_capacity(active.len());
        for &a in active.iter() {
            let node = nodes[a];
            let length = sum_w - node.width + extra;
            let ratio = if length < width {
                let stretch = sum_y - node.stretch;
                if stretch > 0.0 {
                    (width - length) / stretch
                } else {
                    f32::INFINITY
                }
            } else if length > width {
                let shrink = sum_z - node.shrink;
                if shrink > 0.0 {
                    (width - length) / shrink
                } else {
                    f32::NEG_INFINITY
                }
            } else {
                0.0
            };
            let overfull = ratio < -1.0;
            if !(overfull || forced) {
                keep.push(a);
            }
            let feasible = (-1.0..=tolerance).contains(&ratio);
            let rescue = emergency && (overfull || (forced && ratio > tolerance));
            if !(feasible || rescue) {
                continue;
            }
            let r = f64::from(ratio.clamp(-1.0, tolerance.max(1.0) * 4.0));
            let badness = 100.0 * r.abs().powi(3);
            let mut demerits = (LINE_PENALTY + badness).powi(2);
            if penalty >= 0.0 {
                demerits += penalty * penalty;
            } else if penalty > f64::from(FORCE) {
                demerits -= penalty * penalty;
            }
            if item.flagged && node.flagged {
                demerits += FLAGGED_DEMERITS;
            }
            let fitness = fitness_class(ratio);
            if fitness.abs_diff(node.fitness) > 1 {
                demerits += FITNESS_DEMERITS;
            }
            if rescue && !feasible {
                demerits += 1.0e9 * f64::from(1.0 + (length - width).abs());
            }
            let total = node.demerits + demerits;
            let slot = &mut best[usize::from(fitness)];
            if slot.is_none_or(|(d, _, _)| total < d) {
                *slot = Some((total, a, ratio));
            }
        }
        *active = keep;
        if best.iter().all(Option::is_none) {
            return;
        }
        // Totals after the break: discardable items that follow it do not count.
        let (mut w, mut y, mut z) = (sum_w, sum_y, sum_z);
        for next in &items[b..] {
            match next.kind {
                Kind::Box => break,
                Kind::Penalty if next.is_forced() && !std::ptr::eq(next, item) => break,
                Kind::Penalty => {}
                Kind::Glue => {
                    w += next.width;
                    y += next.stretch;
                    z += next.shrink;
                }
            }
        }
        for (fitness, candidate) in best.iter().enumerate() {
            if let Some((demerits, from, ratio)) = *candidate {
                nodes.push(Node {
                    at: b,
                    line: nodes[from].line + 1,
                    fitness: fitness as u8,
                    width: w,
                    stretch: y,
                    shrink: z,
                    demerits,
                    ratio,
                    prev: Some(from),
                    flagged: item.flagged,
                });
                active.push(nodes.len() - 1);
            }
        }
    }
}

fn fitness_class(ratio: f32) -> u8 {
    if ratio < -0.5 {
        0
    } else if ratio <= 0.5 {
        1
    } else if ratio <= 1.0 {
        2
    } else {
        3
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(lengths: &[f32]) -> Vec<Item> {
        let mut items = Vec::new();
        for (i, &w) in lengths.iter().enumerate() {
            if i > 0 {
                items.push(Item::glue(5.0, 3.0, 2.0, 0..0));
            }
            items.push(Item::boxed(w, 0..0));
        }
        items.push(Item::glue(0.0, FIL, 0.0, 0..0));
        items.push(Item::penalty(0.0, FORCE, false));
        items
    }

    #[test]
    fn optimal_fit_ends_with_the_paragraph() {
        let items = words(&[20.0; 40]);
        let breaks = optimal_fit(&items, 100.0);
        assert_eq!(breaks.last().map(|b| b.at), Some(items.len() - 1));
        assert!(breaks.len() >= 9);
        for b in &breaks[..breaks.len() - 1] {
            assert!(b.ratio >= -1.0 && b.ratio <= 1.5, "{b:?}");
        }
    }

    #[test]
    fn an_overlong_word_still_gives_lines() {
        let items = words(&[20.0, 500.0, 20.0]);
        let breaks = optimal_fit(&items, 100.0);
        assert_eq!(breaks.last().map(|b| b.at), Some(items.len() - 1));
    }

    #[test]
    fn first_fit_breaks_when_full() {
        let items = words(&[30.0; 10]);
        let breaks = first_fit(&items, 100.0);
        assert_eq!(breaks.len(), 4);
    }
}
