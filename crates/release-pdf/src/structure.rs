//! The structure tree of a tagged PDF: the Document's blocks as structure
//! elements in reading order, and the content each one owns.
//!
//! [`Tree::of`] builds the skeleton from the Document: a `Document`
//! element holding the figures (the logo) and one element per block, by
//! its role ([`kind_of`]): the headline `H1`, section headings `H2`,
//! subheadings one level below the section they are in, list items as
//! `L` / `LI` / `Lbl` + `LBody`, everything else `P`. The page writer then
//! hands it every marked-content sequence it draws ([`Tree::owner`] says
//! which element a [`Mark`] belongs to, making a `Link` element for a link
//! the first time its text is drawn, so that it sits among its paragraph's
//! content in reading order) and every link annotation. [`Tree::write`]
//! turns it into PDF objects: the elements with their `/K` kids (marked
//! content ids, marked-content references to other pages, object references
//! to annotations), `/StructTreeRoot` and the `/ParentTree` that maps each
//! page's marked content and each annotation back to its element.
//!
//! A new kind of placed thing (a photo with its caption) needs three
//! things: an element made in [`Tree::of`] (a `Figure` with its `/Alt`,
//! as the logo's; a `Caption` kind for the caption's block), a [`Mark`] the
//! layout attaches to what it places (`Mark::Figure(n)`), and the writer
//! drawing that item inside the mark's marked content, as it draws the logo.
//! Elements that end up owning nothing are left out of the file.

use crate::page::{Mark, Part};
use lopdf::{Dictionary, Object, ObjectId, StringFormat};
use release_style::{Document, ListMarker, Role};
use std::collections::BTreeMap;

/// A standard structure type of ISO 32000-1, 14.8.4.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Document,
    P,
    /// `H1` to `H6`.
    H(u8),
    /// A list, numbered (`Decimal`) or not (`Disc`).
    L {
        numbered: bool,
    },
    LI,
    Lbl,
    LBody,
    Link,
    Figure,
    Caption,
}

impl Kind {
    /// The structure type's name, also the tag of its marked content.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Document => "Document",
            Kind::P => "P",
            Kind::H(1) => "H1",
            Kind::H(2) => "H2",
            Kind::H(3) => "H3",
            Kind::H(4) => "H4",
            Kind::H(5) => "H5",
            Kind::H(_) => "H6",
            Kind::L { .. } => "L",
            Kind::LI => "LI",
            Kind::Lbl => "Lbl",
            Kind::LBody => "LBody",
            Kind::Link => "Link",
            Kind::Figure => "Figure",
            Kind::Caption => "Caption",
        }
    }
}

/// What an element holds, in reading order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kid {
    Element(usize),
    /// A marked-content sequence: its page (index) and marked-content id.
    Content {
        page: usize,
        mcid: u32,
    },
    /// An annotation: its page (index) and object.
    Annotation {
        page: usize,
        object: ObjectId,
    },
}

/// What owns a mark: an element, or the `Link` element of a block's link
/// (made the first time it is asked for).
enum Owned {
    Element(usize),
    Link {
        owner: usize,
        block: usize,
        link: usize,
    },
}

/// One structure element.
#[derive(Debug, Clone)]
pub(crate) struct Element {
    pub kind: Kind,
    pub parent: Option<usize>,
    /// Alternative text (figures).
    pub alt: Option<String>,
    /// The element's language when it is not its parent's.
    pub lang: Option<String>,
    pub kids: Vec<Kid>,
}

/// The structure tree being filled.
#[derive(Debug, Clone)]
pub(crate) struct Tree {
    /// Element 0 is the `Document`.
    pub elements: Vec<Element>,
    /// The element that owns each block's text.
    blocks: Vec<usize>,
    /// The `Lbl` of each list item block.
    labels: Vec<Option<usize>>,
    /// The figures, by the index a [`Mark::Figure`] gives.
    figures: Vec<usize>,
    /// The `Figure` of each photo of the Document; none for a photo without
    /// alt text, which is drawn as an artifact (the draft's checks warn).
    photos: Vec<Option<usize>>,
    /// The `Link` element of each (block, link), once its text is drawn.
    links: BTreeMap<(usize, usize), usize>,
}

