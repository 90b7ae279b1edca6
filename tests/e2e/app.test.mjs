// End-to-end tests of the real app: the debug binary's webview driven by
// WebdriverIO through tauri-driver and WebKitWebDriver, under Xvfb (run.sh).
//
// Every test starts from nothing: its own library, export, data and settings
// folders, its own tauri-driver and app session (`openApp`), so each one runs
// alone (`node --test --test-name-pattern=…`) and a failure does not cascade.
// Waits are on what the app shows or writes (DOM state, files on disk, the
// preview's User Timing measures), never on a fixed pause.
//
// Environment: E2E_WEBDRIVER_PORT (4444) and E2E_NATIVE_PORT (its port + 1),
// RELEASE_COMPOSER_APP (the debug build), E2E_SCREENSHOTS (a folder for a
// picture of the screen at the end of each test; the system's temporary
// folder), E2E_DEBUG (log every WebDriver command and the processes' lives).

import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { createConnection } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { remote } from "webdriverio";

const ROOT = resolve(import.meta.dirname, "../..");
const APP = process.env.RELEASE_COMPOSER_APP ?? join(ROOT, "target/debug/release-composer-app");
const PORT = Number(process.env.E2E_WEBDRIVER_PORT ?? 4444);
const NATIVE_PORT = Number(process.env.E2E_NATIVE_PORT ?? PORT + 1);
// The tools scripts/deps.sh test installs, by their full paths.
const TAURI_DRIVER = join(ROOT, ".tools/cargo/bin/tauri-driver");
const WEBKIT_DRIVER = "/usr/bin/WebKitWebDriver";
const PYTHON = join(ROOT, ".tools/venv/bin/python");
const READ_DOCX = join(ROOT, "tests/tools/read-docx.py");
const PDFTOTEXT = "/usr/bin/pdftotext";
const IMPORT = "/usr/bin/import";
const XCLIP = "/usr/bin/xclip";
const READ_EML = join(ROOT, "tests/tools/read-eml.py");
const CLI = join(resolve(APP, ".."), "release-composer");
const CONVERT = "/usr/bin/convert";

for (const tool of [APP, CLI, TAURI_DRIVER, WEBKIT_DRIVER, PYTHON, PDFTOTEXT, IMPORT, XCLIP, CONVERT]) {
  assert.ok(existsSync(tool), `${tool} is missing: run scripts/deps.sh test and cargo build -p release-composer-app`);
}

const debug = process.env.E2E_DEBUG ? (...what) => console.error(new Date().toISOString(), ...what) : () => {};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function portOpen(port) {
  return new Promise((ok) => {
    const socket = createConnection({ host: "127.0.0.1", port }, () => {
      socket.end();
      ok(true);
    });
    socket.on("error", () => ok(false));
  });
}

async function until(what, check, timeout = 10000) {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    if (await check()) return;
    await sleep(20);
  }
  throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
}

/** The processes below `pid`, from /proc/PID/task/TID/children. */
function descendants(pid) {
  const found = [];
  const queue = [pid];
  while (queue.length) {
    const p = queue.shift();
    let tasks = [];
    try {
      tasks = readdirSync(`/proc/${p}/task`);
    } catch {
      continue;
    }
    for (const task of tasks) {
      let children = "";
      try {
        children = readFileSync(`/proc/${p}/task/${task}/children`, "utf8");
      } catch {
        continue;
      }
      for (const child of children.trim().split(/\s+/).filter(Boolean).map(Number)) {
        found.push(child);
        queue.push(child);
      }
    }
  }
  return found;
}

