//! A fingerprint of each page of a written PDF: a hash of everything the
//! page is drawn from (its content streams, fonts, images, annotations and
//! their dictionaries), so that a preview can redraw only the pages whose
//! fingerprint changed. Conservative: two pages with equal fingerprints draw
//! the same; a page whose shared resources changed (a font subset that
//! gained a glyph on another page) gets a new one.

use lopdf::{Dictionary, Object, ObjectId};
use std::collections::HashSet;
use xxhash_rust::xxh3::Xxh3;

/// One fingerprint per page, in page order.
pub(crate) fn pages(lo: &lopdf::Document) -> Vec<u64> {
    lo.get_pages()
        .into_values()
        .map(|id| {
            let mut hasher = Xxh3::new();
            let mut seen = HashSet::new();
            reference(lo, id, &mut hasher, &mut seen);
            inherited(lo, id, &mut hasher, &mut seen);
            hasher.digest()
        })
        .collect()
}

/// The attributes a page takes from the page tree when it lacks its own
/// (ISO 32000-2 7.7.3.4): the page tree itself is left out of the hash.
fn inherited(lo: &lopdf::Document, page: ObjectId, h: &mut Xxh3, seen: &mut HashSet<ObjectId>) {
    const INHERITABLE: [&[u8]; 4] = [b"Resources", b"MediaBox", b"CropBox", b"Rotate"];
    let Ok(own) = lo.get_dictionary(page) else {
        return;
    };
    let mut node = own.get(b"Parent").and_then(Object::as_reference).ok();
    let mut depth = 0;
    while let Some(id) = node.filter(|_| depth < 32) {
        let Ok(parent) = lo.get_dictionary(id) else {
            break;
        };
        for key in INHERITABLE {
            if !own.has(key)
                && let Ok(value) = parent.get(key)
            {
                h.update(key);
                object_of(lo, value, h, seen);
            }
        }
        node = parent.get(b"Parent").and_then(Object::as_reference).ok();
        depth += 1;
    }
}

fn reference(lo: &lopdf::Document, id: ObjectId, h: &mut Xxh3, seen: &mut HashSet<ObjectId>) {
    // A reference is hashed as its object, once: the numbering of objects
    // does not matter, what they hold does.
    if !seen.insert(id) {
        h.update(b"R");
        return;
    }
    match lo.get_object(id) {
        Ok(object) => object_of(lo, object, h, seen),
        Err(_) => h.update(b"?"),
    }
}

fn dictionary(lo: &lopdf::Document, dict: &Dictionary, h: &mut Xxh3, seen: &mut HashSet<ObjectId>) {
    h.update(b"<<");
    for (key, value) in dict.iter() {
        // The page tree and the structure tree lead to every other page.
        if matches!(
            key.as_slice(),
            b"Parent" | b"P" | b"StructParent" | b"StructParents"
        ) {
            continue;
        }
        h.update(key);
        h.update(b" ");
        object_of(lo, value, h, seen);
    }
    h.update(b">>");
}

fn object_of(lo: &lopdf::Document, object: &Object, h: &mut Xxh3, seen: &mut HashSet<ObjectId>) {
    match object {
        Object::Null => h.update(b"n"),
        Object::Boolean(b) => h.update(if *b { b"t" } else { b"f" }),
        Object::Integer(i) => {
            h.update(b"i");
            h.update(&i.to_le_bytes());
        }
        Object::Real(r) => {
            h.update(b"r");
            h.update(&r.to_le_bytes());
        }
        Object::Name(n) => {
            h.update(b"/");
            h.update(n);
        }
        Object::String(s, _) => {
            h.update(b"(");
            h.update(&(s.len() as u64).to_le_bytes());
            h.update(s);
        }
        Object::Array(items) => {
            h.update(b"[");
            for item in items {
                object_of(lo, item, h, seen);
            }
            h.update(b"]");
        }
        Object::Dictionary(dict) => dictionary(lo, dict, h, seen),
        Object::Stream(stream) => {
            dictionary(lo, &stream.dict, h, seen);
            h.update(b"stream");
            h.update(&(stream.content.len() as u64).to_le_bytes());
            h.update(&stream.content);
        }
        Object::Reference(id) => reference(lo, *id, h, seen),
    }
}
