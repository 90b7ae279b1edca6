// The e-mail and web editions as a browser shows them: Debian's Chromium
// (headless, driven by playwright-core, which downloads no browser) opens
// the web page and the e-mail's HTML of every example language; axe-core
// finds no accessibility violation on the web page (WCAG 2.1 A and AA and
// best practices), and the pages are drawn to screenshots for people to
// look at (target/editions/, or $CARGO_TARGET_DIR/editions).

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const ROOT = resolve(import.meta.dirname, "../..");
const TARGET = process.env.CARGO_TARGET_DIR ?? join(ROOT, "target");
const CLI = join(TARGET, "debug/release-composer");
const SHOTS = join(TARGET, "editions");
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const LANGUAGES = ["en", "fr", "es", "ru", "ar", "zh"];
const work = mkdtempSync(join(tmpdir(), "release-composer-editions-"));
let browser;

function draftFile(lang) {
  return lang === "en" ? join(ROOT, "templates/example.release.json") : join(ROOT, `templates/examples/example.${lang}.release.json`);
}

/** Exports the example in `lang` as the web page and the e-mail; returns their paths. */
function exportEditions(lang) {
  const html = join(work, `${lang}.html`);
  const eml = join(work, `${lang}.eml`);
  execFileSync(CLI, ["export", draftFile(lang), "--html", html, "--eml", eml], {
    env: { ...process.env, RELEASE_COMPOSER_STYLES: join(work, "no-styles") },
    stdio: ["ignore", "ignore", "pipe"],
  });
  // The e-mail's HTML part, decoded by Python's email package (the tests' venv).
  const mail = join(work, `${lang}.mail.html`);
  execFileSync(join(ROOT, ".tools/venv/bin/python"), [
    "-c",
    "import sys; from email import policy; from email.parser import BytesParser; " +
      "m = BytesParser(policy=policy.default).parse(open(sys.argv[1], 'rb')); " +
      "open(sys.argv[2], 'w', encoding='utf-8').write(m.get_body(('html',)).get_content())",
    eml,
    mail,
  ]);
  return { html, mail };
}

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
});

after(async () => {
  await browser?.close();
});

/** Opens `file`, refusing every request that leaves it (the page must need none). */
async function open(file, width) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const requests = [];
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("file://") && url.endsWith(file)) return route.continue();
    requests.push(url);
    return route.abort();
  });
  await page.goto(`file://${file}`);
  return { page, requests };
}

for (const lang of LANGUAGES) {
  test(`the ${lang} web page has no accessibility violation and loads nothing else`, async () => {
    const { html } = exportEditions(lang);
    const { page, requests } = await open(html, 1000);
    assert.deepEqual(requests, [], "the page asked for nothing beyond itself");
    assert.equal(await page.getAttribute("html", "lang"), lang);
    assert.equal(await page.getAttribute("html", "dir"), lang === "ar" ? "rtl" : "ltr");
    assert.equal(await page.locator("article h1").count(), 1);
    assert.equal(await page.locator("time[datetime='2021-12-08']").count(), 1);
    assert.equal(await page.locator("address").count(), 1);
    const ld = JSON.parse(await page.locator("script[type='application/ld+json']").textContent());
    assert.equal(ld["@type"], "NewsArticle");
    assert.equal(ld.datePublished, "2021-12-08");
    await page.addScriptTag({ content: AXE });
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
    const violations = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
    assert.deepEqual(violations, [], `axe-core ${result.testEngine.version}`);
    await page.screenshot({ path: join(SHOTS, `web-${lang}.png`), fullPage: true });
    await page.close();
  });

  test(`the ${lang} e-mail HTML is one column of 640 px with no script and nothing remote`, async () => {
    const { mail } = exportEditions(lang);
    const { page, requests } = await open(mail, 800);
    assert.deepEqual(requests, []);
    assert.equal(await page.locator("script, link, iframe, form, object, embed").count(), 0);
    const width = await page.evaluate(() => document.querySelector("table table").getBoundingClientRect().width);
    assert.equal(Math.round(width), 640);
    assert.equal(await page.getAttribute("html", "dir"), lang === "ar" ? "rtl" : "ltr");
    await page.screenshot({ path: join(SHOTS, `mail-${lang}.png`), fullPage: true });
    writeFileSync(join(SHOTS, `mail-${lang}.html`), readFileSync(mail));
    await page.close();
  });
}
