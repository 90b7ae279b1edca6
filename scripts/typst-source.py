"""The words of a plain-text edition as a Typst document, for `make bench`:
the same words as the release's PDF, in the same font, page and margins,
justified and hyphenated, so that Typst and Release Composer are timed (and
their word spacing read) on the same text.

    typst-source.py RELEASE.txt OUT.typ

Each paragraph of the text edition (lines between blank lines) is one
paragraph; the first two (kind label and headline) are bold. The text goes
in as Typst strings, so nothing in it is read as markup.
"""

import sys


def quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def joined(paragraph: str) -> str:
    """A wrapped paragraph's lines as one line: a line the wrapper broke
    after a compound's hyphen ("Counter-" / "Terrorism") joins without a
    space."""
    out = ""
    for line in paragraph.split("\n"):
        line = " ".join(line.split())
        if not line:
            continue
        if out and not (out.endswith("-") and not out.endswith(" -")):
            out += " "
        out += line
    return out


def main() -> None:
    source, target = sys.argv[1], sys.argv[2]
    with open(source, encoding="utf-8") as f:
        text = f.read()
    paragraphs = [joined(p) for p in text.split("\n\n") if p.strip()]
    out = [
        '#set page(paper: "a4", margin: (x: 25mm, y: 20mm))',
        '#set text(font: "Liberation Sans", size: 11pt, lang: "en", region: "GB", hyphenate: true)',
        "#set par(justify: true, leading: 0.65em, spacing: 1.2em)",
        "",
    ]
    for n, paragraph in enumerate(paragraphs):
        words = quoted(paragraph)
        out.append(f"#strong({words})" if n < 2 else f"#{words}")
        out.append("")
    with open(target, "w", encoding="utf-8") as f:
        f.write("\n".join(out))


if __name__ == "__main__":
    main()
