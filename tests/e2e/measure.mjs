// Measures the app as a user meets it: cold start to an interactive form,
// keystroke to updated preview, memory (PSS of the app and its WebKit
// processes) after opening the example, and the binary's size. Prints figures;
// asserts nothing (the goals are in the README and the closing note).
//
//   xvfb-run -a node measure.mjs [path/to/release-composer-app]

import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createConnection } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { remote } from "webdriverio";

const ROOT = resolve(import.meta.dirname, "../..");
const APP = process.argv[2] ?? join(ROOT, "target/release/release-composer-app");
const RUNS = 5;

function portOpen(port) {
  return new Promise((ok) => {
    const s = createConnection({ host: "127.0.0.1", port }, () => (s.end(), ok(true)));
    s.on("error", () => ok(false));
  });
}

function pss(pid) {
  const kb = (p) => {
    try {
      const m = /Pss:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/smaps_rollup`, "utf8"));
      return m ? Number(m[1]) : 0;
    } catch {
      return 0;
    }
  };
  const children = (p) => {
    try {
      return readFileSync(`/proc/${p}/task/${p}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
    } catch {
      return [];
    }
  };
  const all = [pid];
  for (let i = 0; i < all.length; i++) all.push(...children(all[i]));
  return { kb: all.reduce((sum, p) => sum + kb(p), 0), processes: all.length };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const home = mkdtempSync(join(tmpdir(), "release-composer-measure-"));
const env = { ...process.env, GSETTINGS_BACKEND: "memory", XDG_DATA_HOME: join(home, "data"), XDG_CONFIG_HOME: join(home, "config"), RELEASE_COMPOSER_EXPORT_DIR: join(home, "exports") };
const driver = spawn("tauri-driver", ["--port", "4444"], { env, stdio: "ignore" });
while (!(await portOpen(4444))) await new Promise((r) => setTimeout(r, 100));

const starts = [];
const keystrokes = [];
let memory;
try {
  for (let run = 0; run < RUNS; run++) {
    const t0 = performance.now();
    const browser = await remote({ hostname: "127.0.0.1", port: 4444, logLevel: "error", capabilities: { "tauri:options": { application: APP }, "wdio:enforceWebDriverClassic": true } });
    // Interactive: the form holds the draft and the preview has drawn it.
    await browser.waitUntil(async () => (await browser.$('[data-testid="preview-text"]').getProperty("textContent")).includes("PRESS RELEASE"), { timeout: 30000, interval: 20 });
    starts.push(performance.now() - t0);
    await browser.$(".rail").$("button*=Headline").click();
    const headline = await browser.$('[id="field-release.headline"]');
    for (let k = 0; k < 5; k++) {
      const mark = `Q${run}${k}`;
      await headline.click();
      const t1 = performance.now();
      await headline.addValue(` ${mark}`);
      await browser.waitUntil(async () => (await browser.$('[data-testid="preview-text"]').getProperty("textContent")).includes(mark), { timeout: 10000, interval: 10 });
      keystrokes.push(performance.now() - t1);
    }
    if (run === 0) {
      const pid = Number(execFileSync("pgrep", ["-n", "-f", APP.replace(/.*\//, "")], { encoding: "utf8" }).trim());
      memory = pss(pid);
    }
    await browser.deleteSession();
    rmSync(join(home, "data"), { recursive: true, force: true });
  }
} finally {
  driver.kill("SIGTERM");
}
rmSync(home, { recursive: true, force: true });

console.log(`binary: ${APP} ${(statSync(APP).size / 1024 / 1024).toFixed(1)} MB`);
console.log(`cold start to interactive form (preview drawn), median of ${RUNS}: ${median(starts).toFixed(0)} ms (all: ${starts.map((s) => s.toFixed(0)).join(", ")})`);
console.log(`keystroke to updated preview, median of ${keystrokes.length}: ${median(keystrokes).toFixed(0)} ms (max ${Math.max(...keystrokes).toFixed(0)})`);
console.log(`memory after opening the example: ${(memory.kb / 1024).toFixed(0)} MB PSS in ${memory.processes} processes`);
