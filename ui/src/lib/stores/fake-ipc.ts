// For the stores' tests: ipc.ts with every command replaced by a mock, so a
// test says what Rust answers. Imports nothing at run time, so a test's
// vi.mock factory can load it:
//   vi.mock("../ipc", async (actual) => (await import("./fake-ipc")).fakeIpc(await actual()));

import { vi } from "vitest";

export function fakeIpc<M extends { ipc: Record<string, unknown> }>(actual: M): M {
  const ipc = Object.fromEntries(Object.keys(actual.ipc).map((name) => [name, vi.fn()]));
  return { ...actual, ipc } as M;
}
