"""Reads tagged PDFs with pikepdf, independently of the writer, and reports
what a PDF/UA-1 and PDF/A-2a file must get right, as JSON on standard output.

    python tagged_pdf.py FILE.pdf...

For each file: `problems` (a list of sentences; empty when nothing is
wrong), the structure tree's text in reading order (`blocks`: each block-level
element's role, language, text, and the pieces of its text with the language
each is read in), and the findings of the PyPI checker `pdfua`
(`pdfua.findings`, and `pdfua.skipped`: rules it could not evaluate).

What is checked, clause by clause, is listed in tests/README.md. The text of
a marked-content sequence is its glyphs read through the fonts' ToUnicode
maps, a show operation holding right-to-left letters read from its right end
(producers draw such text in visual order), a sequence with /ActualText read
as that text. Run it with the virtual environment `scripts/deps.sh test`
makes (pikepdf, pdfua).
"""

import json
import re
import sys
import unicodedata

import pikepdf
from pikepdf import Array, Dictionary, Name, String

STANDARD_TYPES = {
    "/Document", "/Part", "/Art", "/Sect", "/Div", "/BlockQuote", "/Caption",
    "/TOC", "/TOCI", "/Index", "/NonStruct", "/Private", "/P", "/H", "/H1",
    "/H2", "/H3", "/H4", "/H5", "/H6", "/L", "/LI", "/Lbl", "/LBody", "/Table",
    "/TR", "/TH", "/TD", "/THead", "/TBody", "/TFoot", "/Span", "/Quote",
    "/Note", "/Reference", "/BibEntry", "/Code", "/Link", "/Annot", "/Ruby",
    "/RB", "/RT", "/RP", "/Warichu", "/WT", "/WP", "/Figure", "/Formula",
    "/Form",
}
BLOCK_TYPES = {"/P", "/H1", "/H2", "/H3", "/H4", "/H5", "/H6", "/Lbl",
               "/LBody", "/Figure", "/Caption", "/BlockQuote"}
TEXT_OPERATORS = {"Tj", "TJ", "'", '"'}
PAINT_OPERATORS = {"S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh", "Do"}
LANG_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")


def text_of(value):
    """A PDF text string as Python text."""
    if value is None:
        return None
    return str(value)


def is_rtl(text):
    return any(unicodedata.bidirectional(c) in ("R", "AL") for c in text)


def parse_cmap(data):
    """bfchar and bfrange entries of a ToUnicode CMap: code -> text."""
    mapping = {}
    text = data.decode("latin-1")

    def hex_text(h):
        raw = bytes.fromhex(h)
        return raw.decode("utf-16-be", errors="replace")

    for block in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
        for code, target in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>", block):
            mapping[int(code, 16)] = hex_text(target)
    for block in re.findall(r"beginbfrange(.*?)endbfrange", text, re.S):
        for lo, hi, target in re.findall(
            r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]+>|\[[^\]]*\])", block
        ):
            lo, hi = int(lo, 16), int(hi, 16)
            if target.startswith("["):
                items = re.findall(r"<([0-9A-Fa-f]*)>", target)
                for i, item in enumerate(items):
                    mapping[lo + i] = hex_text(item)
            else:
                base = bytes.fromhex(target[1:-1])
                for i in range(hi - lo + 1):
                    value = int.from_bytes(base, "big") + i
                    mapping[lo + i] = value.to_bytes(len(base), "big").decode(
                        "utf-16-be", errors="replace"
                    )
    return mapping


class Font:
    def __init__(self, font, problems, label):
        self.name = str(font.get("/BaseFont"))
        self.two_byte = font.get("/Subtype") == "/Type0"
        self.map = {}
        to_unicode = font.get("/ToUnicode")
        if to_unicode is None:
            problems.append(f"{label}: font {self.name} has no ToUnicode map")
        else:
            self.map = parse_cmap(to_unicode.read_bytes())
        embedded = False
        if self.two_byte:
            for descendant in font.get("/DescendantFonts", []):
                descriptor = descendant.get("/FontDescriptor")
                if descriptor is not None and any(
                    k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")
                ):
                    embedded = True
        else:
            descriptor = font.get("/FontDescriptor")
            embedded = descriptor is not None and any(
                k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")
            )
        if not embedded:
            problems.append(f"{label}: font {self.name} is not embedded")

    def codes(self, data):
        data = bytes(data)
        if self.two_byte:
            return [int.from_bytes(data[i:i + 2], "big") for i in range(0, len(data) - 1, 2)]
        return list(data)


