"""Typographic figures of a PDF, measured from its glyph positions by an
independent reader (pdfplumber, installed by scripts/deps.sh into
.tools/venv), so that the typesetter is judged by what it drew, not by what
it meant to draw.

    .tools/venv/bin/python scripts/typography.py FILE.pdf [--json]

For every justified line (a line of the text column's full width with at
least two word spaces, the last line of a paragraph left out), each word
space is measured as the distance from the start of the space glyph to the
start of the next glyph, relative to the space glyph's natural advance in
its font and size; a line's figure is the mean of its spaces. Printed: the
median, 95th percentile and maximum over the lines, the share of lines over
1.5 times the natural space, the longest run of consecutive lines ending
with a hyphen, and the number of pages.
"""

import json
import statistics
import sys

import pdfplumber

# Lines whose glyphs' tops are this close are one line, in points.
SAME_LINE = 0.5
# A line ends flush with the column when its last glyph ends this close to
# the right edge of the page's text column, in points.
FLUSH = 0.75
HYPHENS = {"-", "\u00ad", "\u2010"}


def lines_of(page):
    """The page's glyphs in lines, top to bottom, each left to right."""
    lines = []
    for char in sorted(page.chars, key=lambda c: (round(c["top"], 1), c["x0"])):
        if lines and abs(lines[-1][0]["top"] - char["top"]) <= SAME_LINE:
            lines[-1].append(char)
        else:
            lines.append([char])
    return [sorted(line, key=lambda c: c["x0"]) for line in lines]


def space_ratios(line):
    """Each word space of `line` relative to its natural width."""
    ratios = []
    for i, char in enumerate(line[:-1]):
        if char["text"] != " " or i == 0:
            continue
        natural = char.get("adv") or (char["x1"] - char["x0"])
        if natural <= 0:
            continue
        ratios.append((line[i + 1]["x0"] - char["x0"]) / natural)
    return ratios


def visible_end(line):
    """Where the line's last drawn glyph ends."""
    drawn = [c for c in line if c["text"].strip()]
    return drawn[-1]["x1"] if drawn else line[-1]["x1"]


def measure(path):
    per_line = []
    hyphen_run = longest_run = 0
    with pdfplumber.open(path) as pdf:
        pages = len(pdf.pages)
        for page in pdf.pages:
            lines = lines_of(page)
            if not lines:
                continue
            right = max(visible_end(line) for line in lines)
            for n, line in enumerate(lines):
                text = "".join(c["text"] for c in line).rstrip()
                if text and text[-1] in HYPHENS:
                    hyphen_run += 1
                    longest_run = max(longest_run, hyphen_run)
                else:
                    hyphen_run = 0
                # A paragraph's last line, set loose, does not reach the
                # column's edge; the page's last line is left out too.
                flush = right - visible_end(line) <= FLUSH
                following = lines[n + 1] if n + 1 < len(lines) else None
                ratios = space_ratios(line)
                if flush and following is not None and len(ratios) >= 2:
                    per_line.append(statistics.fmean(ratios))
    per_line.sort()
    if not per_line:
        return {"pages": pages, "justified_lines": 0}
    p95 = per_line[min(len(per_line) - 1, round(0.95 * (len(per_line) - 1)))]
    return {
        "pages": pages,
        "justified_lines": len(per_line),
        "median": round(statistics.median(per_line), 3),
        "p95": round(p95, 3),
        "max": round(per_line[-1], 3),
        "over_1_5_percent": round(100 * sum(r > 1.5 for r in per_line) / len(per_line), 1),
        "consecutive_hyphenated_lines": longest_run,
    }


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    figures = measure(argv[1])
    if "--json" in argv[2:]:
        print(json.dumps(figures))
    else:
        for key, value in figures.items():
            print(f"{key:30} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
