import { describe, expect, it } from "vitest";
import type { Block } from "./bindings/Block";
import {
  blocksToDoc,
  countWords,
  docToBlocks,
  inlineDocToRuns,
  nodesToRuns,
  readingMinutes,
  runsToInlineDoc,
  runsToNodes,
  unknownBlocks,
} from "./richtext";

const body: Block[] = [
  { type: "paragraph", content: [{ text: "During the event, the " }, { text: "Member States", bold: true }, { text: " agreed." }] },
  { type: "heading", content: [{ text: "Background" }] },
  { type: "list", ordered: true, items: [[{ text: "one" }], [{ text: "two", italic: true }]] },
  { type: "paragraph", content: [{ text: "See " }, { text: "un.org", link: "https://un.org" }, { text: "\nsecond line" }] },
];

describe("blocks ⇄ editor document", () => {
  it("round-trips every kind of block and mark", () => {
    expect(docToBlocks(blocksToDoc(body))).toEqual(body);
  });

  it("keeps the unknown fields of a block", () => {
    const withExtra = [{ type: "paragraph", content: [{ text: "x" }], "x-id": "p1" }] as unknown as Block[];
    expect(docToBlocks(blocksToDoc(withExtra))).toEqual(withExtra);
  });

  it("keeps blocks of unknown types at the end", () => {
    const table = { type: "table", rows: [["a"]] } as unknown as Block;
    const blocks = [...body, table];
    expect(unknownBlocks(blocks)).toEqual([table]);
    expect(docToBlocks(blocksToDoc(blocks), unknownBlocks(blocks)).at(-1)).toEqual(table);
  });

  it("drops empty paragraphs and gives an empty editor one paragraph", () => {
    expect(blocksToDoc([]).content).toEqual([{ type: "paragraph" }]);
    expect(docToBlocks({ type: "doc", content: [{ type: "paragraph" }, { type: "paragraph", content: [{ type: "text", text: "  " }] }] })).toEqual([]);
  });

  it("takes text as plain characters, markup included", () => {
    const runs = [{ text: "**not bold** <b>&amp;" }];
    expect(nodesToRuns(runsToNodes(runs))).toEqual(runs);
  });

  it("merges neighbouring runs with the same attributes", () => {
    expect(nodesToRuns([{ type: "text", text: "a" }, { type: "text", text: "b" }])).toEqual([{ text: "ab" }]);
  });

  it("flattens a pasted nested list item into one line", () => {
    const doc = {
      type: "doc",
      content: [{
        type: "bulletList",
        content: [{
          type: "listItem",
          content: [
            { type: "paragraph", content: [{ type: "text", text: "outer" }] },
            { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "inner" }] }] }] },
          ],
        }],
      }],
    };
    expect(docToBlocks(doc)).toEqual([{ type: "list", ordered: false, items: [[{ text: "outer inner" }]] }]);
  });
});

describe("inline documents (quotations)", () => {
  it("round-trips runs", () => {
    const runs = [{ text: "We " }, { text: "will", italic: true }, { text: " act." }];
    expect(inlineDocToRuns(runsToInlineDoc(runs))).toEqual(runs);
  });
});

describe("counting", () => {
  it("counts words as the export does", () => {
    expect(countWords("Hello, world – again.")).toBe(3);
    expect(countWords("联合国反恐")).toBe(5);
    expect(countWords("")).toBe(0);
    expect(readingMinutes(0)).toBe(0);
    expect(readingMinutes(1)).toBe(1);
    expect(readingMinutes(401)).toBe(3);
  });
});