/// The structure type of a block of the Document, outside lists; headings
/// take their level from [`Document::heading_levels`].
pub(crate) fn kind_of(role: Role) -> Kind {
    match role {
        Role::Headline => Kind::H(1),
        Role::SectionHeading | Role::ContactsLabel => Kind::H(2),
        // One level below the section it is in.
        Role::Subheading => Kind::H(3),
        Role::ListItem => Kind::LBody,
        // The photo's caption; its credit is a paragraph after it.
        Role::Caption => Kind::Caption,
        // A quote is the release's reported speech: the attribution and the
        // quotation in one sentence of running text, so a paragraph, not a
        // BlockQuote (which would tell a reader the whole is quoted).
        Role::Reference
        | Role::Kind
        | Role::Embargo
        | Role::Subheadline
        | Role::Body
        | Role::Quote
        | Role::Contacts
        | Role::EndMark
        | Role::Credit
        | Role::Footer => Kind::P,
    }
}

impl Tree {
    /// The skeleton of `doc`'s tree: every element, no content yet.
    pub fn of(doc: &Document) -> Tree {
        let mut tree = Tree {
            elements: vec![Element {
                kind: Kind::Document,
                parent: None,
                alt: None,
                lang: Some(doc.metadata.language.clone()),
                kids: Vec::new(),
            }],
            blocks: Vec::with_capacity(doc.blocks.len()),
            labels: Vec::with_capacity(doc.blocks.len()),
            figures: Vec::new(),
            photos: Vec::with_capacity(doc.figures.len()),
            links: BTreeMap::new(),
        };
        if let Some(logo) = &doc.logo
            && let Some(description) = &logo.description
        {
            let lang = (!logo
                .description_language
                .eq_ignore_ascii_case(&doc.metadata.language))
            .then(|| logo.description_language.clone());
            let figure = tree.add(0, Kind::Figure);
            tree.elements[figure].alt = Some(description.clone());
            tree.elements[figure].lang = lang;
            tree.figures.push(figure);
        }
        let levels = doc.heading_levels();
        let mut list: Option<(usize, Option<u32>)> = None;
        for (index, (block, level)) in doc.blocks.iter().zip(levels).enumerate() {
            // A photo stands above its caption: its Figure comes first.
            if let Some(photo) = doc.figure_at(index) {
                let alt = photo.alt.trim();
                let figure = (!alt.is_empty()).then(|| {
                    let figure = tree.add(0, Kind::Figure);
                    tree.elements[figure].alt = Some(alt.to_owned());
                    figure
                });
                tree.photos.push(figure);
            }
            let kind = kind_of(block.role);
            if kind != Kind::LBody {
                list = None;
            }
            match kind {
                Kind::H(_) => {
                    let level = level.unwrap_or(1);
                    let element = tree.add(0, Kind::H(level));
                    tree.blocks.push(element);
                    tree.labels.push(None);
                }
                Kind::LBody => {
                    let key = match block.marker {
                        Some(ListMarker::Number { list, .. }) => Some(list),
                        _ => None,
                    };
                    let l = match list {
                        Some((l, k)) if k == key => l,
                        _ => {
                            let numbered = key.is_some();
                            let l = tree.add(0, Kind::L { numbered });
                            list = Some((l, key));
                            l
                        }
                    };
                    let li = tree.add(l, Kind::LI);
                    let label = block.marker.map(|_| tree.add(li, Kind::Lbl));
                    let body = tree.add(li, Kind::LBody);
                    tree.blocks.push(body);
                    tree.labels.push(label);
                }
                other => {
                    let element = tree.add(0, other);
                    tree.blocks.push(element);
                    tree.labels.push(None);
                }
            }
        }
        tree
    }

    fn add(&mut self, parent: usize, kind: Kind) -> usize {
        let id = self.elements.len();
        self.elements.push(Element {
            kind,
            parent: Some(parent),
            alt: None,
            lang: None,
            kids: Vec::new(),
        });
        self.elements[parent].kids.push(Kid::Element(id));
        id
    }

    /// The element that owns content marked `mark`; `None` for artifacts.
    pub fn owner(&mut self, mark: Mark) -> Option<usize> {
        Some(match self.lookup(mark)? {
            Owned::Element(element) => element,
            Owned::Link { owner, block, link } => self.link(owner, block, link),
        })
    }

