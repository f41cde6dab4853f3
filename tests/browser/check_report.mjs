// Opens a paridad HTML report in headless Chromium and checks that it behaves.
//
// Usage:
//   node check_report.mjs REPORT.html --expect N --marks M [--literal TEXT]... [--screenshot OUT.png]
//
//   --expect N      divergences the report holds: the notes shown and the page's stated total
//                   must both be N
//   --marks M       highlights (one per side with evidence) the page must show
//   --literal TEXT  text the page must show literally (hostile input, escaped); repeatable
//   --screenshot P  writes a screenshot to P (the first section with highlights on both sides)
//
// Checks: nothing is fetched, no script error, no dialog; counts as above; unticking each kind
// (and each severity) with findings hides exactly its findings, and ticking it again shows them;
// printed, the filters go, rows do not split and highlights are underlined.
// Exits 0 when all holds, 1 with a message on standard error when something fails, 2 on bad
// arguments.

import { chromium } from "playwright-core";
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";

const CHROMIUM = process.env.PARIDAD_CHROMIUM || "/usr/bin/chromium";
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

class Failure extends Error {}

function ensure(condition, message) {
  if (!condition) {
    throw new Failure(message);
  }
}

function usage(message) {
  console.error(`check_report: ${message}`);
  console.error(
    "usage: node check_report.mjs REPORT.html --expect N --marks M [--literal TEXT]... [--screenshot OUT.png]",
  );
  process.exit(2);
}

function parseArgs(argv) {
  const options = { report: null, expect: null, marks: null, literals: [], screenshot: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) usage(`${arg} needs a value`);
      return argv[++i];
    };
    const count = () => {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 0) usage(`${arg} needs a count`);
      return n;
    };
    if (arg === "--expect") options.expect = count();
    else if (arg === "--marks") options.marks = count();
    else if (arg === "--literal") options.literals.push(value());
    else if (arg === "--screenshot") options.screenshot = value();
    else if (arg.startsWith("--")) usage(`unknown option ${arg}`);
    else if (options.report === null) options.report = arg;
    else usage(`unexpected argument ${arg}`);
  }
  if (options.report === null) usage("no report given");
  if (options.expect === null || options.marks === null) usage("--expect and --marks are needed");
  return options;
}

// What the page shows now: notes visible, highlights drawn, and the counts the page states.
function state(page) {
  return page.evaluate(() => {
    const drawn = (mark) =>
      mark.checkVisibility() && getComputedStyle(mark).backgroundColor !== "rgba(0, 0, 0, 0)";
    const marks = Array.from(document.querySelectorAll("mark[data-div]"));
    const shownMarks = marks.filter(drawn);
    const notes = Array.from(document.querySelectorAll("[data-note]"));
    const shownNotes = notes.filter((n) => n.checkVisibility());
    const withEvidence = new Set(marks.map((m) => m.dataset.div));
    const num = (selector) => Number(document.querySelector(selector)?.textContent ?? NaN);
    const counts = (attribute) =>
      Object.fromEntries(
        Array.from(document.querySelectorAll(`[${attribute}]`)).map((el) => [
          el.getAttribute(attribute),
          Number(el.textContent),
        ]),
      );
    return {
      total: num("#total"),
      shownCounter: num("#shown"),
      notes: notes.length,
      shownNotes: shownNotes.length,
      shownNoteIds: shownNotes.map((n) => n.dataset.note),
      shownNotesWithEvidence: shownNotes.filter((n) => withEvidence.has(n.dataset.note)).length,
      marks: marks.length,
      shownMarks: shownMarks.length,
      shownMarkIds: new Set(shownMarks.map((m) => m.dataset.div)).size,
      byKind: counts("data-kind-count"),
      bySeverity: counts("data-sev-count"),
      scripts: document.scripts.length,
      text: document.body.innerText,
    };
  });
}

// Everything shown agrees with itself: each shown note's highlights are drawn, no others.
function ensureConsistent(s, when) {
  ensure(
    s.shownCounter === s.shownNotes,
    `${when}: the page says it shows ${s.shownCounter} findings, but ${s.shownNotes} notes are visible`,
  );
  ensure(
    s.shownMarkIds === s.shownNotesWithEvidence,
    `${when}: ${s.shownMarkIds} findings highlighted, but ${s.shownNotesWithEvidence} visible notes have evidence`,
  );
}

function ensureFull(s, options, when) {
  ensureConsistent(s, when);
  ensure(s.total === options.expect, `${when}: the summary states ${s.total} divergences, expected ${options.expect}`);
  ensure(s.notes === options.expect, `${when}: the page has ${s.notes} notes, expected ${options.expect}`);
  ensure(s.shownNotes === options.expect, `${when}: ${s.shownNotes} notes visible, expected ${options.expect}`);
  ensure(s.marks === options.marks, `${when}: the page has ${s.marks} highlights, expected ${options.marks}`);
  ensure(s.shownMarks === options.marks, `${when}: ${s.shownMarks} highlights drawn, expected ${options.marks}`);
}

