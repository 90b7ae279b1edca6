// End-to-end tests of the real app: the release binary's webview driven by
// WebdriverIO through tauri-driver and WebKitWebDriver, under Xvfb (run.sh).
// Each run uses its own library, export and settings folders.

import { after, afterEach, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createConnection } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { remote } from "webdriverio";

const ROOT = resolve(import.meta.dirname, "../..");
const APP = process.env.RELEASE_COMPOSER_APP ?? join(ROOT, "target/debug/release-composer-app");
const home = mkdtempSync(join(tmpdir(), "release-composer-e2e-"));
const env = {
  ...process.env,
  GSETTINGS_BACKEND: "memory",
  XDG_DATA_HOME: join(home, "data"),
  XDG_CONFIG_HOME: join(home, "config"),
  RELEASE_COMPOSER_LIBRARY: join(home, "drafts"),
  RELEASE_COMPOSER_EXPORT_DIR: join(home, "exports"),
};
let driver;
let browser;

function portOpen(port) {
  return new Promise((ok) => {
    const socket = createConnection({ host: "127.0.0.1", port }, () => {
      socket.end();
      ok(true);
    });
    socket.on("error", () => ok(false));
  });
}

async function startDriver() {
  driver = spawn("tauri-driver", ["--port", "4444"], { env, stdio: ["ignore", "inherit", "inherit"] });
  for (let i = 0; i < 100; i++) {
    if (await portOpen(4444)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("tauri-driver did not start on port 4444");
}

/** Starts the app, with `args` on its command line (a draft file's path, as a double-click gives). */
async function launch(args = []) {
  browser = await remote({
    hostname: "127.0.0.1",
    port: 4444,
    logLevel: "warn",
    capabilities: { "tauri:options": { application: APP, args }, "wdio:enforceWebDriverClassic": true },
  });
  await field("release.kind").waitForExist({ timeout: 20000 });
}

async function quit() {
  try {
    await browser?.deleteSession();
  } catch {
    // The app was killed on purpose.
  }
  browser = undefined;
}

const field = (path) => browser.$(`[id="field-${path}"]`);
const button = (text) => browser.$(`button=${text}`);

async function setValue(path, value) {
  const el = await field(path);
  await el.waitForExist({ timeout: 5000 });
  await browser.execute(
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

async function typeInto(path, text) {
  const el = await field(path);
  await el.waitForExist({ timeout: 5000 });
  await el.click();
  await el.addValue(text);
}

async function step(title) {
  await browser.$(".rail").$(`button*=${title}`).click();
}

async function previewText() {
  return browser.$('[data-testid="preview-text"]').getProperty("textContent");
}

async function waitForFile(dir, extension, timeout = 20000) {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    const found = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(extension)) : [];
    if (found.length) return join(dir, found[0]);
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no ${extension} file appeared in ${dir}`);
}

const HEADLINE = "Almaty water summit agrees on a shared plan for the Aral basin";

before(async () => {
  assert.ok(existsSync(APP), `${APP} is missing: build it with cargo build -p release-composer-app`);
  await startDriver();
});

// A picture of the window after each test, for when one fails.
afterEach(async (t) => {
  const dir = process.env.E2E_SCREENSHOTS ?? tmpdir();
  await browser?.saveScreenshot(join(dir, `release-composer-e2e-${t.name.replace(/\W+/g, "-")}.png`)).catch(() => {});
});

after(async () => {
  await quit();
  driver?.kill("SIGTERM");
  rmSync(home, { recursive: true, force: true });
});

test("first start opens the example release and previews the real PDF", async () => {
  await launch();
  await step("Headline");
  const headline = await field("release.headline").getValue();
  assert.match(headline, /^Launch of the Phase IV of the project/);
  await browser.waitUntil(async () => (await previewText()).includes("PRESS RELEASE"), { timeout: 20000, timeoutMsg: "the preview never showed the PDF" });
  const text = await previewText();
  assert.match(text, /Dushanbe \(Tajikistan\), 8 December 2021/);
  assert.match(await browser.$('[data-testid="save-status"]').getText(), /Saved/);
});

test("the preview draws the pages in view, and the others when scrolled to", async () => {
  const pages = () =>
    browser.execute(() => {
      const box = document.querySelector('[data-testid="preview-pages"]');
      return [...box.children].map((page) => ({ tag: page.tagName, render: page.dataset.render ?? "", width: page.clientWidth }));
    });
  const fitWidth = (await pages())[0].width;
  for (let i = 0; i < 2; i++) await browser.$('button[aria-label="Zoom in"]').click();
  // At 150 % page 1 fills the pane and page 2 is out of view.
  await browser.waitUntil(async () => (await pages())[0].width > fitWidth * 1.2 && (await pages())[0].tag === "CANVAS", { timeout: 10000, timeoutMsg: "page 1 was not redrawn at the new zoom" });
  await browser.pause(1000);
  const [first, second] = await pages();
  assert.notEqual(second.render, first.render, "page 2, out of view, was drawn too");
  await browser.execute(() => {
    const box = document.querySelector('[data-testid="preview-pages"]');
    box.scrollTop = box.scrollHeight;
  });
  await browser.waitUntil(async () => { const [, second] = await pages(); return second.tag === "CANVAS" && second.render === first.render; }, { timeout: 10000, timeoutMsg: "page 2 was not drawn when scrolled to" });
  await browser.$("button=Fit").click();
});

test("typing while the preview is redrawn never shows a preview error", async () => {
  // A newer preview closes the document an older one is still drawing; that
  // is no failure and must not flash the preview's alert.
  await browser.execute(() => {
    window.previewAlerts = 0;
    new MutationObserver(() => {
      if (document.querySelector(".preview-problem")) window.previewAlerts++;
    }).observe(document.body, { childList: true, subtree: true });
  });
  await step("Headline");
  const headline = await field("release.headline");
  await headline.click();
  await browser.keys("End");
  for (const key of " overlapping previews") {
    await browser.keys(key);
    await browser.pause(70 + Math.round(Math.random() * 60));
  }
  await browser.waitUntil(async () => (await previewText()).includes("overlapping previews"), { timeout: 20000, timeoutMsg: "the preview never showed the typed text" });
  assert.equal(await browser.execute(() => window.previewAlerts), 0);
});

test("a new draft filled step by step previews and exports as PDF and DOCX", async () => {
  await button("New").click();
  await browser.waitUntil(async () => (await field("release.kind").getValue()) === "PRESS RELEASE", { timeout: 10000 });
  await setValue("release.kind", "MEDIA ADVISORY");
  await step("Headline");
  await typeInto("release.headline", HEADLINE);
  await step("Dateline");
  await setValue("release.dateline.city", "Almaty");
  await setValue("release.dateline.country", "Kazakhstan");
  await setValue("release.dateline.date", "2026-11-20");
  await browser.waitUntil(async () => (await browser.$(".printed").getText()).includes("Almaty (Kazakhstan), 20 November 2026"), { timeout: 10000, timeoutMsg: "the dateline was not shown as it will print" });
  await step("Body");
  await typeInto("release.body", "Ministers of five countries met today to agree on shared water rules for the basin.");
  await step("Quotes");
  await button("Add quote").click();
  await setValue("release.quotes[0].speaker", "Ms. Aigerim Sadykova");
  await typeInto("release.quotes[0].text", "Water is the one thing we cannot divide.");
  await step("Contacts");
  await button("Add contact").click();
  await setValue("release.contacts[0].name", "Mr. Daniyar Ospanov");
  await setValue("release.contacts[0].email", "ospanov@example.org");
  await step("Review");
  // The contact is the last thing typed: once it prints, the preview is up to date.
  await browser.waitUntil(async () => (await previewText()).includes("Mr. Daniyar Ospanov"), { timeout: 20000, timeoutMsg: "the preview never caught up with the form" });
  assert.match(await previewText(), /Almaty water summit agrees on a shared plan/);
  assert.match(await previewText(), /Ms\. Aigerim Sadykova said that “Water is the one thing we cannot divide\.”/);

  await button("Export PDF").click();
  const pdf = await waitForFile(env.RELEASE_COMPOSER_EXPORT_DIR, ".pdf");
  assert.match(execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" }).replace(/\s+/g, " "), /Almaty water summit agrees on a shared plan/);
  await button("Export DOCX").click();
  const docx = await waitForFile(env.RELEASE_COMPOSER_EXPORT_DIR, ".docx");
  const xml = execFileSync("unzip", ["-p", docx, "word/document.xml"], { encoding: "utf8" });
  assert.match(xml, /Almaty water summit agrees on a shared plan/);
  await browser.$("button=Open").waitForExist({ timeout: 5000 });
});

test("after a restart the draft is listed", async () => {
  await browser.waitUntil(async () => (await browser.$('[data-testid="save-status"]').getText()) === "Saved", { timeout: 10000, timeoutMsg: "the draft was never saved" });
  await quit();
  await launch();
  await browser.waitUntil(async () => (await browser.$(".drafts").getProperty("textContent")).includes("Almaty water summit"), { timeout: 10000, timeoutMsg: "the new draft is not in the list" });
});

test("killing the app while typing offers the recovered text on the next start", async () => {
  await browser.$(".drafts").$("button*=Almaty water summit").click();
  await step("Headline");
  await typeInto("release.headline", " today");
  await browser.pause(700); // past the recovery write, before the save
  execFileSync("pkill", ["-KILL", "-f", "target/.*/release-composer-app"]);
  await quit();
  await launch();
  await browser.$(".drafts").$("button*=Almaty water summit").click();
  const restore = await button("Restore recovered changes");
  await restore.waitForExist({ timeout: 10000, timeoutMsg: "no recovery was offered" });
  await restore.click();
  await step("Headline");
  assert.match(await field("release.headline").getValue(), / today$/);
});

test("an invalid e-mail shows at its field and blocks export", async () => {
  await step("Contacts");
  await setValue("release.contacts[0].email", "ospanov at example");
  await browser.waitUntil(async () => (await browser.$('[id="findings-release.contacts[0].email"]').isExisting()), { timeout: 10000, timeoutMsg: "no finding at the e-mail field" });
  assert.match(await browser.$('[id="findings-release.contacts[0].email"]').getText(), /not an e-mail address/);
  const before = readdirSync(env.RELEASE_COMPOSER_EXPORT_DIR).length;
  await step("Review");
  assert.match(await browser.$(".blocked").getText(), /Export is blocked/);
  await button("Export PDF").click();
  await browser.$(".toast.error").waitForExist({ timeout: 10000 });
  assert.equal(readdirSync(env.RELEASE_COMPOSER_EXPORT_DIR).length, before);
});

test("a draft file opened by path is edited in place, and not overwritten once changed on disk", async () => {
  const dir = join(home, "Mail");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "colleague.release.json");
  const example = readFileSync(join(ROOT, "templates/example.release.json"), "utf8");
  writeFileSync(file, example.replace(/"headline": "[^"]*"/, '"headline": "A draft a colleague mailed"'));
  await quit();
  await launch([file]);
  const offer = browser.$('[data-testid="file-offer"]');
  await offer.$("h2").waitForExist({ timeout: 10000, timeoutMsg: "opening a draft from outside asked nothing" });
  assert.match(await offer.getText(), /colleague\.release\.json/);
  await button("Edit in place").click();
  await browser.$('[data-testid="in-place"]').waitForExist({ timeout: 10000 });
  await step("Headline");
  assert.equal(await field("release.headline").getValue(), "A draft a colleague mailed");
  await typeInto("release.headline", ", edited");
  await browser.keys(["Control", "s"]);
  await browser.waitUntil(async () => JSON.parse(readFileSync(file, "utf8")).release.headline === "A draft a colleague mailed, edited", {
    timeout: 10000,
    timeoutMsg: "the file was not saved in place",
  });
  assert.ok(readdirSync(dir).every((f) => f === "colleague.release.json"), "no temporary file is left beside it");
  const library = readdirSync(env.RELEASE_COMPOSER_LIBRARY).filter((f) => f.endsWith(".release.json"));
  assert.ok(!library.some((f) => readFileSync(join(env.RELEASE_COMPOSER_LIBRARY, f), "utf8").includes("colleague mailed")), "nothing went into the library");

  // Another program rewrites the file: the next save must not overwrite it.
  const theirs = example.replace(/"headline": "[^"]*"/, '"headline": "Their version"');
  writeFileSync(file, theirs);
  await typeInto("release.headline", " again");
  await browser.keys(["Control", "s"]);
  await browser.$(".toast.error").waitForExist({ timeout: 10000, timeoutMsg: "a change on disk was not reported" });
  assert.match(await browser.$(".toast.error").getText(), /changed on disk/);
  assert.equal(readFileSync(file, "utf8"), theirs);
});