    /// The kind of element [`Tree::owner`] would give `mark`, without
    /// making a `Link` element the tree does not have yet.
    pub fn kind_owning(&self, mark: Mark) -> Option<Kind> {
        Some(match self.lookup(mark)? {
            Owned::Element(element) => self.elements[element].kind,
            Owned::Link { .. } => Kind::Link,
        })
    }

    fn lookup(&self, mark: Mark) -> Option<Owned> {
        match mark {
            Mark::Artifact(_) => None,
            Mark::Figure(n) => self.figures.get(n).copied().map(Owned::Element),
            Mark::Photo(n) => self.photos.get(n).copied().flatten().map(Owned::Element),
            Mark::Block { block, part } => {
                let owner = *self.blocks.get(block)?;
                Some(match part {
                    Part::Text => Owned::Element(owner),
                    Part::Label => {
                        Owned::Element(self.labels.get(block).copied().flatten().unwrap_or(owner))
                    }
                    Part::Link(link) => Owned::Link { owner, block, link },
                })
            }
        }
    }

    /// The `Link` element of a block's link, made the first time it is
    /// asked for as the next kid of the block's element.
    fn link(&mut self, owner: usize, block: usize, link: usize) -> usize {
        if let Some(&element) = self.links.get(&(block, link)) {
            return element;
        }
        let element = self.add(owner, Kind::Link);
        self.links.insert((block, link), element);
        element
    }

    /// Records that `element` owns marked content `mcid` of page `page`.
    pub fn add_content(&mut self, element: usize, page: usize, mcid: u32) {
        self.elements[element]
            .kids
            .push(Kid::Content { page, mcid });
    }

    /// Records the annotation of a block's link; returns its element.
    pub fn add_annotation(
        &mut self,
        block: usize,
        link: usize,
        page: usize,
        object: ObjectId,
    ) -> Option<usize> {
        let owner = *self.blocks.get(block)?;
        let element = self.link(owner, block, link);
        self.elements[element]
            .kids
            .push(Kid::Annotation { page, object });
        Some(element)
    }

    /// Whether an element owns any content, itself or below it.
    fn owns_content(&self, element: usize, memo: &mut [Option<bool>]) -> bool {
        if let Some(known) = memo[element] {
            return known;
        }
        let owns = self.elements[element].kids.iter().any(|kid| match kid {
            Kid::Element(e) => self.owns_content(*e, memo),
            Kid::Content { .. } | Kid::Annotation { .. } => true,
        });
        memo[element] = Some(owns);
        owns
    }

