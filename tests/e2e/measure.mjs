// Measures the app as a user meets it: cold start to an interactive form,
// keystroke to updated preview, memory (PSS of the app and its WebKit
// processes) after opening the example, after five keystrokes and after a
// hundred edits more, and the binary's size; then the same
// start with a library of 10,000 drafts, typing in its search, and scrolling
// its list. Prints figures; asserts nothing (the goals are in the README).
//
//   xvfb-run -a node measure.mjs [path/to/release-composer-app]

import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createConnection } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { remote } from "webdriverio";

const ROOT = resolve(import.meta.dirname, "../..");
const APP = process.argv[2] ?? join(ROOT, "target/release/release-composer-app");
const RUNS = 5;
const LARGE = 10000;

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
const env = { ...process.env, GSETTINGS_BACKEND: "memory", XDG_DATA_HOME: join(home, "data"), XDG_CONFIG_HOME: join(home, "config"), XDG_CACHE_HOME: join(home, "cache"), RELEASE_COMPOSER_EXPORT_DIR: join(home, "exports") };
// The WebDriver tools scripts/deps.sh test installs; the port as app.test.mjs takes it.
const PORT = Number(process.env.E2E_WEBDRIVER_PORT ?? 4444);
const NATIVE_PORT = Number(process.env.E2E_NATIVE_PORT ?? PORT + 1);
// The app takes its environment from tauri-driver's.
async function startDriver(extra = {}) {
  const driver = spawn(join(ROOT, ".tools/cargo/bin/tauri-driver"), ["--port", String(PORT), "--native-port", String(NATIVE_PORT), "--native-driver", "/usr/bin/WebKitWebDriver"], { env: { ...env, ...extra }, stdio: "ignore" });
  while (!(await portOpen(PORT))) await new Promise((r) => setTimeout(r, 100));
  return driver;
}
async function stopDriver(driver) {
  const gone = new Promise((r) => driver.once("exit", r));
  driver.kill("SIGTERM");
  await gone;
  while (await portOpen(PORT)) await new Promise((r) => setTimeout(r, 100));
}
let driver = await startDriver();

const starts = [];
const forms = [];
const seen = [];
const stalls = [];
const zoomStalls = [];
const inPage = [];
const stages = {};
/**
 * A probe of the page's thread, armed before an action: from the first tick
 * after the action's `event` has been handled until the app records the
 * User Timing measure `until`, the longest gap between timer ticks is how
 * long a keystroke could have waited. Nothing polls the page meanwhile
 * (WebDriver's own scripts run on the page's thread too, for 20–30 ms).
 */
const armProbe = (browser, event, until) =>
  browser.execute(
    (event, until) => {
      const probe = (window.measureProbe = { last: 0, longest: 0, armed: false, result: null });
      document.addEventListener(event, () => setTimeout(() => ((probe.armed = true), (probe.last = performance.now()), tick())), { capture: true, once: true });
      const tick = () => {
        if (probe.result !== null) return;
        const now = performance.now();
        probe.longest = Math.max(probe.longest, now - probe.last);
        probe.last = now;
        setTimeout(tick, 0);
      };
      const seen = new PerformanceObserver((list) => {
        if (probe.armed && list.getEntries().some((e) => e.name === until)) {
          probe.result = Math.max(probe.longest, performance.now() - probe.last);
          seen.disconnect();
        }
      });
      seen.observe({ entryTypes: ["measure"] });
    },
    event,
    until,
  );
async function probeResult(browser) {
  await browser.pause(800);
  let result = null;
  for (let i = 0; result === null && i < 50; i++) {
    result = await browser.execute(() => window.measureProbe.result);
    if (result === null) await browser.pause(200);
  }
  if (result === null) throw new Error("the preview was not redrawn within 10 s");
  return result;
}
let memory;
let opened;
let edited;
let large;

