//! Link annotations, with the entries accessible and archival PDF need: a
//! description (`/Contents`, ISO 14289-1 7.18.5), the print flag
//! (`/F 4`, ISO 19005-2 6.3.2) and, in a tagged PDF, the `/StructParent`
//! that ties it to its `Link` structure element, whose `OBJR` points back
//! at it (ISO 14289-1 7.18.1). Each annotation is an object of its own, in
//! its page's `/Annots` in the order the layout placed the link areas.

use crate::content::round;
use crate::page::{Item, Page};
use crate::structure::{Tree, text_string};
use lopdf::{Dictionary, Object, ObjectId};

/// Adds the link annotations of `pages`; with a tree, gives each its
/// `/StructParent` key (after the pages' keys) and its `Link` element.
/// Returns (annotation, key) for the parent tree.
pub(crate) fn add(
    lo: &mut lopdf::Document,
    pages: &[Page],
    page_ids: &[ObjectId],
    mut tree: Option<&mut Tree>,
) -> Vec<(ObjectId, usize)> {
    let mut keys = Vec::new();
    let mut next_key = pages.len();
    for (n, (page, &page_id)) in pages.iter().zip(page_ids).enumerate() {
        let mut annots = Vec::new();
        for item in &page.items {
            let Item::Link {
                x0,
                y0,
                x1,
                y1,
                uri,
                block,
                link,
                description,
            } = item
            else {
                continue;
            };
            let rect = [*x0, *y0, *x1, *y1]
                .iter()
                .map(|v| Object::Real(round(*v)))
                .collect();
            let action = Dictionary::from_iter([
                ("Type", Object::Name(b"Action".to_vec())),
                ("S", Object::Name(b"URI".to_vec())),
                (
                    "URI",
                    Object::String(uri.as_bytes().to_vec(), lopdf::StringFormat::Literal),
                ),
            ]);
            let mut annot = Dictionary::from_iter([
                ("Type", Object::Name(b"Annot".to_vec())),
                ("Subtype", Object::Name(b"Link".to_vec())),
                ("Rect", Object::Array(rect)),
                (
                    "Border",
                    Object::Array(vec![
                        Object::Integer(0),
                        Object::Integer(0),
                        Object::Integer(0),
                    ]),
                ),
                // Print: shown on paper as on screen, as PDF/A asks.
                ("F", Object::Integer(4)),
                ("A", Object::Dictionary(action)),
                ("Contents", text_string(description)),
            ]);
            let id = lo.new_object_id();
            if let Some(tree) = tree.as_deref_mut()
                && tree.add_annotation(*block, *link, n, id).is_some()
            {
                annot.set("StructParent", Object::Integer(next_key as i64));
                keys.push((id, next_key));
                next_key += 1;
            }
            lo.objects.insert(id, Object::Dictionary(annot));
            annots.push(Object::Reference(id));
        }
        if let Ok(dict) = lo.get_object_mut(page_id).and_then(Object::as_dict_mut) {
            if annots.is_empty() {
                dict.remove(b"Annots");
            } else {
                dict.set("Annots", Object::Array(annots));
            }
        }
    }
    keys
}
