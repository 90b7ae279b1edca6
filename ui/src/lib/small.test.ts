import { afterEach, describe, expect, it, vi } from "vitest";
import { debounce } from "./debounce";
import { formatOffset, joinEmbargo, splitEmbargo } from "./embargo";
import { move } from "./reorder";

describe("embargo parts", () => {
  it("split and join an RFC 3339 time", () => {
    const parts = splitEmbargo("2021-12-08T10:00:00+05:00");
    expect(parts).toEqual({ date: "2021-12-08", time: "10:00", offset: "+05:00" });
    expect(joinEmbargo(parts)).toBe("2021-12-08T10:00:00+05:00");
    expect(splitEmbargo("2021-12-08T10:00Z").offset).toBe("+00:00");
    expect(formatOffset(-210)).toBe("-03:30");
  });
});

describe("reordering", () => {
  it("moves an item and clamps", () => {
    expect(move(["a", "b", "c"], 0, 2)).toEqual(["b", "c", "a"]);
    expect(move(["a", "b", "c"], 2, -5)).toEqual(["c", "a", "b"]);
    expect(move(["a"], 3, 0)).toEqual(["a"]);
  });
});

describe("debounce", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("runs once after the pause, or now on flush", () => {
    vi.useFakeTimers();
    const run = vi.fn();
    const d = debounce(run, 100);
    d();
    d();
    vi.advanceTimersByTime(99);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(1);
    d();
    d.flush();
    expect(run).toHaveBeenCalledTimes(2);
    d.flush();
    expect(run).toHaveBeenCalledTimes(2);
  });
});