/** Whether process `pid` still runs (gone or a zombie: no). */
function alive(pid) {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

/** Fresh folders for one app: library, exports, data and settings. */
function makeFolders() {
  const home = mkdtempSync(join(tmpdir(), "release-composer-e2e-"));
  const folders = {
    home,
    library: join(home, "drafts"),
    exports: join(home, "exports"),
    config: join(home, "config"),
    data: join(home, "data"),
    cache: join(home, "cache"),
  };
  folders.env = {
    ...process.env,
    GSETTINGS_BACKEND: "memory",
    XDG_DATA_HOME: folders.data,
    XDG_CONFIG_HOME: folders.config,
    XDG_CACHE_HOME: folders.cache,
    RELEASE_COMPOSER_LIBRARY: folders.library,
    RELEASE_COMPOSER_EXPORT_DIR: folders.exports,
  };
  return folders;
}

/** One app under test: its own tauri-driver (with its folders in the environment) and WebDriver session. */
class App {
  constructor(folders, driver) {
    this.folders = folders;
    this.driver = driver;
    this.browser = undefined;
  }

  static async start(folders, args) {
    assert.ok(!(await portOpen(PORT)), `port ${PORT} is taken: set E2E_WEBDRIVER_PORT`);
    const driver = spawn(TAURI_DRIVER, ["--port", String(PORT), "--native-port", String(NATIVE_PORT), "--native-driver", WEBKIT_DRIVER], {
      env: folders.env,
      stdio: ["ignore", "inherit", "inherit"],
    });
    const app = new App(folders, driver);
    debug("tauri-driver", driver.pid, "started");
    await until(`tauri-driver on port ${PORT}`, () => portOpen(PORT), 10000);
    await app.launch(args);
    return app;
  }

  /** Starts the app, with `args` on its command line (a draft file's path, as a double-click gives). */
  async launch(args = []) {
    this.browser = await remote({
      hostname: "127.0.0.1",
      port: PORT,
      logLevel: process.env.E2E_DEBUG ? "info" : "warn",
      capabilities: { "tauri:options": { application: APP, args }, "wdio:enforceWebDriverClassic": true },
    });
    await this.field("release.kind").waitForExist({ timeout: 20000 });
    debug("app", this.pid(), "shows the form");
  }

  /** The app's process: the one child of this test's drivers running APP. */
  pid() {
    const app = realpathSync(APP);
    const pids = descendants(this.driver.pid).filter((p) => {
      try {
        return readlinkSync(`/proc/${p}/exe`) === app;
      } catch {
        return false;
      }
    });
    assert.equal(pids.length, 1, `expected one app process under tauri-driver ${this.driver.pid}, found ${pids.join(", ") || "none"}`);
    return pids[0];
  }

  /** Kills the app as a crash would (SIGKILL, by its pid) and ends the session. */
  async kill() {
    const pid = this.pid();
    process.kill(pid, "SIGKILL");
    await until(`app process ${pid} to die`, () => !alive(pid), 10000);
    await this.quit();
  }

  /** Ends the session (the app quits); waits until its process is gone. */
  async quit() {
    let pid;
    try {
      pid = this.pid();
    } catch {
      pid = undefined;
    }
    try {
      await this.browser?.deleteSession();
    } catch {
      // The app was killed on purpose.
    }
    this.browser = undefined;
    debug("session of app", pid, "deleted");
    if (pid) await until(`app process ${pid} to exit`, () => !alive(pid), 10000);
  }

  async restart(args = []) {
    await this.quit();
    await this.launch(args);
  }

  /** Ends the session and the drivers; kills, by pid, whatever this test started that is left. */
  async stop(name) {
    // The screen as Xvfb has it: WebDriver's screenshot of the page can wait
    // for minutes after an export (WebKitWebDriver's snapshot never returns)
    // and then keeps the session from closing.
    const dir = process.env.E2E_SCREENSHOTS ?? tmpdir();
    try {
      execFileSync(IMPORT, ["-window", "root", join(dir, `release-composer-e2e-${name.replace(/\W+/g, "-")}.png`)], { timeout: 10000 });
    } catch (error) {
      console.error(`no screenshot of ${name}: ${error.message}`);
    }
    let failure;
    try {
      await this.quit();
    } catch (error) {
      failure = error;
    }
    const below = descendants(this.driver.pid);
    this.driver.kill("SIGTERM");
    const exited = () => this.driver.exitCode !== null || this.driver.signalCode !== null;
    await until("tauri-driver to exit", exited, 5000).catch(() => this.driver.kill("SIGKILL"));
    const left = below.filter(alive);
    debug("tauri-driver exited; still running below it:", left);
    for (const pid of left) process.kill(pid, "SIGKILL");
    await until(`port ${PORT} to be free`, async () => !(await portOpen(PORT)), 10000);
    rmSync(this.folders.home, { recursive: true, force: true });
    if (failure) throw failure;
  }

  field(path) {
    return this.browser.$(`[id="field-${path}"]`);
  }

  button(text) {
    return this.browser.$(`button=${text}`);
  }

  async setValue(path, value) {
    await this.field(path).waitForExist({ timeout: 5000 });
    await this.browser.execute(
      (id, v) => {
        const input = document.getElementById(id);
        input.value = v;
        input.dispatchEvent(new Event("input", { bubbles: true }));
        input.dispatchEvent(new Event("change", { bubbles: true }));
      },
      `field-${path}`,
      value,
    );
  }

  /** Types `text` at the end of a field, as a user who clicked into it and pressed Ctrl+End. */
  async typeInto(path, text) {
    const el = await this.field(path);
    await el.waitForExist({ timeout: 5000 });
    await el.click();
    await this.browser.keys(["Control", "End"]);
    await el.addValue(text);
  }

  async step(title) {
    await this.browser.$(".rail").$(`button*=${title}`).click();
  }

  previewText() {
    return this.browser.$('[data-testid="preview-text"]').getProperty("textContent");
  }

  saveStatus() {
    return this.browser.$('[data-testid="save-status"]').getText();
  }

  /** How many preview renders have finished drawing the pages in view. */
  drawn() {
    return this.browser.execute(() => performance.getEntriesByName("preview: PDF to pages in view drawn").length);
  }
}

/** The app for test `t`, in fresh folders (or `folders`), stopped when the test ends. */
async function openApp(t, { folders = makeFolders(), args = [] } = {}) {
  const app = await App.start(folders, args);
  t.after(() => app.stop(t.name));
  return app;
}

async function waitForFile(dir, extension, timeout = 20000) {
  let found = [];
  await until(
    `a ${extension} file in ${dir}`,
    () => {
      found = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(extension)) : [];
      return found.length > 0;
    },
    timeout,
  );
  return join(dir, found[0]);
}

/** Draft files of a library folder, name → parsed JSON. */
function drafts(dir) {
  if (!existsSync(dir)) return {};
  return Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith(".release.json"))
      .map((f) => [f, JSON.parse(readFileSync(join(dir, f), "utf8"))]),
  );
}

// Words in order; a word hyphenated at a PDF line end (read as a soft hyphen) joined again.
const flat = (text) => text.replace(/\u00AD\n/g, "").replace(/\u00AD/g, "").replace(/\s+/g, " ");

test("first start opens the example release and previews the real PDF", async (t) => {
  const app = await openApp(t);
  await app.step("Headline");
  assert.match(await app.field("release.headline").getValue(), /^Launch of the Phase IV of the project/);
  await app.browser.waitUntil(async () => (await app.previewText()).includes("PRESS RELEASE"), { timeout: 20000, timeoutMsg: "the preview never showed the PDF" });
  assert.match(await app.previewText(), /Dushanbe \(Tajikistan\), 8 December 2021/);
  assert.match(await app.saveStatus(), /Saved/);
});