    /// Writes the tree into `lo`: the elements, `/StructTreeRoot` (set in
    /// the catalog, with `/MarkInfo`), the `/ParentTree` and each page's
    /// `/StructParents` (its index) and `/Tabs /S`. Annotations were given
    /// their `/StructParent` keys by `annotation_keys`: (object, key).
    pub fn write(
        &self,
        lo: &mut lopdf::Document,
        page_ids: &[ObjectId],
        annotation_keys: &[(ObjectId, usize)],
    ) {
        let mut memo = vec![None; self.elements.len()];
        let keep: Vec<bool> = (0..self.elements.len())
            .map(|e| e == 0 || self.owns_content(e, &mut memo))
            .collect();
        let root_id = lo.new_object_id();
        // Object ids in document order, so the bytes follow the tree.
        let mut ids: Vec<Option<ObjectId>> = vec![None; self.elements.len()];
        let mut order = Vec::with_capacity(self.elements.len());
        let mut stack = vec![0usize];
        while let Some(e) = stack.pop() {
            ids[e] = Some(lo.new_object_id());
            order.push(e);
            for kid in self.elements[e].kids.iter().rev() {
                if let Kid::Element(k) = kid
                    && keep[*k]
                {
                    stack.push(*k);
                }
            }
        }
        // Each page's marked content, by id: the element that owns it.
        let mut per_page: Vec<BTreeMap<u32, ObjectId>> = vec![BTreeMap::new(); page_ids.len()];
        let mut annotation_parents: BTreeMap<ObjectId, ObjectId> = BTreeMap::new();
        for &e in &order {
            let element = &self.elements[e];
            let Some(id) = ids[e] else { continue };
            let parent = element.parent.and_then(|p| ids[p]).unwrap_or(root_id);
            let page = element.kids.iter().find_map(|kid| match kid {
                Kid::Content { page, .. } | Kid::Annotation { page, .. } => Some(*page),
                Kid::Element(_) => None,
            });
            let mut kids = Vec::with_capacity(element.kids.len());
            for kid in &element.kids {
                match *kid {
                    Kid::Element(k) => {
                        if let Some(kid_id) = ids[k].filter(|_| keep[k]) {
                            kids.push(Object::Reference(kid_id));
                        }
                    }
                    Kid::Content { page: p, mcid } => {
                        if let Some(map) = per_page.get_mut(p) {
                            map.insert(mcid, id);
                        }
                        if Some(p) == page {
                            kids.push(Object::Integer(i64::from(mcid)));
                        } else if let Some(&page_id) = page_ids.get(p) {
                            kids.push(Object::Dictionary(Dictionary::from_iter([
                                ("Type", Object::Name(b"MCR".to_vec())),
                                ("Pg", Object::Reference(page_id)),
                                ("MCID", Object::Integer(i64::from(mcid))),
                            ])));
                        }
                    }
                    Kid::Annotation { page: p, object } => {
                        annotation_parents.insert(object, id);
                        let mut objr = Dictionary::from_iter([
                            ("Type", Object::Name(b"OBJR".to_vec())),
                            ("Obj", Object::Reference(object)),
                        ]);
                        if let Some(&page_id) = page_ids.get(p) {
                            objr.set("Pg", Object::Reference(page_id));
                        }
                        kids.push(Object::Dictionary(objr));
                    }
                }
            }
            let mut dict = Dictionary::from_iter([
                ("Type", Object::Name(b"StructElem".to_vec())),
                ("S", Object::Name(element.kind.name().as_bytes().to_vec())),
                ("P", Object::Reference(parent)),
            ]);
            if let Some(&page_id) = page.and_then(|p| page_ids.get(p)) {
                dict.set("Pg", Object::Reference(page_id));
            }
            if let Some(lang) = &element.lang {
                dict.set("Lang", text_string(lang));
            }
            if let Some(alt) = &element.alt {
                dict.set("Alt", text_string(alt));
            }
            if let Kind::L { numbered } = element.kind {
                let numbering: &[u8] = if numbered { b"Decimal" } else { b"Disc" };
                dict.set(
                    "A",
                    Object::Dictionary(Dictionary::from_iter([
                        ("O", Object::Name(b"List".to_vec())),
                        ("ListNumbering", Object::Name(numbering.to_vec())),
                    ])),
                );
            }
            // One kid stands alone, as most producers write it.
            let k = if kids.len() == 1 {
                kids.pop().unwrap_or(Object::Null)
            } else {
                Object::Array(kids)
            };
            dict.set("K", k);
            lo.objects.insert(id, Object::Dictionary(dict));
        }
        let mut nums = Vec::new();
        for (n, map) in per_page.iter().enumerate() {
            nums.push(Object::Integer(n as i64));
            // Marked-content ids of a page run from 0 without gaps.
            nums.push(Object::Array(
                map.values().map(|&id| Object::Reference(id)).collect(),
            ));
        }
        let mut next_key = page_ids.len();
        for &(object, key) in annotation_keys {
            if let Some(&parent) = annotation_parents.get(&object) {
                nums.push(Object::Integer(key as i64));
                nums.push(Object::Reference(parent));
            }
            next_key = next_key.max(key + 1);
        }
        let parent_tree = lo.add_object(Dictionary::from_iter([("Nums", Object::Array(nums))]));
        let mut root = Dictionary::from_iter([
            ("Type", Object::Name(b"StructTreeRoot".to_vec())),
            ("ParentTree", Object::Reference(parent_tree)),
            ("ParentTreeNextKey", Object::Integer(next_key as i64)),
        ]);
        if let Some(document) = ids[0] {
            root.set("K", Object::Array(vec![Object::Reference(document)]));
        }
        lo.objects.insert(root_id, Object::Dictionary(root));
        for (n, &page_id) in page_ids.iter().enumerate() {
            if let Ok(page) = lo.get_object_mut(page_id).and_then(Object::as_dict_mut) {
                page.set("StructParents", Object::Integer(n as i64));
                page.set("Tabs", Object::Name(b"S".to_vec()));
            }
        }
        if let Ok(root_ref) = lo.trailer.get(b"Root").and_then(Object::as_reference)
            && let Ok(catalog) = lo.get_object_mut(root_ref).and_then(Object::as_dict_mut)
        {
            catalog.set("StructTreeRoot", Object::Reference(root_id));
            catalog.set(
                "MarkInfo",
                Object::Dictionary(Dictionary::from_iter([("Marked", Object::Boolean(true))])),
            );
        }
    }