function report() {
  console.log(`binary: ${APP} ${(statSync(APP).size / 1024 / 1024).toFixed(1)} MB`);
  console.log(`cold start to interactive form, median of ${RUNS}: ${median(forms).toFixed(0)} ms (all: ${forms.map((s) => s.toFixed(0)).join(", ")})`);
  const pick = (key) => median(inPage.map((p) => p[key])).toFixed(0);
  console.log(`  of which in the page (from its navigation start), medians: scripts loaded ${pick("loaded")} ms, form filled ${pick("form")} ms, drafts listed ${pick("listed")} ms`);
  console.log(`cold start to preview drawn, median of ${RUNS}: ${median(starts).toFixed(0)} ms (all: ${starts.map((s) => s.toFixed(0)).join(", ")})`);
  const edit = stages["preview: edit to pages in view drawn"];
  console.log(`keystroke to updated preview (in the app: edit → pages drawn, incl. the pause the app waits for), median of ${edit.length}: ${median(edit).toFixed(0)} ms (max ${Math.max(...edit).toFixed(0)})`);
  for (const [name, xs] of Object.entries(stages)) console.log(`  ${name}: median ${median(xs).toFixed(0)} ms`);
  console.log(`longest stall of the page's thread while the preview is redrawn: median ${median(stalls).toFixed(0)} ms (max ${Math.max(...stalls).toFixed(0)})`);
  console.log(`  the same while only the preview redraws (zooming in and out): median ${median(zoomStalls).toFixed(0)} ms (max ${Math.max(...zoomStalls).toFixed(0)})`);
  console.log(`keystroke to new text readable in the preview, seen through WebDriver, median: ${median(seen).toFixed(0)} ms (max ${Math.max(...seen).toFixed(0)})`);
  const show = (m) => `${(m.kb / 1024).toFixed(0)} MB PSS in ${m.processes} processes (${m.each.map((p) => `${p.name} ${(p.kb / 1024).toFixed(0)} MB`).join(", ")})`;
  console.log(`memory after opening the example: ${show(opened)}`);
  console.log(`memory after typing five characters: ${show(memory)}`);
  console.log(`memory after 100 more edits: ${show(edited)}; growth over them ${((edited.kb - memory.kb) / 1024).toFixed(1)} MB`);
}

/**
 * A library of LARGE drafts (the example with numbered headlines, written
 * straight into the folder as a sync tool would): start to interactive form,
 * typing a search to the list filtered (in the page: input event → the
 * filtered list laid out, the next frame), the rows in the document, and the
 * frames while the list is scrolled.
 */
