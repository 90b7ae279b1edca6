import { afterEach, describe, expect, it } from "vitest";
import { render, screen } from "@testing-library/svelte";
import TextField from "./TextField.svelte";
import { preview } from "../lib/stores";

describe("TextField", () => {
  afterEach(() => {
    preview.findings = [];
  });

  it("labels its input with the field's name and shows its findings", () => {
    preview.findings = [
      { severity: "error", code: "invalid-email", path: "release.contacts[0].email", message: "`x` is not an e-mail address" },
      { severity: "warning", code: "other", path: "release.contacts[1].email", message: "not mine" },
    ];
    render(TextField, { props: { label: "E-mail", path: "release.contacts[0].email", value: "x" } });
    const input = screen.getByLabelText("E-mail") as HTMLInputElement;
    expect(input.id).toBe("field-release.contacts[0].email");
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByText(/is not an e-mail address/)).toBeTruthy();
    expect(screen.queryByText(/not mine/)).toBeNull();
  });

  it("renders user text as text, never as markup", () => {
    render(TextField, { props: { label: "Headline", path: "release.headline", value: "<b>x</b>", maxHint: 120 } });
    const input = screen.getByLabelText("Headline") as HTMLInputElement;
    expect(input.value).toBe("<b>x</b>");
    expect(document.querySelector("b")).toBeNull();
    expect(screen.getByText(/8 \/ 120 characters/)).toBeTruthy();
  });
});