test("the preview draws the pages in view, and the others when scrolled to", async (t) => {
  const app = await openApp(t);
  const pages = () =>
    app.browser.execute(() => {
      const box = document.querySelector('[data-testid="preview-pages"]');
      return [...box.children].map((page) => ({ tag: page.tagName, render: page.dataset.render ?? "", width: page.clientWidth }));
    });
  await app.browser.waitUntil(async () => (await app.drawn()) > 0 && (await pages())[0]?.tag === "CANVAS", { timeout: 20000, timeoutMsg: "the preview was never drawn" });
  const fitWidth = (await pages())[0].width;
  // One zoom step at a time, each waited for until its render has finished
  // drawing the pages in view (its User Timing measure is written then).
  let width = fitWidth;
  for (let i = 0; i < 2; i++) {
    const drawn = await app.drawn();
    await app.browser.$('button[aria-label="Zoom in"]').click();
    const before = width;
    await app.browser.waitUntil(
      async () => {
        const [first] = await pages();
        return first.tag === "CANVAS" && first.width > before * 1.1 && (await app.drawn()) > drawn;
      },
      { timeout: 10000, timeoutMsg: `zoom step ${i + 1}: page 1 was not redrawn larger` },
    );
    width = (await pages())[0].width;
  }
  // At 150 % page 1 fills the pane and page 2 is out of view: the render that
  // drew page 1 has finished and left page 2 as it was.
  const [first, second] = await pages();
  assert.ok(first.width > fitWidth * 1.4, `page 1 is ${first.width} px wide at 150 %, ${fitWidth} px at fit width`);
  assert.notEqual(second.render, first.render, "page 2, out of view, was drawn too");
  await app.browser.execute(() => {
    const box = document.querySelector('[data-testid="preview-pages"]');
    box.scrollTop = box.scrollHeight;
  });
  await app.browser.waitUntil(
    async () => {
      const [, second] = await pages();
      return second.tag === "CANVAS" && second.render === first.render;
    },
    { timeout: 10000, timeoutMsg: "page 2 was not drawn when scrolled to" },
  );
});

test("an edit redraws only the pages it changed: a letter swapped in the headline redraws page 1 and leaves page 2's picture", async (t) => {
  const app = await openApp(t);
  // Each canvas gets a mark of its own, and counts the pictures it has shown
  // (data-draws): a page redrawn is a new canvas or one that counted one more.
  const marks = () =>
    app.browser.execute(() =>
      [...document.querySelector('[data-testid="preview-pages"]').children].map((page) =>
        page.tagName === "CANVAS" ? `${(page.dataset.mark ??= String(Math.random()))}#${page.dataset.draws}` : "",
      ),
    );
  await app.browser.waitUntil(async () => (await marks()).filter(Boolean).length === 2, { timeout: 20000, timeoutMsg: "both pages were never drawn" });
  const before = await marks();
  // Page 2 is within what the preview draws (in view, or 100 px from it), so
  // it would be redrawn if the fingerprints were not compared.
  const inView = await app.browser.execute(() => {
    const box = document.querySelector('[data-testid="preview-pages"]');
    return box.children[1].offsetTop < box.scrollTop + box.clientHeight + 100;
  });
  assert.ok(inView, "page 2 is out of the preview's reach at fit width");
  const drawn = await app.drawn();
  await app.step("Headline");
  const headline = app.field("release.headline");
  const text = await headline.getValue();
  // "Launch" → "Lanuch": the same letters, so no font subset changes.
  assert.ok(text.startsWith("Launch"));
  await headline.click();
  await app.browser.execute(() => document.getElementById("field-release.headline").setSelectionRange(2, 2));
  for (const key of ["Delete", "ArrowRight", "u"]) await app.browser.keys(key);
  await app.browser.waitUntil(async () => (await app.previewText()).includes("Lanuch"), { timeout: 20000, timeoutMsg: "the preview never showed the edit" });
  await app.browser.waitUntil(async () => (await app.drawn()) > drawn, { timeout: 10000, timeoutMsg: "the edit's render never finished" });
  const after = await marks();
  assert.notEqual(after[0], before[0], "page 1 was not redrawn");
  assert.equal(after[1], before[1], "page 2 was redrawn though nothing on it changed");
  assert.equal(await headline.getValue(), text.replace("Launch", "Lanuch"));
});

test("typing while the preview is redrawn never shows a preview error", async (t) => {
  const app = await openApp(t);
  // A newer preview closes the document an older one is still drawing; that
  // is no failure and must not flash the preview's alert.
  await app.browser.execute(() => {
    window.previewAlerts = 0;
    new MutationObserver(() => {
      if (document.querySelector(".preview-problem")) window.previewAlerts++;
    }).observe(document.body, { childList: true, subtree: true });
  });
  await app.step("Headline");
  await app.field("release.headline").click();
  await app.browser.keys("End");
  // Keys paced faster than a preview is rendered and drawn, so renders overlap.
  for (const key of " overlapping previews") {
    await app.browser.keys(key);
    await sleep(70 + Math.round(Math.random() * 60));
  }
  await app.browser.waitUntil(async () => (await app.previewText()).includes("overlapping previews"), { timeout: 20000, timeoutMsg: "the preview never showed the typed text" });
  assert.equal(await app.browser.execute(() => window.previewAlerts), 0);
});