// Unticks one filter, checks exactly its findings went, ticks it again, checks all are back.
async function checkFilter(page, options, full, filter, value, count) {
  const box = page.locator(`input[data-filter="${filter}"][value="${value}"]`);
  ensure((await box.count()) === 1, `no ${filter} filter for ${value}`);
  await box.uncheck();
  const off = await state(page);
  const when = `with ${filter} ${value} unticked`;
  ensureConsistent(off, when);
  ensure(
    off.shownNotes === full.shownNotes - count,
    `${when}: ${off.shownNotes} notes visible, expected ${full.shownNotes} - ${count}`,
  );
  const attribute = filter === "sev" ? "sev" : "kind";
  const stillShown = await page.evaluate(
    ([attribute, value]) =>
      Array.from(document.querySelectorAll(`[data-${attribute}="${value}"]`)).filter(
        (el) => el.checkVisibility() && getComputedStyle(el).backgroundColor !== "rgba(0, 0, 0, 0)" && el.tagName === "MARK",
      ).length,
    [attribute, value],
  );
  ensure(stillShown === 0, `${when}: ${stillShown} of its highlights are still drawn`);
  await box.check();
  ensureFull(await state(page), options, `after ticking ${filter} ${value} again`);
  return full.shownNotes - off.shownNotes;
}

// On paper: no filters, rows kept whole, highlights underlined rather than painted.
async function checkPrint(page) {
  await page.emulateMedia({ media: "print" });
  const print = await page.evaluate(() => {
    const filters = document.querySelector(".filters");
    const row = document.querySelector("tr.pair");
    const mark = document.querySelector("mark[data-div]");
    return {
      filtersShown: filters ? filters.checkVisibility() : false,
      rowBreak: row ? getComputedStyle(row).breakInside : "avoid",
      markUnderlined: mark ? getComputedStyle(mark).textDecorationLine.includes("underline") : true,
    };
  });
  await page.emulateMedia({ media: "screen" });
  ensure(!print.filtersShown, "printed, the filters still show");
  ensure(print.rowBreak === "avoid", `printed, rows may split (break-inside: ${print.rowBreak})`);
  ensure(print.markUnderlined, "printed, the highlights are not underlined");
}

// Brings the first section with evidence highlighted on both sides of a row to the top.
async function scrollToFirstPairedHighlight(page) {
  await page.evaluate(() => {
    const row = Array.from(document.querySelectorAll("tr.pair")).find(
      (r) => r.querySelector("td:nth-child(1) mark[data-div]") && r.querySelector("td:nth-child(2) mark[data-div]"),
    );
    row?.closest("section")?.scrollIntoView();
  });
}

async function run(options) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, timeout: 60_000 });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const url = pathToFileURL(resolve(options.report)).href;
    const dialogs = [];
    const errors = [];
    const requests = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      dialog.dismiss().catch(() => {});
    });
    page.on("pageerror", (error) => errors.push(String(error)));
    page.on("request", (request) => {
      if (request.url() !== url) requests.push(request.url());
    });
    await page.goto(url, { waitUntil: "load" });
    await page.waitForTimeout(200);

    const full = await state(page);
    ensureFull(full, options, "on load");
    const kindSum = Object.values(full.byKind).reduce((a, b) => a + b, 0);
    const sevSum = Object.values(full.bySeverity).reduce((a, b) => a + b, 0);
    ensure(kindSum === full.total, `the counts by kind add up to ${kindSum}, not ${full.total}`);
    ensure(sevSum === full.total, `the counts by severity add up to ${sevSum}, not ${full.total}`);

    let filtered = 0;
    for (const [filter, counts] of [["kind", full.byKind], ["sev", full.bySeverity]]) {
      for (const [value, count] of Object.entries(counts)) {
        if (count > 0) {
          await checkFilter(page, options, full, filter, value, count);
          filtered += 1;
        }
      }
    }
    ensure(options.expect === 0 || filtered > 0, "no filter was tried");

    await checkPrint(page);

    for (const literal of options.literals) {
      ensure(full.text.includes(literal), `the page does not show ${JSON.stringify(literal)} literally`);
    }
    ensure(full.scripts === 1, `the page has ${full.scripts} scripts, expected only its own`);
    ensure(dialogs.length === 0, `a dialog fired: ${JSON.stringify(dialogs)}`);
    ensure(errors.length === 0, `script errors: ${errors.join("; ")}`);
    ensure(requests.length === 0, `the page fetched ${requests.join(", ")}`);

    if (options.screenshot) {
      await scrollToFirstPairedHighlight(page);
      await page.screenshot({ path: options.screenshot });
    }
    console.log(
      `check_report: ok: ${full.total} divergences, ${full.marks} highlights, ${filtered} filters tried` +
        (options.screenshot ? `, screenshot ${options.screenshot}` : ""),
    );
  } finally {
    await browser.close();
  }
}

const options = parseArgs(process.argv.slice(2));
try {
  await run(options);
} catch (error) {
  const what = error instanceof Failure ? "FAIL" : "error";
  console.error(`check_report: ${what}: ${options.report}: ${error.message}`);
  process.exit(1);
}
