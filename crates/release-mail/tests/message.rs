//! The .eml as bytes: CRLF line ends, no line over 998 octets, bodies
//! encoded, the same bytes for the same draft, and no header that the
//! draft's text could have added, whatever it holds.

use release_mail::{MailOptions, Mailbox, eml};
use release_model::{Contact, Draft, Embargo, Run};
use release_style::{builtin, document};

fn message(draft: &Draft, options: &MailOptions) -> Vec<u8> {
    let style = builtin("un").expect("un");
    eml(&document(draft, &style), options)
}

/// The header section: (name, unfolded value) in order.
fn headers(bytes: &[u8]) -> Vec<(String, String)> {
    let text = String::from_utf8_lossy(bytes);
    let head = text.split("\r\n\r\n").next().expect("a header section");
    let mut out: Vec<(String, String)> = Vec::new();
    for line in head.split("\r\n") {
        if line.starts_with([' ', '\t']) {
            let last = out.last_mut().expect("a folded line follows a header");
            last.1.push_str(line);
        } else {
            let (name, value) = line.split_once(':').expect("a header line has a colon");
            out.push((name.to_owned(), value.trim().to_owned()));
        }
    }
    out
}

fn names(bytes: &[u8]) -> Vec<String> {
    headers(bytes).into_iter().map(|(n, _)| n).collect()
}

const EXPECTED: [&str; 9] = [
    "Subject",
    "Date",
    "Message-ID",
    "Content-Language",
    "X-Unsent",
    "From",
    "Reply-To",
    "MIME-Version",
    "Content-Type",
];

fn sender() -> MailOptions {
    MailOptions {
        from: Some(Mailbox {
            name: "Laurence Gerard".into(),
            email: "gerardl@un.org".into(),
        }),
        ..MailOptions::default()
    }
}

#[test]
fn lines_end_in_crlf_and_stay_under_998_octets() {
    let bytes = message(&release_model::example(), &sender());
    assert_eq!(names(&bytes), EXPECTED);
    for (i, line) in bytes.split(|b| *b == b'\n').enumerate() {
        if line.is_empty() {
            continue;
        }
        assert!(line.ends_with(b"\r"), "line {i} does not end in CRLF");
        assert!(line.len() <= 999, "line {i} has {} octets", line.len() - 1);
    }
    assert!(
        !bytes.windows(2).any(|w| w[1] == b'\n' && w[0] != b'\r'),
        "a bare LF"
    );
    let text = String::from_utf8(bytes.clone()).expect("7-bit or UTF-8 headers");
    assert!(text.is_ascii(), "bodies are encoded: the message is ASCII");
    assert!(
        text.contains("Content-Transfer-Encoding: quoted-printable")
            || text.contains("Content-Transfer-Encoding: base64")
    );
    // The same draft gives the same bytes.
    assert_eq!(message(&release_model::example(), &sender()), bytes);
}

#[test]
fn no_text_of_a_draft_adds_a_header() {
    let mut draft = release_model::example();
    let evil = "Launch\r\nBcc: victim@example.org\r\nX-Evil: 1\n\nbody\0 injected";
    draft.release.headline = evil.into();
    draft.release.kind = "PRESS\rRELEASE\nTo: x@y.z".into();
    draft.release.embargo = Some(Embargo {
        until: "2021-12-08T10:00:00+05:00\r\nCc: a@b.c".into(),
        ..Embargo::default()
    });
    draft.language = "en\r\nX-Lang: 1".into();
    draft.release.contacts.push(Contact {
        name: "Eve\r\nBcc: eve@example.org".into(),
        email: "eve@example.org\r\nBcc: x@y.z".into(),
        ..Contact::default()
    });
    draft
        .release
        .body
        .push(release_model::Block::paragraph(vec![Run::plain(
            "<script>alert(1)</script>\r\n\r\nContent-Type: text/html",
        )]));
    let options = MailOptions {
        from: Some(Mailbox {
            name: "Eve\r\nBcc: evil@example.org".into(),
            email: "eve@example.org\r\nBcc: x@y.z".into(),
        }),
        ..MailOptions::default()
    };
    let bytes = message(&draft, &options);
    let found = names(&bytes);
    // A sender that is not an address is left out, not written half.
    let expected: Vec<&str> = EXPECTED
        .iter()
        .copied()
        .filter(|n| !matches!(*n, "From" | "Reply-To"))
        .collect();
    assert_eq!(found, expected);
    for (name, value) in headers(&bytes) {
        assert!(!value.contains(['\r', '\n', '\0']), "{name}: {value:?}");
    }
    let doc = document(&draft, &builtin("un").expect("un"));
    let html = release_html::mail_html(&doc, release_html::ImageSource::ContentId);
    assert!(
        !html.contains("<script"),
        "markup in text is escaped in the HTML part"
    );
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
}

#[test]
fn the_date_and_id_come_from_the_content_or_the_caller() {
    let draft = release_model::example();
    let bytes = message(&draft, &MailOptions::default());
    let h = headers(&bytes);
    let get = |name: &str| {
        h.iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
            .expect(name)
    };
    assert_eq!(get("Date"), "Wed, 8 Dec 2021 00:00:00 +0000");
    assert!(
        get("Message-ID").ends_with("@release-composer.invalid>"),
        "{}",
        get("Message-ID")
    );
    let mut other = draft.clone();
    other.release.headline.push('!');
    let changed = headers(&message(&other, &MailOptions::default()));
    let id = |h: &[(String, String)]| {
        h.iter()
            .find(|(n, _)| n == "Message-ID")
            .map(|(_, v)| v.clone())
    };
    assert_ne!(id(&h), id(&changed), "another draft, another id");
    let dated = MailOptions {
        date: Some(1_638_957_600),
        ..MailOptions::default()
    };
    let h = headers(&message(&draft, &dated));
    assert!(
        h.contains(&("Date".into(), "Wed, 8 Dec 2021 10:00:00 +0000".into())),
        "{h:?}"
    );
}