async function largeLibrary() {
  const dir = join(home, "large");
  mkdirSync(dir, { recursive: true });
  const example = JSON.parse(readFileSync(join(ROOT, "templates/example.release.json"), "utf8"));
  const headline = example.release.headline;
  for (let n = 0; n < LARGE; n++) {
    example.release.headline = `${headline} #${n}`;
    writeFileSync(join(dir, `draft-${String(n).padStart(5, "0")}.release.json`), JSON.stringify(example));
  }
  // Let the files settle (ones modified in the last two seconds are read
  // every time), then let a first start build the index, as after a sync.
  await new Promise((r) => setTimeout(r, 2500));
  await stopDriver(driver);
  driver = await startDriver({ RELEASE_COMPOSER_LIBRARY: dir });
  const starts = [];
  const searches = [];
  let rows = 0;
  let frames = [];
  for (let run = 0; run < 3; run++) {
    const t0 = performance.now();
    const browser = await remote({ hostname: "127.0.0.1", port: PORT, logLevel: "error", capabilities: { "tauri:options": { application: APP }, "wdio:enforceWebDriverClassic": true } });
    await browser.waitUntil(async () => (await browser.execute(() => document.getElementById("field-style")?.value)) === "un", { timeout: 60000, interval: 10 });
    starts.push(performance.now() - t0);
    await browser.waitUntil(async () => (await browser.execute(() => document.querySelectorAll(".drafts .entry").length)) > 0, { timeout: 60000, interval: 20 });
    rows = await browser.execute(() => document.querySelectorAll(".drafts .entry").length);
    for (const words of ["#9999", "#42", "water"]) {
      searches.push(
        await browser.execute(
          (words) =>
            new Promise((done) => {
              const box = document.getElementById("search");
              const t = performance.now();
              box.value = words;
              box.dispatchEvent(new Event("input", { bubbles: true }));
              requestAnimationFrame(() => done(performance.now() - t));
            }),
          words,
        ),
      );
      const shown = await browser.execute(() => [...document.querySelectorAll(".drafts .entry .headline")].map((e) => e.textContent));
      if (words === "#9999" && !(shown.length === 1 && shown[0].endsWith("#9999"))) throw new Error(`the search for #9999 shows ${JSON.stringify(shown.slice(0, 3))}`);
    }
    await browser.execute(() => {
      const box = document.getElementById("search");
      box.value = "";
      box.dispatchEvent(new Event("input", { bubbles: true }));
    });
    // Scroll the list a step a frame for two seconds; note each frame's length.
    frames = frames.concat(
      await browser.execute(
        () =>
          new Promise((done) => {
            const list = document.querySelector(".drafts");
            const lengths = [];
            let last = performance.now();
            const step = (now) => {
              lengths.push(now - last);
              last = now;
              list.scrollTop += 120;
              if (lengths.length < 120) requestAnimationFrame(step);
              else done(lengths.slice(1));
            };
            requestAnimationFrame(step);
          }),
      ),
    );
    await browser.deleteSession();
  }
  return { starts, searches, rows, frames };
}
const appPid = () => Number(execFileSync("pgrep", ["-n", "-f", APP.replace(/.*\//, "")], { encoding: "utf8" }).trim());
try {
  for (let run = 0; run < RUNS; run++) {
    const t0 = performance.now();
    const browser = await remote({ hostname: "127.0.0.1", port: PORT, logLevel: "error", capabilities: { "tauri:options": { application: APP }, "wdio:enforceWebDriverClassic": true } });
    // Interactive: the form holds the draft (its house style is chosen) ...
    await browser.waitUntil(async () => (await browser.execute(() => document.getElementById("field-style")?.value)) === "un", { timeout: 30000, interval: 10 });
    forms.push(performance.now() - t0);
    inPage.push(
      await browser.execute(() => {
        const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
        const nav = performance.getEntriesByType("navigation")[0];
        return { loaded: nav?.domContentLoadedEventEnd ?? NaN, form: at("startup: form filled"), listed: at("startup: drafts listed") };
      }),
    );
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
      const t1 = performance.now();
      await armProbe(browser, "input", "preview: edit to pages in view drawn");
      await browser.keys(mark);
      stalls.push(await probeResult(browser));
      const text = `${await headline.getValue()}`;
      await browser.waitUntil(async () => (await browser.$('[data-testid="preview-text"]').getProperty("textContent")).includes(text.slice(-12)), { timeout: 10000, interval: 10 });
      seen.push(performance.now() - t1);
      const entries = await browser.execute(() => performance.getEntriesByType("measure").map((e) => [e.name, e.duration]));
      for (const [name, duration] of entries) (stages[name] ??= []).push(duration);
      await browser.execute(() => performance.clearMeasures());
    }
    if (run === 0) {
      memory = pss(appPid());
      // A hundred more edits, a letter typed and taken back in turn (the
      // draft stays the same size), each waited for in the preview.
      // Line breaks and the hyphens added at them left out.
      const flat = (t) => `${t}`.replace(/[\s\u00ad]+/g, "");
      const shown = async () => flat(await browser.$('[data-testid="preview-text"]').getProperty("textContent"));
      for (let k = 0; k < 100; k++) {
        await browser.keys(k % 2 === 0 ? "q" : "Backspace");
        // The whole headline as it now reads, wherever the caret is.
        const value = flat(await headline.getValue());
        await browser.waitUntil(async () => (await shown()).includes(value), { timeout: 10000, interval: 10 });
      }
      await browser.pause(1000);
      edited = pss(appPid());
      await browser.execute(() => performance.clearMeasures());
    }
    // The preview alone: a zoom redraws every page in view with nothing else
    // to do on the page's thread, so its longest stall is the preview's own.
    for (const label of ["Zoom in", "Zoom out"]) {
      await armProbe(browser, "click", "preview: PDF to pages in view drawn");
      await browser.$(`button[aria-label="${label}"]`).click();
      zoomStalls.push(await probeResult(browser));
    }
    await browser.deleteSession();
    rmSync(join(home, "data"), { recursive: true, force: true });
  }
  report();
  large = await largeLibrary();
} finally {
  await stopDriver(driver);
}
rmSync(home, { recursive: true, force: true });

console.log(`library of ${LARGE} drafts: start to interactive form, median of ${large.starts.length}: ${median(large.starts).toFixed(0)} ms (all: ${large.starts.map((s) => s.toFixed(0)).join(", ")}), against ${median(forms).toFixed(0)} ms with one draft`);
console.log(`  typing in the drafts search to the list filtered (input → next frame), median of ${large.searches.length}: ${median(large.searches).toFixed(1)} ms (max ${Math.max(...large.searches).toFixed(1)})`);
console.log(`  rows in the document: ${large.rows} of ${LARGE}`);
const long = large.frames.filter((f) => f > 1000 / 60 + 8).length;
console.log(`  scrolling the list: ${large.frames.length} frames, median ${median(large.frames).toFixed(1)} ms, max ${Math.max(...large.frames).toFixed(1)} ms, ${long} longer than a 60 Hz frame and a half`);
