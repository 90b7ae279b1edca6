import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { render } from "@testing-library/svelte";
import FieldFocus from "./FieldFocus.svelte";
import { form } from "../lib/stores";

describe("FieldFocus", () => {
  let scrolled: ReturnType<typeof vi.fn>;

  beforeEach(() => {
    vi.useFakeTimers();
    // jsdom lays nothing out, so it has no scrollIntoView.
    scrolled = vi.fn();
    HTMLElement.prototype.scrollIntoView = scrolled as unknown as HTMLElement["scrollIntoView"];
  });

  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
    delete (HTMLElement.prototype as Partial<HTMLElement>).scrollIntoView;
    document.body.replaceChildren();
    form.step = "release";
    form.focus = null;
  });

  it("scrolls to the field a request names and focuses it, then clears the request", async () => {
    render(FieldFocus);
    const input = document.createElement("input");
    input.id = "field-release.contacts[0].email";
    document.body.append(input);
    form.goTo("release.contacts[0].email");
    await vi.runAllTimersAsync();
    expect(document.activeElement).toBe(input);
    expect(scrolled).toHaveBeenCalledWith({ block: "center" });
    expect(form.focus).toBeNull();
  });

  it("focuses the editor of a rich-text section for a path inside it", async () => {
    render(FieldFocus);
    const editor = document.createElement("div");
    editor.id = "field-release.body";
    editor.tabIndex = 0;
    document.body.append(editor);
    form.goTo("release.body[3].content[0].text");
    await vi.runAllTimersAsync();
    expect(document.activeElement).toBe(editor);
    expect(form.step).toBe("body");
  });
});