test("a new draft filled step by step previews and exports as PDF and DOCX", async (t) => {
  const app = await openApp(t);
  const HEADLINE = "Almaty water summit agrees on a shared plan for the Aral basin";
  const DATELINE = "Almaty (Kazakhstan), 20 November 2026";
  const QUOTE = "Ms. Aigerim Sadykova said that “Water is the one thing we cannot divide.”";
  const CONTACT = ["Mr. Daniyar Ospanov", "ospanov@example.org"];
  await app.button("New").click();
  await app.browser.waitUntil(async () => (await app.field("release.kind").getValue()) === "PRESS RELEASE", { timeout: 10000 });
  await app.setValue("release.kind", "MEDIA ADVISORY");
  await app.step("Headline");
  await app.typeInto("release.headline", HEADLINE);
  await app.step("Dateline");
  await app.setValue("release.dateline.city", "Almaty");
  await app.setValue("release.dateline.country", "Kazakhstan");
  await app.setValue("release.dateline.date", "2026-11-20");
  await app.browser.waitUntil(async () => (await app.browser.$(".printed").getText()).includes(DATELINE), { timeout: 10000, timeoutMsg: "the dateline was not shown as it will print" });
  await app.step("Body");
  await app.typeInto("release.body", "Ministers of five countries met today to agree on shared water rules for the basin.");
  await app.step("Quotes");
  await app.button("Add quote").click();
  await app.setValue("release.quotes[0].speaker", "Ms. Aigerim Sadykova");
  await app.typeInto("release.quotes[0].text", "Water is the one thing we cannot divide.");
  await app.step("Contacts");
  await app.button("Add contact").click();
  await app.setValue("release.contacts[0].name", CONTACT[0]);
  await app.setValue("release.contacts[0].email", CONTACT[1]);
  await app.step("Review");
  // The contact is the last thing typed: once it prints, the preview is up to date.
  await app.browser.waitUntil(async () => (await app.previewText()).includes(CONTACT[1]), { timeout: 20000, timeoutMsg: "the preview never caught up with the form" });
  const preview = flat(await app.previewText());
  for (const expected of [HEADLINE, DATELINE, QUOTE, ...CONTACT]) assert.ok(preview.includes(expected), `the preview lacks “${expected}”: ${preview}`);

  await app.button("Export PDF").click();
  const pdf = await waitForFile(app.folders.exports, ".pdf");
  const pdfText = flat(execFileSync(PDFTOTEXT, ["-enc", "UTF-8", pdf, "-"], { encoding: "utf8" }));
  await app.button("Export DOCX").click();
  const docx = await waitForFile(app.folders.exports, ".docx");
  const read = JSON.parse(execFileSync(PYTHON, [READ_DOCX, docx], { encoding: "utf8" }));
  const docxText = flat(read.paragraphs.map(([, text]) => text).join("\n"));
  for (const expected of [HEADLINE, DATELINE, QUOTE, ...CONTACT]) {
    assert.ok(pdfText.includes(expected), `the exported PDF lacks “${expected}”: ${pdfText}`);
    assert.ok(docxText.includes(expected), `the exported DOCX lacks “${expected}”: ${docxText}`);
  }
  assert.equal(read.paragraphs.find(([style]) => style === "Headline")?.[1], HEADLINE);
  await app.browser.$("button=Open").waitForExist({ timeout: 5000 });
});

test("Copy for e-mail fills the clipboard with HTML and text, and Export e-mail writes a message that parses", async (t) => {
  const app = await openApp(t);
  await app.step("Review");
  const subject = app.browser.$("[data-subject]");
  await app.browser.waitUntil(async () => (await subject.getText()).startsWith("PRESS RELEASE: Launch of the Phase IV"), { timeout: 10000, timeoutMsg: "the Review step shows no subject line" });

  await app.button("Copy for e-mail").click();
  const clipboard = (...args) => execFileSync(XCLIP, ["-selection", "clipboard", "-o", ...args], { encoding: "utf8", timeout: 5000 });
  let targets = [];
  await until("the clipboard to offer the release", () => {
    try {
      targets = clipboard("-t", "TARGETS").split("\n");
    } catch {
      return false;
    }
    return targets.includes("text/html");
  });
  assert.ok(targets.includes("UTF8_STRING") || targets.includes("text/plain"), `plain text is offered too: ${targets}`);
  const html = clipboard("-t", "text/html");
  assert.ok(html.includes("<table role=\"presentation\""), "the mail HTML, not the page's");
  assert.ok(flat(html).includes("Launch of the Phase IV of the project"), html.slice(0, 300));
  const text = clipboard("-t", targets.includes("UTF8_STRING") ? "UTF8_STRING" : "text/plain");
  assert.ok(text.startsWith("PRESS RELEASE\n\nLaunch of the Phase IV"), text.slice(0, 200));

  await app.button("Export e-mail").click();
  const eml = await waitForFile(app.folders.exports, ".eml");
  const read = JSON.parse(execFileSync(PYTHON, [READ_EML, eml], { encoding: "utf8" }));
  assert.deepEqual(read.defects, []);
  assert.equal(read.subject, (await subject.getText()).trim());
  assert.deepEqual(read.types, ["multipart/alternative", "text/plain", "text/html"]);
  assert.ok(read.headers.some(([name, value]) => name === "X-Unsent" && value === "1"));
  assert.ok(flat(read.html_text).includes("For more information, please contact: Ms. Laurence Gerard"));
});

test("a photo shows its thumbnail and its fields, warns without alt text, and prints with its caption", async (t) => {
  const folders = makeFolders();
  // A draft with a photo, made the way a colleague's script would: the command line.
  const cli = (...args) => execFileSync(CLI, args, { env: folders.env, encoding: "utf8" }).trim();
  const id = cli("drafts", "new", "--from-example");
  const image = join(folders.home, "launch.jpg");
  execFileSync(CONVERT, ["-size", "1200x800", "gradient:#1a5f9e-#f2c14e", image]);
  cli("drafts", "add-photo", id, image, "--caption", "Delegates at the launch in Dushanbe.", "--credit", "Manuel Elías");
  const app = await openApp(t, { folders });
  await app.step("Photos");
  const thumbnail = app.browser.$("img[data-thumbnail]");
  await thumbnail.waitForExist({ timeout: 10000 });
  await app.browser.waitUntil(() => thumbnail.getProperty("naturalWidth").then((w) => w > 0 && w <= 320), { timeout: 10000, timeoutMsg: "no thumbnail, or one larger than a thumbnail" });
  const altFindings = app.browser.$('[id="findings-release.photos[0].alt"]');
  await app.browser.waitUntil(async () => (await altFindings.getText()).includes("alt"), { timeout: 10000, timeoutMsg: "a photo without alt text is not a warning at its field" });
  await app.setValue("release.photos[0].alt", "Delegates seated around a long table under UN flags.");
  await app.browser.waitUntil(async () => !(await altFindings.isExisting()), { timeout: 10000, timeoutMsg: "the alt text warning stayed" });
  await app.browser.waitUntil(async () => flat(await app.previewText()).includes("Delegates at the launch in Dushanbe. UN Photo/Manuel Elías"), { timeout: 20000, timeoutMsg: "the preview lacks the caption and credit" });
});

