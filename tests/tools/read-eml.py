"""Reads a .eml as a mail client does (Python's email package, policy
default) and prints what a test needs as JSON: the headers, the subject
decoded, the parts' types, the text of the plain part, and the words of
the HTML part as a browser would show them, with its links."""

import json
import sys
from email import policy
from email.parser import BytesParser
from html.parser import HTMLParser


class Words(HTMLParser):
    """The text of an HTML document, a line per block, and its links."""

    BLOCKS = {"p", "h1", "h2", "h3", "li", "tr", "title"}
    SKIP = {"title", "style", "script", "head"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.links, self.scripts, self.skipping = [], [], 0, 0
        self.events = []

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.scripts += 1
        if tag in self.SKIP:
            self.skipping += 1
        for name, value in attrs:
            if name.startswith("on"):
                self.events.append(name)
        if tag == "a":
            self.links.append(dict(attrs).get("href", ""))

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self.skipping -= 1
        if tag in self.BLOCKS:
            self.out.append("\n\n")

    def handle_data(self, data):
        if not self.skipping:
            self.out.append(data)


def main(path):
    with open(path, "rb") as f:
        message = BytesParser(policy=policy.default).parse(f)
    plain = message.get_body(("plain",))
    html = message.get_body(("html",))
    words = Words()
    words.feed(html.get_content())
    result = {
        "headers": [[k, str(v)] for k, v in message.items()],
        "subject": str(message["Subject"]),
        "defects": [str(d) for d in message.defects],
        "types": [part.get_content_type() for part in message.walk()],
        "attachments": [part.get_filename() for part in message.iter_attachments()],
        "plain": plain.get_content(),
        "html_text": "".join(words.out),
        "html_links": words.links,
        "html_scripts": words.scripts,
        "html_events": words.events,
        "html_size": len(html.get_content().encode("utf-8")),
    }
    json.dump(result, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])