    /// The heading elements (their level) of the blocks that are headings.
    pub fn heading_level(&self, block: usize) -> Option<u8> {
        match self.elements[*self.blocks.get(block)?].kind {
            Kind::H(level) => Some(level),
            _ => None,
        }
    }
}

/// A PDF text string: PDFDocEncoding for plain ASCII, else UTF-16BE with
/// its byte-order mark.
pub(crate) fn text_string(text: &str) -> Object {
    if text.bytes().all(|b| (0x20..0x7F).contains(&b)) {
        Object::String(text.as_bytes().to_vec(), StringFormat::Literal)
    } else {
        let mut bytes = vec![0xFE, 0xFF];
        for unit in text.encode_utf16() {
            bytes.extend_from_slice(&unit.to_be_bytes());
        }
        Object::String(bytes, StringFormat::Hexadecimal)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example() -> Document {
        let style = release_style::builtin("un").expect("built-in style");
        release_style::document(&release_model::example(), &style)
    }

    fn kinds(tree: &Tree) -> Vec<&'static str> {
        tree.elements[0]
            .kids
            .iter()
            .filter_map(|k| match k {
                Kid::Element(e) => Some(tree.elements[*e].kind.name()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn headings_never_skip_a_level_and_the_first_is_h1() {
        let mut doc = example();
        let tree = Tree::of(&doc);
        let names = kinds(&tree);
        assert_eq!(names.iter().filter(|k| **k == "H1").count(), 1);
        assert_eq!(
            names.iter().position(|k| k.starts_with('H')),
            names.iter().position(|k| *k == "H1")
        );
        // Without a headline, a section heading opens at level 1, and a
        // subheading after it goes one level down.
        doc.blocks.retain(|b| b.role != Role::Headline);
        doc.blocks.push(release_style::Block {
            role: Role::Subheading,
            spans: vec![release_style::Span::plain("More")],
            marker: None,
            source: "release.closing[0]".to_owned(),
        });
        let tree = Tree::of(&doc);
        let headings: Vec<&str> = kinds(&tree)
            .into_iter()
            .filter(|k| k.starts_with('H'))
            .collect();
        assert_eq!(headings.first(), Some(&"H1"));
        assert_eq!(headings.last(), Some(&"H2"));
    }

    #[test]
    fn list_items_are_grouped_with_label_and_body() {
        let mut doc = example();
        let item = |n: u32| release_style::Block {
            role: Role::ListItem,
            spans: vec![release_style::Span::plain("item")],
            marker: Some(ListMarker::Number { list: 1, number: n }),
            source: "release.body[0].items[0]".to_owned(),
        };
        doc.blocks.truncate(4);
        doc.blocks.extend([item(1), item(2)]);
        let tree = Tree::of(&doc);
        let lists: Vec<&Element> = tree
            .elements
            .iter()
            .filter(|e| matches!(e.kind, Kind::L { numbered: true }))
            .collect();
        assert_eq!(lists.len(), 1);
        assert_eq!(lists[0].kids.len(), 2);
        for kid in &lists[0].kids {
            let Kid::Element(li) = kid else { panic!("LI") };
            let names: Vec<&str> = tree.elements[*li]
                .kids
                .iter()
                .map(|k| match k {
                    Kid::Element(e) => tree.elements[*e].kind.name(),
                    _ => "content",
                })
                .collect();
            assert_eq!(names, ["Lbl", "LBody"]);
        }
    }
}