test("spelling: the web context checks in the draft's language; a typo in the body is fixed, undone, and added to the dictionary for good", async (t) => {
  const app = await openApp(t);
  // WebKitGTK itself reports spell checking on, with the style's dictionary.
  const web = () => app.browser.execute(() => window.__TAURI_INTERNALS__.invoke("web_spelling"));
  await app.browser.waitUntil(async () => (await web()).enabled, { timeout: 20000, timeoutMsg: "spell checking never came on" });
  assert.deepEqual((await web()).languages, ["en_GB"]);
  // It follows the draft's language; Chinese is not checked, and the window says so.
  await app.step("Release");
  await app.browser.$("#field-language").selectByAttribute("value", "fr");
  await app.browser.waitUntil(async () => (await web()).languages[0] === "fr_FR", { timeout: 20000, timeoutMsg: "spell checking did not switch to French" });
  await app.browser.$("#field-language").selectByAttribute("value", "zh");
  await app.browser.waitUntil(async () => !(await web()).enabled, { timeout: 20000, timeoutMsg: "spell checking stayed on for Chinese" });
  assert.match(await app.browser.$(".toast").getText(), /Spelling is not checked in Chinese/);
  await app.browser.$("#field-language").selectByAttribute("value", "en");
  await app.browser.waitUntil(async () => (await web()).languages[0] === "en_GB", { timeout: 20000, timeoutMsg: "spell checking did not switch back to English" });

  await app.step("Body");
  await app.typeInto("release.body", " The Office gives assistence to Zhanibekov.");
  await app.step("Review");
  const item = (word) => app.browser.$(`.review-list li[data-code="misspelling"][data-word="${word}"]`);
  // The French check of the English text may still be finding its ten suggestions.
  await item("assistence").waitForExist({ timeout: 60000, timeoutMsg: "the misspelling never reached Review" });
  assert.match(await item("assistence").getText(), /did you mean `assistance`/);
  assert.match(await app.browser.$("#spelling-status").getText(), /checked with the en_GB dictionary.*en_GB-ize is not installed/s);
  await item("assistence").$("button*=Fix").click();
  await app.browser.waitUntil(async () => !(await item("assistence").isExisting()), { timeout: 20000, timeoutMsg: "the fix did not apply" });
  await app.browser.waitUntil(async () => flat(await app.previewText()).includes("gives assistance to"), { timeout: 20000, timeoutMsg: "the preview never showed the fix" });
  await app.browser.$(".toast").$("button=Undo").click();
  await item("assistence").waitForExist({ timeout: 20000, timeoutMsg: "Undo did not bring the word back" });

  await item("Zhanibekov").$("button*=Add").click();
  await app.browser.waitUntil(async () => !(await item("Zhanibekov").isExisting()), { timeout: 20000, timeoutMsg: "the added word is still flagged" });
  assert.match(readFileSync(join(app.folders.config, "release-composer", "dictionary.txt"), "utf8"), /^zhanibekov$/m);
  assert.ok(await item("assistence").isExisting(), "adding one word hid another");

  await app.browser.waitUntil(async () => (await app.saveStatus()) === "Saved", { timeout: 10000, timeoutMsg: "the window never said Saved" });
  await app.restart();
  await app.step("Review");
  await item("assistence").waitForExist({ timeout: 20000, timeoutMsg: "the draft's typo was not flagged after the restart" });
  assert.ok(!(await item("Zhanibekov").isExisting()), "the added word is flagged again after a restart");
});

test("after a restart the draft is listed", async (t) => {
  const app = await openApp(t);
  const HEADLINE = "Restart keeps the Almaty water summit draft";
  await app.button("New").click();
  await app.step("Headline");
  await app.typeInto("release.headline", HEADLINE);
  await until("the draft saved on disk", () => Object.values(drafts(app.folders.library)).some((d) => d.release?.headline === HEADLINE), 15000);
  await app.browser.waitUntil(async () => (await app.saveStatus()) === "Saved", { timeout: 10000, timeoutMsg: "the window never said Saved" });
  await app.restart();
  await app.browser.waitUntil(async () => (await app.browser.$(".drafts").getProperty("textContent")).includes(HEADLINE), { timeout: 10000, timeoutMsg: "the draft is not in the list after a restart" });
});

test("killing the app while typing offers the recovered text on the next start", async (t) => {
  const app = await openApp(t);
  const library = app.folders.library;
  const recovery = join(library, ".release-composer/recovery");
  await until("the example in the library", () => Object.keys(drafts(library)).length === 1, 15000);
  const [file] = Object.keys(drafts(library));
  await app.step("Headline");
  await app.typeInto("release.headline", " today");
  // The recovery copy is written 300 ms after typing stops, the draft 1.5 s
  // after: kill the app as soon as the copy is on disk.
  await until("the recovery copy on disk", () => existsSync(join(recovery, file)) && readFileSync(join(recovery, file), "utf8").includes(" today"), 10000);
  await app.kill();
  assert.ok(!drafts(library)[file].release.headline.endsWith(" today"), "the draft itself was saved before the kill: nothing left to recover");
  await app.launch();
  const restore = app.button("Restore recovered changes");
  await restore.waitForExist({ timeout: 10000, timeoutMsg: "no recovery was offered" });
  await restore.click();
  await app.step("Headline");
  assert.match(await app.field("release.headline").getValue(), / today$/);
  await until("the restored text saved", () => drafts(library)[file].release.headline.endsWith(" today"), 10000);
});

