//! Pagination: which lines of which paragraph go on which page.
//!
//! Greedy, page after page, with the house rules: at least two lines of a
//! paragraph on each side of a page break (no orphans, no widows), a heading
//! never last on its page (`keep_with_next` takes the start of what follows
//! along), a `keep_together` block never split unless it is taller than a
//! page. Space between blocks collapses to the larger of the two (the space
//! after one paragraph, the space before the next) and vanishes at the top
//! of a page.

use std::ops::Range;

const EPSILON: f32 = 0.01;
/// Lines kept together at either side of a page break.
const MIN_LINES: usize = 2;

/// The vertical needs of one block.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Flow {
    pub lines: usize,
    pub line_height: f32,
    pub before: f32,
    pub after: f32,
    /// Rule above (width and gap), and any room the block needs above its first line.
    pub above: f32,
    /// Rule below (gap and width).
    pub below: f32,
    pub keep_with_next: bool,
    pub keep_together: bool,
}

impl Flow {
    fn body(&self, lines: usize) -> f32 {
        lines as f32 * self.line_height
    }

    fn whole(&self) -> f32 {
        self.above + self.body(self.lines) + self.below
    }

    /// What must fit on the page for the block to start there.
    fn head(&self) -> f32 {
        if self.keep_together || self.keep_with_next || self.lines < MIN_LINES * 2 {
            self.whole()
        } else {
            self.above + self.body(MIN_LINES)
        }
    }
}

/// Part of a block on one page; `y` is the top of the part, from the top
/// of the page's text area.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Slice {
    pub block: usize,
    pub lines: Range<usize>,
    pub y: f32,
    pub first: bool,
    pub last: bool,
}

/// Distributes the blocks over pages whose text area is `height` tall.
/// Always gives at least one page.
pub(crate) fn paginate(flows: &[Flow], height: f32) -> Vec<Vec<Slice>> {
    let mut pages: Vec<Vec<Slice>> = vec![Vec::new()];
    let mut y = 0.0_f32;
    let mut prev_after = 0.0_f32;
    for (i, flow) in flows.iter().enumerate() {
        let mut gap = if y == 0.0 {
            0.0
        } else {
            prev_after.max(flow.before)
        };
        if y > 0.0 && y + gap + start_need(flows, i) > height + EPSILON {
            pages.push(Vec::new());
            (y, gap) = (0.0, 0.0);
        }
        let mut first = true;
        let mut next = 0;
        loop {
            let top = y + gap;
            let above = if first { flow.above } else { 0.0 };
            let remaining = flow.lines - next;
            let room = height - top - above;
            let fit = if room < 0.0 {
                0
            } else {
                ((room + EPSILON) / flow.line_height).floor() as usize
            };
            let fit_all = room - flow.below + EPSILON >= flow.body(remaining);
            if fit_all {
                push(
                    &mut pages,
                    Slice {
                        block: i,
                        lines: next..flow.lines,
                        y: top,
                        first,
                        last: true,
                    },
                );
                y = top + above + flow.body(remaining) + flow.below;
                break;
            }
            let fresh = y == 0.0;
            let splittable = !flow.keep_together || flow.whole() > height;
            let mut n = fit.min(remaining);
            if remaining - n < MIN_LINES {
                n = remaining.saturating_sub(MIN_LINES);
            }
            if !fresh && (!splittable || n < MIN_LINES.min(remaining)) {
                pages.push(Vec::new());
                (y, gap) = (0.0, 0.0);
                continue;
            }
            if fresh && (n == 0 || n < MIN_LINES.min(remaining)) {
                // A page too short for the rules: fill it rather than loop.
                n = fit.clamp(1, remaining.max(1));
            }
            push(
                &mut pages,
                Slice {
                    block: i,
                    lines: next..next + n,
                    y: top,
                    first,
                    last: false,
                },
            );
            next += n;
            first = false;
            pages.push(Vec::new());
            (y, gap) = (0.0, 0.0);
            if next >= flow.lines {
                break;
            }
        }
        prev_after = flow.after;
    }
    if pages.len() > 1 && pages.last().is_some_and(Vec::is_empty) {
        pages.pop();
    }
    pages
}

fn push(pages: &mut [Vec<Slice>], slice: Slice) {
    if let Some(page) = pages.last_mut() {
        page.push(slice);
    }
}

/// Height needed on the current page for block `i` to start there,
/// including what `keep_with_next` drags along.
fn start_need(flows: &[Flow], i: usize) -> f32 {
    let mut need = 0.0;
    let mut k = i;
    loop {
        let flow = &flows[k];
        need += flow.head();
        match flows.get(k + 1) {
            Some(next) if flow.keep_with_next => {
                need += flow.after.max(next.before);
                k += 1;
            }
            _ => return need,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(lines: usize) -> Flow {
        Flow {
            lines,
            line_height: 10.0,
            before: 0.0,
            after: 0.0,
            above: 0.0,
            below: 0.0,
            keep_with_next: false,
            keep_together: false,
        }
    }

    fn lines_per_page(pages: &[Vec<Slice>]) -> Vec<Vec<usize>> {
        pages
            .iter()
            .map(|p| p.iter().map(|s| s.lines.len()).collect())
            .collect()
    }

    #[test]
    fn a_widow_is_avoided() {
        // 9 lines on the page; the second paragraph has 5: 4 would fit, 1 would be a widow.
        let pages = paginate(&[para(5), para(5)], 90.0);
        assert_eq!(lines_per_page(&pages), vec![vec![5, 3], vec![2]]);
    }

    #[test]
    fn an_orphan_is_avoided() {
        // 1 line left on the page: the paragraph moves whole to the next page.
        let pages = paginate(&[para(8), para(5)], 90.0);
        assert_eq!(lines_per_page(&pages), vec![vec![8], vec![5]]);
    }

    #[test]
    fn a_heading_is_not_left_at_the_bottom() {
        let heading = Flow {
            keep_with_next: true,
            ..para(1)
        };
        let pages = paginate(&[para(7), heading, para(4)], 90.0);
        assert_eq!(lines_per_page(&pages), vec![vec![7], vec![1, 4]]);
    }

    #[test]
    fn a_kept_block_moves_whole() {
        let contact = Flow {
            keep_together: true,
            ..para(3)
        };
        let pages = paginate(&[para(7), contact], 90.0);
        assert_eq!(lines_per_page(&pages), vec![vec![7], vec![3]]);
    }

    #[test]
    fn a_long_paragraph_runs_over_many_pages() {
        let pages = paginate(&[para(500)], 90.0);
        let counts = lines_per_page(&pages);
        assert_eq!(counts.iter().flatten().sum::<usize>(), 500);
        assert!(counts.iter().flatten().all(|&n| n >= 2));
    }
}
