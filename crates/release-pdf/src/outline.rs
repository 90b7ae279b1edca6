//! The document outline (bookmarks) of a tagged PDF: one entry per heading,
//! in reading order, each opening its page at the heading's line, so that a
//! reader can move through the release by its headings (ISO 14289-1 7.17
//! asks that an outline follow the reading order).

use crate::page::{Item, Mark, Page, Part};
use crate::structure::{Tree, text_string};
use lopdf::{Dictionary, Object, ObjectId};
use release_style::Document;
use std::collections::BTreeSet;

/// Adds the outline of the headings `tree` knows, when there are any.
pub(crate) fn add(
    lo: &mut lopdf::Document,
    doc: &Document,
    pages: &[Page],
    page_ids: &[ObjectId],
    tree: &Tree,
) {
    let mut seen = BTreeSet::new();
    let mut entries = Vec::new();
    for (n, page) in pages.iter().enumerate() {
        for item in &page.items {
            let Item::Text(run) = item else { continue };
            let Mark::Block {
                block,
                part: Part::Text | Part::Link(_),
            } = run.mark
            else {
                continue;
            };
            if tree.heading_level(block).is_none() || !seen.insert(block) {
                continue;
            }
            // The heading's text as it is drawn: whitespace as one space,
            // without the control characters no PDF text shows.
            let text: String = doc.blocks[block]
                .text()
                .chars()
                .filter(|c| c.is_whitespace() || !c.is_control())
                .collect();
            let title = text.split_whitespace().collect::<Vec<_>>().join(" ");
            if !title.is_empty() {
                entries.push((n, run.y + run.size, title));
            }
        }
    }
    if entries.is_empty() {
        return;
    }
    let root = lo.new_object_id();
    let ids: Vec<ObjectId> = entries.iter().map(|_| lo.new_object_id()).collect();
    for (k, (page, top, title)) in entries.iter().enumerate() {
        let Some(&page_id) = page_ids.get(*page) else {
            continue;
        };
        let mut item = Dictionary::from_iter([
            ("Title", text_string(title)),
            ("Parent", Object::Reference(root)),
            (
                "Dest",
                Object::Array(vec![
                    Object::Reference(page_id),
                    Object::Name(b"XYZ".to_vec()),
                    Object::Null,
                    Object::Real(crate::content::round(*top)),
                    Object::Null,
                ]),
            ),
        ]);
        if k > 0 {
            item.set("Prev", Object::Reference(ids[k - 1]));
        }
        if let Some(&next) = ids.get(k + 1) {
            item.set("Next", Object::Reference(next));
        }
        lo.objects.insert(ids[k], Object::Dictionary(item));
    }
    let outlines = Dictionary::from_iter([
        ("Type", Object::Name(b"Outlines".to_vec())),
        ("First", Object::Reference(ids[0])),
        ("Last", Object::Reference(ids[ids.len() - 1])),
        ("Count", Object::Integer(ids.len() as i64)),
    ]);
    lo.objects.insert(root, Object::Dictionary(outlines));
    if let Ok(root_ref) = lo.trailer.get(b"Root").and_then(Object::as_reference)
        && let Ok(catalog) = lo.get_object_mut(root_ref).and_then(Object::as_dict_mut)
    {
        catalog.set("Outlines", Object::Reference(root));
    }
}