test("an invalid e-mail shows at its field and blocks export", async (t) => {
  const app = await openApp(t);
  await app.step("Contacts");
  await app.setValue("release.contacts[0].email", "gerardl at un");
  const findings = app.browser.$('[id="findings-release.contacts[0].email"]');
  await findings.waitForExist({ timeout: 10000, timeoutMsg: "no finding at the e-mail field" });
  assert.match(await findings.getText(), /not an e-mail address/);
  await app.step("Review");
  assert.match(await app.browser.$(".blocked").getText(), /Export is blocked/);
  await app.button("Export PDF").click();
  // The window decides before exporting: once it says so, nothing was written.
  const toast = app.browser.$(".toast.error");
  await toast.waitForExist({ timeout: 10000, timeoutMsg: "the blocked export said nothing" });
  assert.match(await toast.getText(), /Not exported: 1 error to fix first/);
  const exported = existsSync(app.folders.exports) ? readdirSync(app.folders.exports) : [];
  assert.deepEqual(exported, []);
});

test("a draft file opened by path is edited in place, and not overwritten once changed on disk", async (t) => {
  const folders = makeFolders();
  const dir = join(folders.home, "Mail");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "colleague.release.json");
  const example = readFileSync(join(ROOT, "templates/example.release.json"), "utf8");
  writeFileSync(file, example.replace(/"headline": "[^"]*"/, '"headline": "A draft a colleague mailed"'));
  const app = await openApp(t, { folders, args: [file] });
  const offer = app.browser.$('[data-testid="file-offer"]');
  await offer.$("h2").waitForExist({ timeout: 10000, timeoutMsg: "opening a draft from outside asked nothing" });
  assert.match(await offer.getText(), /colleague\.release\.json/);
  await app.button("Edit in place").click();
  await app.browser.$('[data-testid="in-place"]').waitForExist({ timeout: 10000 });
  await app.step("Headline");
  assert.equal(await app.field("release.headline").getValue(), "A draft a colleague mailed");
  await app.typeInto("release.headline", ", edited");
  await app.browser.keys(["Control", "s"]);
  await app.browser.waitUntil(async () => JSON.parse(readFileSync(file, "utf8")).release.headline === "A draft a colleague mailed, edited", {
    timeout: 10000,
    timeoutMsg: "the file was not saved in place",
  });
  assert.deepEqual(readdirSync(dir), ["colleague.release.json"], "no temporary file is left beside it");
  assert.ok(!Object.values(drafts(folders.library)).some((d) => JSON.stringify(d).includes("colleague mailed")), "nothing went into the library");

  // Another program rewrites the file: the next save must not overwrite it.
  const theirs = example.replace(/"headline": "[^"]*"/, '"headline": "Their version"');
  writeFileSync(file, theirs);
  await app.typeInto("release.headline", " again");
  await app.browser.keys(["Control", "s"]);
  await app.browser.$(".toast.error").waitForExist({ timeout: 10000, timeoutMsg: "a change on disk was not reported" });
  assert.match(await app.browser.$(".toast.error").getText(), /changed on disk/);
  assert.equal(readFileSync(file, "utf8"), theirs);
});