class Element:
    def __init__(self, obj, parent, role_map):
        self.obj = obj
        self.parent = parent
        self.role = str(obj.get("/S"))
        # A non-standard type counts as the standard one it is mapped to
        # (our writer writes none; other producers do).
        seen = set()
        while self.role in role_map and self.role not in STANDARD_TYPES and self.role not in seen:
            seen.add(self.role)
            self.role = str(role_map[self.role])
        self.lang = text_of(obj.get("/Lang"))
        self.alt = text_of(obj.get("/Alt"))
        self.kids = []  # ("element", Element) | ("mcid", page, mcid) | ("objr", objgen)

    def language(self, catalog_lang):
        e = self
        while e is not None:
            if e.lang:
                return e.lang
            e = e.parent
        return catalog_lang


def kids_of(obj):
    k = obj.get("/K")
    if k is None:
        return []
    if isinstance(k, Array):
        return list(k)
    return [k]


def page_index(pdf):
    return {page.obj.objgen: n for n, page in enumerate(pdf.pages)}


def number_tree(node, out, problems, depth=0):
    if depth > 32:
        problems.append("the parent tree is too deep")
        return
    nums = node.get("/Nums")
    if nums is not None:
        for i in range(0, len(nums) - 1, 2):
            out[int(nums[i])] = nums[i + 1]
    for kid in node.get("/Kids", []):
        number_tree(kid, out, problems, depth + 1)


