import js from "@eslint/js";
import ts from "typescript-eslint";
import svelte from "eslint-plugin-svelte";
import globals from "globals";

export default ts.config(
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs["flat/recommended"],
  {
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ["**/*.svelte", "**/*.svelte.ts"],
    languageOptions: { parserOptions: { parser: ts.parser } },
  },
  {
    // Only ipc.ts talks to Rust: no component may import Tauri's invoke.
    files: ["src/**/*.ts", "src/**/*.svelte"],
    ignores: ["src/lib/ipc.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: [{ name: "@tauri-apps/api/core", message: "Call Rust through src/lib/ipc.ts only." }] },
      ],
    },
  },
  {
    ignores: ["dist/", "node_modules/", "src/lib/bindings/"],
  },
);
