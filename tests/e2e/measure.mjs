// Measures the app as a user meets it: cold start to an interactive form,
// keystroke to updated preview, memory (PSS of the app and its WebKit
// processes) after opening the example, and the binary's size. Prints figures;
// asserts nothing (the goals are in the README and the issue's closing note).
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
  const name = (p) => {
    try {
      return readFileSync(`/proc/${p}/comm`, "utf8").trim();
    } catch {
      return "?";
    }
  };
  const each = all.map((p) => ({ name: name(p), kb: kb(p) }));
  return { kb: each.reduce((sum, p) => sum + p.kb, 0), processes: all.length, each };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const home = mkdtempSync(join(tmpdir(), "release-composer-measure-"));
const env = { ...process.env, GSETTINGS_BACKEND: "memory", XDG_DATA_HOME: join(home, "data"), XDG_CONFIG_HOME: join(home, "config"), RELEASE_COMPOSER_EXPORT_DIR: join(home, "exports") };
// The WebDriver tools scripts/deps.sh test installs; the port as app.test.mjs takes it.
const PORT = Number(process.env.E2E_WEBDRIVER_PORT ?? 4444);
const NATIVE_PORT = Number(process.env.E2E_NATIVE_PORT ?? PORT + 1);
const driver = spawn(join(ROOT, ".tools/cargo/bin/tauri-driver"), ["--port", String(PORT), "--native-port", String(NATIVE_PORT), "--native-driver", "/usr/bin/WebKitWebDriver"], { env, stdio: "ignore" });
while (!(await portOpen(PORT))) await new Promise((r) => setTimeout(r, 100));

const starts = [];
const forms = [];
const seen = [];
const stalls = [];
const stages = {};
const drawnCount = (browser) => browser.execute(() => performance.getEntriesByName("preview: edit to pages in view drawn").length);
let memory;
let opened;
const appPid = () => Number(execFileSync("pgrep", ["-n", "-f", APP.replace(/.*\//, "")], { encoding: "utf8" }).trim());
try {
  for (let run = 0; run < RUNS; run++) {
    const t0 = performance.now();
    const browser = await remote({ hostname: "127.0.0.1", port: PORT, logLevel: "error", capabilities: { "tauri:options": { application: APP }, "wdio:enforceWebDriverClassic": true } });
    // Interactive: the form holds the draft (its house style is chosen) ...
    await browser.waitUntil(async () => (await browser.execute(() => document.getElementById("field-style")?.value)) === "un", { timeout: 30000, interval: 10 });
    forms.push(performance.now() - t0);
    // ... and the preview has drawn it.
    await browser.waitUntil(async () => (await browser.$('[data-testid="preview-text"]').getProperty("textContent")).includes("PRESS RELEASE"), { timeout: 30000, interval: 20 });
    starts.push(performance.now() - t0);
    if (run === 0) {
      await browser.pause(2000);
      opened = pss(appPid());
    }
    await browser.$(".rail").$("button*=Headline").click();
    const headline = await browser.$('[id="field-release.headline"]');
    await headline.click();
    await browser.keys("End");
    // One key at a time, as a person types, waiting for the preview after each.
    // The app times each edit to the drawn pages itself (User Timing), so
    // WebDriver's own delays do not count; the wall time seen from here
    // (key sent → the new text readable in the preview) is printed too.
    for (let k = 0; k < 5; k++) {
      const mark = String.fromCharCode(65 + run * 5 + k);
      const before = await drawnCount(browser);
      // A probe of the page's thread: the longest gap between timer ticks
      // while the preview is redrawn is how long a keystroke could wait.
      await browser.execute(() => {
        const probe = (window.measureProbe = { last: performance.now(), longest: 0, on: true });
        const tick = () => {
          const now = performance.now();
          probe.longest = Math.max(probe.longest, now - probe.last);
          probe.last = now;
          if (probe.on) setTimeout(tick, 0);
        };
        setTimeout(tick, 0);
      });
      const t1 = performance.now();
      await browser.keys(mark);
      await browser.waitUntil(async () => (await drawnCount(browser)) > before, { timeout: 10000, interval: 5 });
      const text = `${await headline.getValue()}`;
      await browser.waitUntil(async () => (await browser.$('[data-testid="preview-text"]').getProperty("textContent")).includes(text.slice(-12)), { timeout: 10000, interval: 10 });
      seen.push(performance.now() - t1);
      stalls.push(await browser.execute(() => ((window.measureProbe.on = false), window.measureProbe.longest)));
      const entries = await browser.execute(() => performance.getEntriesByType("measure").map((e) => [e.name, e.duration]));
      for (const [name, duration] of entries) (stages[name] ??= []).push(duration);
      await browser.execute(() => performance.clearMeasures());
    }
    if (run === 0) {
      memory = pss(appPid());
    }
    await browser.deleteSession();
    rmSync(join(home, "data"), { recursive: true, force: true });
  }
} finally {
  driver.kill("SIGTERM");
}
rmSync(home, { recursive: true, force: true });

console.log(`binary: ${APP} ${(statSync(APP).size / 1024 / 1024).toFixed(1)} MB`);
console.log(`cold start to interactive form, median of ${RUNS}: ${median(forms).toFixed(0)} ms (all: ${forms.map((s) => s.toFixed(0)).join(", ")})`);
console.log(`cold start to preview drawn, median of ${RUNS}: ${median(starts).toFixed(0)} ms (all: ${starts.map((s) => s.toFixed(0)).join(", ")})`);
const edit = stages["preview: edit to pages in view drawn"];
console.log(`keystroke to updated preview (in the app: edit → pages drawn, incl. the pause the app waits for), median of ${edit.length}: ${median(edit).toFixed(0)} ms (max ${Math.max(...edit).toFixed(0)})`);
for (const [name, xs] of Object.entries(stages)) console.log(`  ${name}: median ${median(xs).toFixed(0)} ms`);
console.log(`longest stall of the page's thread while the preview is redrawn: median ${median(stalls).toFixed(0)} ms (max ${Math.max(...stalls).toFixed(0)})`);
console.log(`keystroke to new text readable in the preview, seen through WebDriver, median: ${median(seen).toFixed(0)} ms (max ${Math.max(...seen).toFixed(0)})`);
const show = (m) => `${(m.kb / 1024).toFixed(0)} MB PSS in ${m.processes} processes (${m.each.map((p) => `${p.name} ${(p.kb / 1024).toFixed(0)} MB`).join(", ")})`;
console.log(`memory after opening the example: ${show(opened)}`);
console.log(`memory after typing five characters: ${show(memory)}`);
