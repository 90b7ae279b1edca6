"""Reads a DOCX as another program does, with python-docx, and prints as JSON
what the tests compare: each paragraph's style and text, the style names, the
core properties and the first section's footer.

A paragraph's text is taken from its XML, runs and the runs inside hyperlinks
in order, whatever python-docx version reads it: `Paragraph.text` in
python-docx before 1.0 leaves out hyperlinks, so a contact line read
"at , United Nations".

Run it with the tests' Python: .tools/venv/bin/python tests/tools/read-docx.py FILE.docx
"""

import json
import sys

import docx
from docx.oxml.ns import qn

T, TAB, BR, CR, HYPHEN = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr"), qn("w:noBreakHyphen")
RUN, HYPERLINK, TYPE = qn("w:r"), qn("w:hyperlink"), qn("w:type")


def run_text(run):
    parts = []
    for child in run:
        if child.tag == T:
            parts.append(child.text or "")
        elif child.tag == TAB:
            parts.append("\t")
        elif child.tag == CR or (child.tag == BR and child.get(TYPE) in (None, "textWrapping")):
            parts.append("\n")
        elif child.tag == HYPHEN:
            parts.append("-")
    return "".join(parts)


def paragraph_text(paragraph):
    parts = []
    for child in paragraph._p:
        if child.tag == RUN:
            parts.append(run_text(child))
        elif child.tag == HYPERLINK:
            parts.extend(run_text(run) for run in child.iterchildren(RUN))
    return "".join(parts)


def main(path):
    document = docx.Document(path)
    properties = document.core_properties
    print(
        json.dumps(
            {
                "python_docx": getattr(docx, "__version__", "unknown"),
                "paragraphs": [[p.style.name, paragraph_text(p)] for p in document.paragraphs],
                "styles": [s.name for s in document.styles],
                "title": properties.title,
                "author": properties.author,
                "subject": properties.subject,
                "language": properties.language,
                "created": properties.created.isoformat() if properties.created else None,
                "footer": [paragraph_text(p) for p in document.sections[0].footer.paragraphs],
            },
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: read-docx.py FILE.docx")
    main(sys.argv[1])