test("language editions: a French edition of the example shows the English body's change at its body, with the words; all editions export together", async (t) => {
  const app = await openApp(t);
  const [english] = Object.keys(drafts(app.folders.library));
  assert.ok(english, "the example is in the library");
  await app.browser.$("#new-edition").selectByAttribute("value", "fr");
  const banner = app.browser.$(".banner.edition");
  await banner.waitForExist({ timeout: 20000, timeoutMsg: "the French edition never said what it is" });
  assert.match(await banner.getText(), /This is the French edition of the English release/);
  const files = () => Object.entries(drafts(app.folders.library));
  await until("the French edition's file", () => files().some(([, d]) => d.language === "fr"));
  const [frenchFile, french] = files().find(([, d]) => d.language === "fr");
  assert.equal(french.edition.group, english.replace(".release.json", ""));
  // The sidebar groups the two editions of the release.
  const group = app.browser.$(".edition-group");
  await group.waitForExist({ timeout: 10000, timeoutMsg: "the sidebar does not group the editions" });
  assert.equal(await group.$$(".entry").length, 2);
  assert.ok(await group.$('.entry[data-language="fr"]').isExisting());
  // Its text is still the English one: Review says so, part by part.
  await app.step("Review");
  const untranslated = app.browser.$('.review-list li[data-code="untranslated"]');
  await untranslated.waitForExist({ timeout: 20000, timeoutMsg: "no untranslated finding in Review" });
  assert.match(await app.browser.$(".review-list").getText(), /The body is still the English text: translate it into French/);

  // Translate the headline, then change the English body.
  await app.step("Headline");
  await app.setValue("release.headline", "Lancement de la phase IV du projet");
  await app.browser.waitUntil(async () => (await app.saveStatus()) === "Saved", { timeout: 10000, timeoutMsg: "the French edition was not saved" });
  await banner.$("button=the English release").click();
  await app.browser.waitUntil(async () => !(await banner.isExisting()), { timeout: 10000, timeoutMsg: "the English release did not open" });
  await app.step("Body");
  await app.typeInto("release.body", " The Centre thanks the donors.");
  await app.browser.waitUntil(async () => (await app.saveStatus()) === "Saved", { timeout: 10000, timeoutMsg: "the English change was not saved" });

  // Open the French edition: the notice is at its body, with the added words.
  await group.$('.entry[data-language="fr"]').click();
  await banner.waitForExist({ timeout: 10000, timeoutMsg: "the French edition did not open" });
  await app.step("Body");
  const stale = app.browser.$('.stale[data-part="body"]');
  await stale.waitForExist({ timeout: 10000, timeoutMsg: "no change notice at the body" });
  assert.match(await stale.$(".stale-message").getText(), /The English edition's body changed since this edition was made/);
  assert.match(await stale.$("ins").getText(), /The Centre thanks the donors\./);
  // The body was never translated, so it can take the new English text.
  // Clear of the form's sticky header, which would take the click.
  const take = stale.$("button*=Take the new English text");
  await take.scrollIntoView({ block: "center" });
  await take.click();
  await app.browser.waitUntil(async () => !(await stale.isExisting()), { timeout: 10000, timeoutMsg: "the notice stayed after bringing the body up to date" });
  await app.browser.waitUntil(async () => (await app.saveStatus()) === "Saved", { timeout: 10000, timeoutMsg: "the brought-up-to-date edition was not saved" });
  const saved = JSON.parse(readFileSync(join(app.folders.library, frenchFile), "utf8"));
  assert.equal(saved.release.headline, "Lancement de la phase IV du projet", "the translated headline is kept");
  assert.match(saved.edition.parts.body, /The Centre thanks the donors\./);

  // Every edition, every format, named with its language.
  await app.step("Review");
  await app.browser.$("#export-editions").click();
  await until("ten exported files", () => existsSync(app.folders.exports) && readdirSync(app.folders.exports).length === 10, 60000);
  const exported = readdirSync(app.folders.exports).sort();
  for (const language of ["en", "fr"]) {
    for (const ext of ["pdf", "docx", "eml", "html", "txt"]) {
      assert.ok(exported.some((f) => f.endsWith(`.${language}.${ext}`)), `${language}.${ext} in ${exported}`);
    }
  }
  const eml = join(app.folders.exports, exported.find((f) => f.endsWith(".fr.eml")));
  const read = JSON.parse(execFileSync(PYTHON, [READ_EML, eml], { encoding: "utf8" }));
  assert.deepEqual(read.defects, []);
  assert.match(read.plain, /Ce communiqué est aussi publié en English\./);

  // A new date in the French edition is offered to the English one too.
  // (The export's toast, with its ten files, covers the rail: dismiss it.)
  await app.browser.execute(() => document.querySelector('.toast button[aria-label="Dismiss"]')?.click());
  await app.browser.$(".toast").waitForExist({ reverse: true, timeout: 5000 });
  await app.step("Dateline");
  await app.setValue("release.dateline.date", "2021-12-09");
  const offer = app.browser.$("#editions-out-of-step");
  await offer.waitForExist({ timeout: 15000, timeoutMsg: "changing the date did not offer it to the other edition" });
  assert.match(await offer.getText(), /The English edition still has the old one/);
  await offer.$("button=Change in all editions").click();
  await until("the English edition's new date", () => JSON.parse(readFileSync(join(app.folders.library, english), "utf8")).release.dateline.date === "2021-12-09");
  await app.browser.waitUntil(async () => !(await offer.isExisting()), { timeout: 5000, timeoutMsg: "the offer stayed after it was taken" });
});

test("snippets: a contact saved from a release, and one a colleague added, are inserted from the book by keyboard", async (t) => {
  const app = await openApp(t);
  await app.step("Contacts");
  const first = app.browser.$('article[aria-label="Contact 1"]');
  await first.$("button=Save as snippet…").click();
  const name = first.$("input[placeholder='Press office']");
  await name.waitForExist({ timeout: 5000 });
  await name.setValue("UNOCT press office");
  await first.$("button=Save").click();
  const book = join(app.folders.config, "release-composer", "snippets");
  await until("the contact snippet's file", () => existsSync(book) && readdirSync(book).some((f) => f.endsWith(".snippet.json")));
  const [file] = readdirSync(book).filter((f) => f.endsWith(".snippet.json"));
  const saved = JSON.parse(readFileSync(join(book, file), "utf8"));
  assert.equal(saved.kind, "contact");
  assert.equal(saved.contact.email, "gerardl@un.org");
  // A colleague adds one to the shared book from the command line.
  execFileSync(CLI, ["snippets", "add", "--kind", "contact", "--name", "مكتب الصحافة", "--contact-name", "Ms. Laila Al-Hassan", "--email", "alhassan@un.org"], {
    env: app.folders.env,
    encoding: "utf8",
  });

  const contacts = () => app.browser.$$("article.card").length;
  assert.equal(await contacts(), 1);
  const opener = app.browser.$("button=Insert a contact from snippets…");
  // The last picker, under the list: it adds a contact.
  const openers = await app.browser.$$("button=Insert a contact from snippets…");
  await openers[openers.length - 1].click();
  const search = app.browser.$('.snippets .picker input[type="search"]');
  await search.waitForExist({ timeout: 5000 });
  await app.browser.waitUntil(async () => (await app.browser.$$('.picker [role="option"]').length) === 2, { timeout: 10000, timeoutMsg: "the picker does not list both contacts" });
  await search.setValue("hassan");
  await app.browser.waitUntil(async () => (await app.browser.$$('.picker [role="option"]').length) === 1, { timeout: 5000, timeoutMsg: "the search did not filter the contacts" });
  await app.browser.keys(["Enter"]);
  await app.browser.waitUntil(async () => (await contacts()) === 2, { timeout: 5000, timeoutMsg: "Enter did not insert the contact" });
  assert.equal(await app.field("release.contacts[1].name").getValue(), "Ms. Laila Al-Hassan");
  assert.equal(await app.field("release.contacts[1].email").getValue(), "alhassan@un.org");
  assert.ok(await opener.isExisting());
  await app.browser.waitUntil(async () => (await app.saveStatus()) === "Saved", { timeout: 10000, timeoutMsg: "the draft was not saved" });
  const [draft] = Object.values(drafts(app.folders.library));
  assert.equal(draft.release.contacts[1].name, "Ms. Laila Al-Hassan");
});

test("live with the folder: drafts written from outside show up, the open draft reloads, and with unsaved edits both versions are kept", async (t) => {
  const app = await openApp(t);
  const [file] = Object.keys(drafts(app.folders.library));
  const path = join(app.folders.library, file);
  await app.step("Headline");
  await app.browser.waitUntil(async () => (await app.field("release.headline").getValue()).startsWith("Launch of the Phase IV"), { timeout: 10000, timeoutMsg: "the example is not open" });

  // A colleague's new draft lands in the folder: listed within a second or so.
  const colleague = JSON.parse(readFileSync(path, "utf8"));
  colleague.release.headline = "A colleague's release, synced in";
  writeFileSync(join(app.folders.library, "20211209-colleague.release.json"), JSON.stringify(colleague, null, 2));
  const entry = app.browser.$("button.entry*=A colleague's release, synced in");
  const listedAt = Date.now();
  await entry.waitForExist({ timeout: 5000, timeoutMsg: "the new draft never appeared in the sidebar" });
  debug("listed after", Date.now() - listedAt, "ms");

  // The open draft changed on disk, nothing unsaved here: the form shows the new text.
  const changed = JSON.parse(readFileSync(path, "utf8"));
  changed.release.headline = "Changed on another computer";
  writeFileSync(path, JSON.stringify(changed, null, 2));
  await app.browser.waitUntil(async () => (await app.field("release.headline").getValue()) === "Changed on another computer", {
    timeout: 5000,
    timeoutMsg: "the open form did not reload the changed draft",
  });

  // Both changed: an edit here, unsaved, and the file on disk. Both are kept, and the window says so at once.
  await app.setValue("release.headline", "Edited here, not saved yet");
  const again = JSON.parse(readFileSync(path, "utf8"));
  again.release.headline = "Edited there at the same time";
  writeFileSync(path, JSON.stringify(again, null, 2));
  await app.browser.waitUntil(async () => /your version is kept as a separate draft/.test(await app.browser.$(".toast").getText().catch(() => "")), {
    timeout: 5000,
    timeoutMsg: "the window did not say that both versions were kept",
  });
  const headlines = Object.values(drafts(app.folders.library)).map((d) => d.release.headline);
  assert.ok(headlines.includes("Edited there at the same time"), `the other computer's version is kept: ${headlines}`);
  assert.ok(headlines.includes("Edited here, not saved yet"), `this window's version is kept: ${headlines}`);
  assert.ok(headlines.includes("A colleague's release, synced in"), `${headlines}`);
  assert.equal(await app.field("release.headline").getValue(), "Edited here, not saved yet");

  // A sync tool's conflicting copy is listed as a copy of its draft, and can be settled.
  const copyName = file.replace(".release.json", " (conflicted copy 2021-12-09).release.json");
  const copy = JSON.parse(readFileSync(path, "utf8"));
  copy.release.headline = "The other laptop's version";
  writeFileSync(join(app.folders.library, copyName), JSON.stringify(copy, null, 2));
  const conflict = app.browser.$(`.entry.conflict[data-conflict-of="${file.replace(".release.json", "")}"]`);
  await conflict.waitForExist({ timeout: 5000, timeoutMsg: "the conflicting copy is not listed as one" });
  await conflict.$("button=Discard it").click();
  await until("the copy to go to the trash", () => !existsSync(join(app.folders.library, copyName)));
  assert.equal(JSON.parse(readFileSync(path, "utf8")).release.headline, "Edited there at the same time");
});

test("a library of 2,000 drafts: only the rows in view are in the document, scrolling brings the last, and typing in the search filters at once", async (t) => {
  const folders = makeFolders();
  mkdirSync(folders.library, { recursive: true });
  const example = JSON.parse(readFileSync(join(ROOT, "templates/example.release.json"), "utf8"));
  for (let n = 0; n < 2000; n++) {
    example.release.headline = `Numbered release ${n}`;
    writeFileSync(join(folders.library, `draft-${String(n).padStart(5, "0")}.release.json`), JSON.stringify(example));
  }
  const app = await openApp(t, { folders });
  const rows = () => app.browser.execute(() => document.querySelectorAll(".drafts .entry").length);
  await app.browser.waitUntil(async () => (await rows()) > 0, { timeout: 30000, timeoutMsg: "the drafts list stayed empty" });
  const shown = await rows();
  assert.ok(shown >= 10 && shown < 200, `the list holds ${shown} rows of 2,000`);

  // Scrolled to the end, the list's last rows are there (no spacer stands in
  // below them), and still only a window of rows.
  const atEnd = () =>
    app.browser.execute(() => {
      const list = document.querySelector(".drafts");
      list.scrollTop = list.scrollHeight;
      const items = list.children;
      return items.length > 0 && !items[items.length - 1].classList.contains("spacer") && items[0].classList.contains("spacer");
    });
  await app.browser.waitUntil(atEnd, { timeout: 10000, timeoutMsg: "scrolling to the end never showed the list's last rows" });
  assert.ok((await rows()) < 200);
  assert.equal(await app.browser.execute(() => document.querySelectorAll(".drafts .entry").length > 0 && document.querySelector(".drafts").lastElementChild.querySelector(".entry") !== null), true);

  // Headline matches are shown in the same frame as the keystroke, before the full-text search answers.
  const found = await app.browser.execute(
    () =>
      new Promise((done) => {
        const box = document.getElementById("search");
        box.value = "release 1999";
        box.dispatchEvent(new Event("input", { bubbles: true }));
        requestAnimationFrame(() => done([...document.querySelectorAll(".drafts .entry .headline")].map((e) => e.textContent.trim())));
      }),
  );
  assert.deepEqual(found, ["Numbered release 1999"]);
  // The full-text answer agrees, and an empty search lists everything again.
  await app.browser.pause(1000);
  assert.equal(await rows(), 1);
  await app.browser.execute(() => {
    const box = document.getElementById("search");
    box.value = "";
    box.dispatchEvent(new Event("input", { bubbles: true }));
  });
  await app.browser.waitUntil(async () => (await rows()) >= 10, { timeout: 5000, timeoutMsg: "clearing the search did not list the drafts again" });
});
