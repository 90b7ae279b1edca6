// Conversion between the draft's blocks and runs (DRAFT-FORMAT.md) and the
// rich-text editor's document (ProseMirror JSON, as TipTap gives it).
// The editor's schema holds only what the draft format holds: paragraphs,
// subheadings, bullet and numbered lists, bold, italic, links, line breaks.

import type { Block } from "./bindings/Block";
import type { Run } from "./bindings/Run";

export interface PmMark {
  type: string;
  attrs?: Record<string, unknown>;
}

export interface PmNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: PmNode[];
  text?: string;
  marks?: PmMark[];
}

/** The fields of a block object other than the ones the format defines. */
type Extra = Record<string, unknown>;
const KNOWN = new Set(["type", "content", "items", "ordered"]);

function extraOf(block: object): Extra | null {
  const extra: Extra = {};
  for (const [k, v] of Object.entries(block)) if (!KNOWN.has(k)) extra[k] = v;
  return Object.keys(extra).length ? extra : null;
}

/** Runs → editor inline nodes. Line feeds become hard breaks. */
export function runsToNodes(runs: Run[]): PmNode[] {
  const nodes: PmNode[] = [];
  for (const run of runs) {
    const marks: PmMark[] = [];
    if (run.bold) marks.push({ type: "bold" });
    if (run.italic) marks.push({ type: "italic" });
    if (run.link) marks.push({ type: "link", attrs: { href: run.link } });
    run.text.split("\n").forEach((piece, i) => {
      if (i > 0) nodes.push({ type: "hardBreak" });
      if (piece) nodes.push(marks.length ? { type: "text", text: piece, marks } : { type: "text", text: piece });
    });
  }
  return nodes;
}

/** Editor inline nodes → runs, merging neighbours with the same attributes. */
export function nodesToRuns(nodes: PmNode[] | undefined): Run[] {
  const runs: Run[] = [];
  for (const node of nodes ?? []) {
    let run: Run;
    if (node.type === "hardBreak") {
      run = { text: "\n" };
    } else if (node.type === "text" && node.text) {
      run = { text: node.text };
      for (const mark of node.marks ?? []) {
        if (mark.type === "bold") run.bold = true;
        if (mark.type === "italic") run.italic = true;
        if (mark.type === "link" && typeof mark.attrs?.href === "string") run.link = mark.attrs.href;
      }
    } else {
      continue;
    }
    const last = runs[runs.length - 1];
    if (last && !!last.bold === !!run.bold && !!last.italic === !!run.italic && last.link === run.link) {
      last.text += run.text;
    } else {
      runs.push(run);
    }
  }
  return runs;
}

/** Draft blocks → an editor document. Blocks of unknown types are left out (see `unknownBlocks`). */
export function blocksToDoc(blocks: Block[]): PmNode {
  const content: PmNode[] = [];
  for (const block of blocks) {
    const extra = extraOf(block);
    const attrs = extra ? { extra } : undefined;
    switch (block.type) {
      case "paragraph":
        content.push({ type: "paragraph", attrs, content: runsToNodes(block.content) });
        break;
      case "heading":
        content.push({ type: "heading", attrs: { level: 3, ...attrs }, content: runsToNodes(block.content) });
        break;
      case "list":
        content.push({
          type: block.ordered ? "orderedList" : "bulletList",
          attrs,
          content: block.items.map((item) => ({
            type: "listItem",
            content: [{ type: "paragraph", content: runsToNodes(item) }],
          })),
        });
        break;
    }
  }
  if (content.length === 0) content.push({ type: "paragraph" });
  return { type: "doc", content };
}

function withExtra<T extends object>(block: T, node: PmNode): T {
  const extra = node.attrs?.extra;
  return extra && typeof extra === "object" ? { ...(extra as Extra), ...block } : block;
}

function listItemRuns(item: PmNode): Run[] {
  // A list item holds paragraphs (and, pasted, nested lists): flatten to one line of runs.
  const runs: Run[] = [];
  for (const child of item.content ?? []) {
    const childRuns =
      child.type === "paragraph" ? nodesToRuns(child.content) : (child.content ?? []).flatMap(listItemRuns);
    if (runs.length && childRuns.length) runs.push({ text: " " });
    runs.push(...childRuns);
  }
  return nodesToRuns(runsToNodes(runs));
}

/** An editor document → draft blocks. Empty paragraphs are dropped. */
export function docToBlocks(doc: PmNode, unknown: Block[] = []): Block[] {
  const blocks: Block[] = [];
  for (const node of doc.content ?? []) {
    if (node.type === "paragraph") {
      const content = nodesToRuns(node.content);
      if (content.some((r) => r.text.trim())) blocks.push(withExtra({ type: "paragraph", content }, node));
    } else if (node.type === "heading") {
      const content = nodesToRuns(node.content);
      if (content.some((r) => r.text.trim())) blocks.push(withExtra({ type: "heading", content }, node));
    } else if (node.type === "bulletList" || node.type === "orderedList") {
      const items = (node.content ?? []).map(listItemRuns).filter((runs) => runs.some((r) => r.text.trim()));
      if (items.length) blocks.push(withExtra({ type: "list", ordered: node.type === "orderedList", items }, node));
    }
  }
  return [...blocks, ...unknown];
}

/** Blocks of types this version does not edit (kept and written back untouched). */
export function unknownBlocks(blocks: Block[]): Block[] {
  return blocks.filter((b) => !["paragraph", "heading", "list"].includes((b as { type: string }).type));
}

/** An editor document holding one paragraph → runs (quote text). */
export function inlineDocToRuns(doc: PmNode): Run[] {
  const paragraphs = (doc.content ?? []).map((p) => nodesToRuns(p.content));
  const runs: Run[] = [];
  paragraphs.forEach((p, i) => {
    if (i > 0 && p.length) runs.push({ text: " " });
    runs.push(...p);
  });
  return nodesToRuns(runsToNodes(runs));
}

/** Runs → an editor document of one paragraph. */
export function runsToInlineDoc(runs: Run[]): PmNode {
  return { type: "doc", content: [{ type: "paragraph", content: runsToNodes(runs) }] };
}

/** Plain text of blocks, for counting. */
export function blocksText(blocks: Block[]): string {
  return blocks
    .map((b) => {
      if (b.type === "list") return b.items.map((i) => i.map((r) => r.text).join("")).join("\n");
      if (b.type === "paragraph" || b.type === "heading") return b.content.map((r) => r.text).join("");
      return "";
    })
    .join("\n");
}

/** Words as the export counts them: tokens with a letter or digit; CJK characters count one each. */
export function countWords(text: string): number {
  let count = 0;
  for (const token of text.split(/\s+/)) {
    const cjk = token.match(/[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]/g)?.length ?? 0;
    const rest = token.replace(/[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]/g, "");
    count += cjk + (/[\p{L}\p{N}]/u.test(rest) ? 1 : 0);
  }
  return count;
}

/** Reading time at 200 words a minute, rounded up, at least one minute for any text. */
export function readingMinutes(words: number): number {
  return words === 0 ? 0 : Math.max(1, Math.ceil(words / 200));
}