def inspect(path):
    problems = []
    pdf = pikepdf.open(path)
    root = pdf.Root
    pages = page_index(pdf)
    catalog_lang = text_of(root.get("/Lang"))
    if not catalog_lang or not LANG_TAG.match(catalog_lang):
        problems.append(f"the catalog's /Lang is {catalog_lang!r}, not a language tag")
    mark_info = root.get("/MarkInfo")
    if mark_info is None or not bool(mark_info.get("/Marked", False)):
        problems.append("no /MarkInfo with /Marked true")
    elif bool(mark_info.get("/Suspects", False)):
        problems.append("/MarkInfo /Suspects is true")
    prefs = root.get("/ViewerPreferences")
    if prefs is None or not bool(prefs.get("/DisplayDocTitle", False)):
        problems.append("/ViewerPreferences /DisplayDocTitle is not true")
    trailer_id = pdf.trailer.get("/ID")
    if trailer_id is None or len(trailer_id) != 2:
        problems.append("the trailer has no /ID of two strings")
    if pdf.is_encrypted or "/Encrypt" in pdf.trailer:
        problems.append("the file is encrypted")
    if pdf.pdf_version > "1.7":
        problems.append(f"PDF {pdf.pdf_version}: PDF/UA-1 and PDF/A-2 are PDF 1.7")
    with open(path, "rb") as f:
        head = f.read(64)
    second = head.split(b"\n")[1] if head.count(b"\n") >= 1 else b""
    if not head.startswith(b"%PDF-1.") or not (
        second.startswith(b"%") and len(second) >= 5 and all(b >= 128 for b in second[1:5])
    ):
        problems.append("the header is not %PDF-1.n and a comment of four bytes above 127")

    # --- structure tree -------------------------------------------------
    tree = root.get("/StructTreeRoot")
    elements = []
    outline_titles = []
    by_mcid = {}  # (page, mcid) -> Element
    by_annotation = {}  # objgen -> Element
    role_map = {}
    if tree is not None and "/RoleMap" in tree:
        role_map = {str(k): v for k, v in tree.RoleMap.items()}
    if tree is None:
        problems.append("no /StructTreeRoot")
    else:
        if "/RoleMap" in tree:
            problems.append("a /RoleMap: the writer uses standard types only")

        def walk(obj, parent, page, depth):
            if depth > 64:
                problems.append("the structure tree is too deep")
                return None
            element = Element(obj, parent, role_map)
            elements.append(element)
            if element.role not in STANDARD_TYPES:
                problems.append(f"non-standard structure type {element.role}")
            if parent is not None:
                p = obj.get("/P")
                if p is None or p.objgen != parent.obj.objgen:
                    problems.append(f"{element.role}'s /P is not its parent")
            pg = obj.get("/Pg")
            if pg is not None:
                page = pages.get(pg.objgen)
            for kid in kids_of(obj):
                if isinstance(kid, int) and not isinstance(kid, bool):
                    if page is None:
                        problems.append(f"{element.role}: a marked-content id with no page")
                        continue
                    key = (page, int(kid))
                    if key in by_mcid:
                        problems.append(f"page {page + 1} MCID {kid} belongs to two elements")
                    by_mcid[key] = element
                    element.kids.append(("mcid", page, int(kid)))
                elif isinstance(kid, Dictionary):
                    kind = kid.get("/Type")
                    if kind == "/MCR":
                        kpage = pages.get(kid.Pg.objgen) if "/Pg" in kid else page
                        key = (kpage, int(kid.MCID))
                        if key in by_mcid:
                            problems.append(f"page {kpage + 1} MCID {kid.MCID} belongs to two elements")
                        by_mcid[key] = element
                        element.kids.append(("mcid", kpage, int(kid.MCID)))
                    elif kind == "/OBJR":
                        target = kid.get("/Obj")
                        if target is None:
                            problems.append(f"{element.role}: an OBJR without /Obj")
                            continue
                        if target.objgen in by_annotation:
                            problems.append("an annotation is referenced twice")
                        by_annotation[target.objgen] = element
                        element.kids.append(("objr", target.objgen))
                    elif "/S" in kid:
                        child = walk(kid, element, page, depth + 1)
                        if child is not None:
                            element.kids.append(("element", child))
                    else:
                        problems.append(f"{element.role}: a kid that is none of MCID, MCR, OBJR, element")
            return element

        top = kids_of(tree)
        documents = [walk(k, None, None, 0) for k in top if isinstance(k, Dictionary)]
        if len(documents) != 1 or documents[0].role != "/Document":
            problems.append("the tree's root is not one Document element")

        parents = {}
        parent_tree = tree.get("/ParentTree")
        if parent_tree is None:
            problems.append("no /ParentTree")
        else:
            number_tree(parent_tree, parents, problems)
        next_key = tree.get("/ParentTreeNextKey")
        if next_key is not None and parents and int(next_key) <= max(parents):
            problems.append("/ParentTreeNextKey is not above every key")
        for n, page in enumerate(pdf.pages):
            if page.obj.get("/Tabs") != "/S":
                problems.append(f"page {n + 1} has no /Tabs /S")
            key = page.obj.get("/StructParents")
            mcids = sorted(m for (p, m) in by_mcid if p == n)
            if key is None:
                if mcids:
                    problems.append(f"page {n + 1} has tagged content but no /StructParents")
                continue
            entry = parents.get(int(key))
            if entry is None:
                problems.append(f"page {n + 1}: no parent tree entry {key}")
                continue
            for m in mcids:
                if m >= len(entry) or entry[m].objgen != by_mcid[(n, m)].obj.objgen:
                    problems.append(f"page {n + 1} MCID {m}: the parent tree names another element")
            if len(entry) != len(mcids):
                problems.append(f"page {n + 1}: the parent tree lists {len(entry)} MCIDs, the tree {len(mcids)}")

        # Elements whose kind asks for something.
        level = 0
        for element in elements:
            if element.role == "/Figure" and not (element.alt or "").strip():
                problems.append("a Figure without /Alt")
            if element.role in ("/H1", "/H2", "/H3", "/H4", "/H5", "/H6"):
                n = int(element.role[2])
                if level == 0 and n != 1:
                    problems.append(f"the first heading is {element.role}, not H1")
                elif n > level + 1:
                    problems.append(f"{element.role} follows H{level}: a level is skipped")
                level = n
            if element.role == "/L":
                for kind, *rest in element.kids:
                    if kind != "element" or rest[0].role not in ("/LI", "/L", "/Caption"):
                        problems.append("an L holds something other than LI")
            if element.role == "/LI":
                for kind, *rest in element.kids:
                    if kind != "element" or rest[0].role not in ("/Lbl", "/LBody"):
                        problems.append("an LI holds something other than Lbl, LBody")
            if element.role in ("/LI", "/LBody", "/Lbl") and (
                element.parent is None or element.parent.role not in ("/L", "/LI")
            ):
                problems.append(f"{element.role} outside a list")
            if element.lang is not None and not LANG_TAG.match(element.lang):
                problems.append(f"{element.role}'s /Lang {element.lang!r} is not a language tag")

        # Annotations.
        for n, page in enumerate(pdf.pages):
            for annot in page.obj.get("/Annots", []):
                subtype = annot.get("/Subtype")
                if subtype == "/Popup":
                    continue
                flags = int(annot.get("/F", 0))
                if not flags & 4 or flags & (1 | 2 | 32):
                    problems.append(f"page {n + 1}: an annotation not printed or hidden (/F {flags})")
                if subtype != "/Link":
                    continue
                if not text_of(annot.get("/Contents")):
                    problems.append(f"page {n + 1}: a link without /Contents")
                owner = by_annotation.get(annot.objgen)
                if owner is None or owner.role != "/Link":
                    problems.append(f"page {n + 1}: a link annotation no Link element references")
                    continue
                key = annot.get("/StructParent")
                if key is None or int(key) not in parents:
                    problems.append(f"page {n + 1}: a link without a /StructParent in the parent tree")
                elif parents[int(key)].objgen != owner.obj.objgen:
                    problems.append(f"page {n + 1}: a link's /StructParent names another element")

        # The outline: an entry for every heading, in reading order.
        headings = [e for e in elements if e.role in ("/H1", "/H2", "/H3", "/H4", "/H5", "/H6")]
        outline_titles = []
        outlines = root.get("/Outlines")
        item = outlines.get("/First") if outlines is not None else None
        while item is not None and len(outline_titles) < 10000:
            outline_titles.append(text_of(item.get("/Title")))
            item = item.get("/Next")
        if headings and len(outline_titles) != len(headings):
            problems.append(f"{len(headings)} headings but {len(outline_titles)} outline entries")
        for n, page in enumerate(pdf.pages):
            for annot in page.obj.get("/Annots", []):
                action = annot.get("/A")
                if action is not None and action.get("/S") not in ("/URI", "/GoTo"):
                    problems.append(f"page {n + 1}: an annotation with a {action.get('/S')} action")

    # --- content streams -------------------------------------------------
    texts = {}  # (page, mcid) -> list of (text, lang or None)
    seen_mcids = set()
    shown = []
    fonts_seen = {}
    for n, page in enumerate(pdf.pages):
        resources = page.obj.get("/Resources", Dictionary())
        fonts = {}
        for name, font in resources.get("/Font", Dictionary()).items():
            if font.objgen not in fonts_seen:
                fonts_seen[font.objgen] = Font(font, problems, f"page {n + 1}")
            fonts[name] = fonts_seen[font.objgen]
        # The marked-content stack: dicts with tag, mcid, artifact, lang,
        # actual (ActualText) and the text collected inside an ActualText.
        stack = []
        font = None
        for instruction in pikepdf.parse_content_stream(page):
            if isinstance(instruction, pikepdf.ContentStreamInlineImage):
                problems.append(f"page {n + 1}: an inline image")
                continue
            op = str(instruction.operator)
            operands = instruction.operands
            if op in ("BMC", "BDC"):
                props = operands[1] if op == "BDC" and len(operands) > 1 else None
                if isinstance(props, Name):
                    problems.append(f"page {n + 1}: marked content with named properties")
                    props = None
                entry = {
                    "tag": str(operands[0]),
                    "mcid": None,
                    "lang": None,
                    "actual": None,
                    "collected": [],
                }
                if isinstance(props, Dictionary):
                    if "/MCID" in props:
                        entry["mcid"] = int(props.MCID)
                    if "/Lang" in props:
                        entry["lang"] = text_of(props.Lang)
                    if "/ActualText" in props:
                        entry["actual"] = text_of(props.ActualText)
                entry["artifact"] = entry["tag"] == "/Artifact"
                inside_artifact = any(e["artifact"] for e in stack)
                inside_tagged = any(e["mcid"] is not None for e in stack)
                if entry["artifact"] and inside_tagged:
                    problems.append(f"page {n + 1}: an artifact inside tagged content")
                if entry["mcid"] is not None and (inside_artifact or inside_tagged):
                    problems.append(f"page {n + 1}: tagged content inside an artifact or other tagged content")
                if entry["mcid"] is not None:
                    key = (n, entry["mcid"])
                    if key in seen_mcids:
                        problems.append(f"page {n + 1}: MCID {entry['mcid']} used twice")
                    seen_mcids.add(key)
                    if tree is not None and key not in by_mcid:
                        problems.append(f"page {n + 1}: MCID {entry['mcid']} no element owns (orphaned)")
                stack.append(entry)
                continue
            if op == "EMC":
                if not stack:
                    problems.append(f"page {n + 1}: EMC without a marked-content sequence")
                    continue
                entry = stack.pop()
                if entry["actual"] is not None:
                    deliver(stack, texts, n, entry["actual"], entry["lang"])
                continue
            if op == "Tf":
                font = fonts.get(operands[0])
                if font is None:
                    problems.append(f"page {n + 1}: font {operands[0]} is not in the resources")
                continue
            if op in PAINT_OPERATORS or op in TEXT_OPERATORS:
                owned = any(e["mcid"] is not None for e in stack)
                artifact = any(e["artifact"] for e in stack)
                if not owned and not artifact:
                    what = "text" if op in TEXT_OPERATORS else f"`{op}`"
                    problems.append(f"page {n + 1}: {what} neither tagged nor an artifact")
            if op not in TEXT_OPERATORS or font is None:
                continue
            if op == "TJ":
                strings = [item for item in operands[0] if isinstance(item, String)]
            else:
                strings = [operands[-1]]
            glyphs = []
            for s in strings:
                for code in font.codes(s):
                    shown.append((font, code))
                    if code == 0:
                        problems.append(f"page {n + 1}: the .notdef glyph is shown ({font.name})")
                    glyphs.append(font.map.get(code, ""))
            text = "".join(glyphs)
            if is_rtl(text):
                text = "".join(reversed(glyphs))
            if not any(e["artifact"] for e in stack):
                deliver(stack, texts, n, text, None)
        if stack:
            problems.append(f"page {n + 1}: marked content left open")

    checked = set()
    for font, code in shown:
        if (id(font), code) in checked:
            continue
        checked.add((id(font), code))
        target = font.map.get(code)
        if not target:
            problems.append(f"{font.name}: glyph {code} maps to no Unicode")
        elif any(c in "\u0000\ufeff\ufffe" for c in target):
            problems.append(f"{font.name}: glyph {code} maps to {target!r}")

    for key in by_mcid:
        if key not in seen_mcids:
            problems.append(f"page {key[0] + 1}: the tree names MCID {key[1]}, which the page does not have")

    # --- the tree's text in reading order ---------------------------------
    blocks, fragments = [], []

    def element_text(element, lang):
        lang = element.lang or lang
        out = []
        for kid in element.kids:
            if kid[0] == "element":
                out.append(element_text(kid[1], lang))
            elif kid[0] == "mcid":
                for text, span_lang in texts.get((kid[1], kid[2]), []):
                    fragments.append({"lang": span_lang or lang, "text": text})
                    out.append(text)
        return "".join(out)

    def visit(element, lang):
        lang = element.lang or lang
        if element.role in BLOCK_TYPES:
            start = len(fragments)
            text = element_text(element, lang)
            blocks.append({"role": element.role[1:], "lang": lang, "text": text,
                           "fragments": fragments[start:], "alt": element.alt})
            return
        for kid in element.kids:
            if kid[0] == "element":
                visit(kid[1], lang)
            elif kid[0] == "mcid":
                for text, span_lang in texts.get((kid[1], kid[2]), []):
                    fragments.append({"lang": span_lang or lang, "text": text})

    if tree is not None and elements:
        visit(elements[0], catalog_lang)
        heading_texts = [" ".join(b["text"].replace("\u00ad", "").split())
                         for b in blocks if b["role"] in ("H1", "H2", "H3", "H4", "H5", "H6")]
        if outline_titles and outline_titles != heading_texts:
            problems.append(f"the outline {outline_titles!r} is not the headings {heading_texts!r}")

    # --- identification, metadata, output intent -------------------------
    metadata = {}
    raw = root.get("/Metadata")
    if raw is None:
        problems.append("no XMP metadata")
    else:
        if "/Filter" in raw:
            problems.append("the XMP metadata stream is filtered")
        xmp = raw.read_bytes().decode("utf-8")
        if "bytes=" in xmp.split("?>")[0] or "encoding=" in xmp.split("?>")[0]:
            problems.append("the XMP packet header has bytes or encoding")
        with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
            metadata = {k: meta.get(k) for k in (
                "dc:title", "dc:creator", "dc:description", "dc:language",
                "xmp:CreatorTool", "xmp:CreateDate", "xmp:ModifyDate", "pdf:Producer",
                "pdfaid:part", "pdfaid:conformance", "pdfuaid:part",
            )}
            metadata = {k: (list(v) if isinstance(v, (list, set)) else v) for k, v in metadata.items()}
            status = meta.pdfa_status
        if status != "2A":
            problems.append(f"XMP says PDF/A {status!r}, not 2A")
        if str(metadata.get("pdfuaid:part")) != "1":
            problems.append("XMP has no pdfuaid:part 1")
        if "http://www.aiim.org/pdfua/ns/id/" not in xmp or "pdfaExtension:schemas" not in xmp:
            problems.append("no PDF/A extension schema declares pdfuaid")
        info = pdf.docinfo
        pairs = [("/Title", "dc:title"), ("/Subject", "dc:description"),
                 ("/Creator", "xmp:CreatorTool"), ("/Producer", "pdf:Producer")]
        for key, prop in pairs:
            a, b = text_of(info.get(key)), metadata.get(prop)
            if a != b:
                problems.append(f"Info {key} {a!r} and XMP {prop} {b!r} differ")
        author = text_of(info.get("/Author"))
        creators = metadata.get("dc:creator") or []
        if (author or None) != (creators[0] if creators else None):
            problems.append(f"Info /Author {author!r} and XMP dc:creator {creators!r} differ")
        languages = metadata.get("dc:language") or []
        if catalog_lang not in languages:
            problems.append(f"XMP dc:language {languages!r} lacks the catalog's {catalog_lang!r}")
        for key, prop in (("/CreationDate", "xmp:CreateDate"), ("/ModDate", "xmp:ModifyDate")):
            a, b = text_of(info.get(key)), metadata.get(prop)
            if (a is None) != (b is None):
                problems.append(f"Info {key} {a!r} and XMP {prop} {b!r}: one is missing")
            elif a is not None:
                m = re.match(r"D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})([+-])(\d{2})'(\d{2})", a)
                iso = m and f"{m[1]}-{m[2]}-{m[3]}T{m[4]}:{m[5]}:{m[6]}{m[7]}{m[8]}:{m[9]}"
                if iso != b:
                    problems.append(f"Info {key} {a!r} and XMP {prop} {b!r} differ")
    intents = root.get("/OutputIntents", [])
    pdfa = [i for i in intents if i.get("/S") == "/GTS_PDFA1"]
    if len(pdfa) != 1:
        problems.append(f"{len(pdfa)} PDF/A output intents, not one")
    else:
        profile = pdfa[0].get("/DestOutputProfile")
        data = profile.read_bytes() if profile is not None else b""
        if profile is None or int(profile.get("/N", 0)) != 3 or data[16:20] != b"RGB " \
                or data[12:16] not in (b"mntr", b"prtr") or data[36:40] != b"acsp":
            problems.append("the output intent's profile is not an RGB output or display profile")
        if not text_of(pdfa[0].get("/OutputConditionIdentifier")):
            problems.append("the output intent has no /OutputConditionIdentifier")

    # --- the PyPI checker -----------------------------------------------
    from pdfua import validate

    report = validate(path)
    pdfua_result = {
        "findings": [
            f"{f.rule_id} {f.location.describe()}: {f.message}" for f in report.findings
        ],
        "skipped": [f"{o.rule_id}: {o.skipped_reason}" for o in report.skipped],
    }
    return {
        "file": path,
        "problems": sorted(set(problems), key=problems.index),
        "blocks": blocks,
        "metadata": {k: v for k, v in metadata.items() if v is not None},
        "pdfua": pdfua_result,
    }


def deliver(stack, texts, page, text, lang):
    """Gives `text` (in `lang`, when it comes from a sequence that has one)
    to the marked-content sequence that owns it, unless an enclosing
    sequence's /ActualText replaces it."""
    for entry in reversed(stack):
        if entry["actual"] is not None:
            return
        if entry["mcid"] is not None:
            if lang is None:
                lang = next((e["lang"] for e in reversed(stack) if e["lang"]), None)
            texts.setdefault((page, entry["mcid"]), []).append((text, lang))
            return
    # Text outside tagged content is reported where it is shown.


def main(paths):
    out = []
    for path in paths:
        try:
            out.append(inspect(path))
        except Exception as e:  # a file the reader cannot take is a finding
            out.append({"file": path, "problems": [f"cannot be read: {type(e).__name__}: {e}"],
                        "blocks": [], "metadata": {},
                        "pdfua": {"findings": [], "skipped": []}})
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1:])
