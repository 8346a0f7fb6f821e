// vankho's real-browser suite: the search page and the portal widget in Debian's Chromium against
// the real vankho-searchd serving an index of seeds/.
//
//   node run.mjs INDEXER SEARCHD SOURCE_DIR [ARTIFACTS_DIR]
//
// Exit 0 when every test passed, 1 when one failed, 77 (ctest: skipped) when Chromium or
// node_modules are missing. Screenshots go to ARTIFACTS_DIR (default $TMPDIR/vankho-browser-artifacts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import {
  CHROMIUM, assert, assertEqual, buildIndex, createRunner, launchBrowser, makeTempDir, startHostServer, startSearchd,
} from './harness.mjs';

const SKIP = 77;
const here = path.dirname(fileURLToPath(import.meta.url));
const [indexer, searchdBin, sourceDir, artifactsArg] = process.argv.slice(2);
if (!indexer || !searchdBin || !sourceDir) {
  console.error('usage: node run.mjs INDEXER SEARCHD SOURCE_DIR [ARTIFACTS_DIR]');
  process.exit(2);
}
if (!fs.existsSync(CHROMIUM)) {
  console.log(`SKIPPED: ${CHROMIUM} is missing; install Debian's chromium (scripts/install-deps.sh does).`);
  process.exit(SKIP);
}
let chromium;
try {
  ({ chromium } = await import('playwright-core'));
} catch {
  console.log(`SKIPPED: playwright-core is not installed; run \`npm ci\` in ${here} (scripts/test.sh does).`);
  process.exit(SKIP);
}

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const artifacts = path.resolve(artifactsArg || path.join(os.tmpdir(), 'vankho-browser-artifacts'));
fs.mkdirSync(artifacts, { recursive: true });
const tmp = makeTempDir();
const started = Date.now();
let searchd;
let host;
let browser;
let page;
const problems = [];  // console errors and page errors, checked after each test
let expectNetworkErrors = false;
const otherSearchd = [];  // origins of searchd instances a test starts over another index

// The host page of the second origin: loud styles that must not reach the widget, and elements
// with the widget's class names that its styles must not reach.
const hostPage = () => `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Cổng thông tin</title><link rel="icon" href="data:,">
<style>
  body { font-family: Georgia, serif; margin: 24px; }
  input { background: rgb(255, 255, 0) !important; font-family: monospace !important; }
  mark { background: rgb(0, 128, 0); }
</style></head><body><main>
<h1>Cổng thông tin tỉnh</h1>
<label>Ô của trang chủ <input id="host-input" value="ô của trang chủ"></label>
<p><span class="t" id="host-t">Không phải kết quả</span> <mark id="host-mark">x</mark></p>
<div id="portal-search" style="max-width: 640px"></div>
</main>
<script src="${searchd.base}/widget.js" data-endpoint="${searchd.base}" data-target="#portal-search" defer></script>
</body></html>`;

async function shot(name, options = {}) {
  const file = path.join(artifacts, name);
  await page.screenshot({ path: file, ...options });
  return file;
}

async function search(q) {
  await page.locator('#q').fill(q);
  await page.locator('#q').press('Enter');
  await page.waitForURL((u) => new URL(u).searchParams.get('q') === q);
  await waitResults();
}

async function waitResults() {
  await page.waitForFunction(() => document.querySelector('#results')?.getAttribute('aria-busy') === 'false' &&
    !document.querySelector('#results .skeleton'));
}

const hitIds = () => page.$$eval('#results .hit-title a', (as) => as.map((a) => new URL(a.href).searchParams.get('doc')));
const statusText = () => page.locator('#status').innerText();
const facetCount = (field, value) => page.locator(`[data-facet="${field}"][data-value="${value}"] .facet-count`)
  .innerText().then((t) => Number(t.replace(/\D/g, '')));

// axe-core's WCAG checks (labels, names, roles, contrast, landmarks) on the page as it is now;
// the widget's Shadow DOM is included.
async function axeViolations() {
  await page.evaluate(axeSource);
  const r = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return r.violations.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')})`);
}

const t = createRunner();

t.test('unaccented "nong thon moi": suggestions, then results highlighting "nông thôn mới"', async () => {
  await page.goto(`${searchd.base}/`);
  await waitResults();
  await page.keyboard.press('/');
  assert(await page.evaluate(() => document.activeElement.id === 'q'), '/ focuses the search box');
  await page.keyboard.type('nong th', { delay: 20 });
  await page.locator('#suggest-list [role="option"]').first().waitFor();
  const options = await page.locator('#suggest-list [role="option"] .suggest-text').allInnerTexts();
  assert(options.some((o) => o.startsWith('nông thôn')), `a suggestion completes to "nông thôn…": ${options}`);
  await page.keyboard.press('ArrowDown');
  const active = await page.locator('#q').getAttribute('aria-activedescendant');
  assert(active && (await page.locator(`#${active}`).getAttribute('aria-selected')) === 'true', 'arrow keys move through the suggestions');
  await page.keyboard.press('Escape');
  assert(await page.locator('#suggest-list').isHidden(), 'Escape closes the suggestions');
  await page.keyboard.type('on moi', { delay: 10 });
  await page.locator('#q').fill('nong thon moi');
  await page.keyboard.press('Enter');
  await page.waitForURL((u) => new URL(u).searchParams.get('q') === 'nong thon moi');
  await waitResults();
  const ids = await hitIds();
  assertEqual(ids.length, 5, 'every seed mentions nông thôn mới');
  const marks = await page.$$eval('#results .hit-snippet mark', (ms) => ms.map((m) => m.textContent.normalize('NFC').toLowerCase()));
  assert(marks.includes('nông thôn mới'), `a snippet marks "nông thôn mới": ${marks.slice(0, 8)}`);
  assert(/Tìm thấy 5 văn bản/.test(await statusText()), 'the status line gives the total');
  const dym = await page.locator('.did-you-mean a').innerText();
  assertEqual(dym, 'nông thôn mới', 'the accented suggestion is a link');
  const bars = await page.locator('#timeline a.bar').count();
  assert(bars >= 3, `the timeline has a bar per year with documents (${bars})`);
  await shot('results.png');
});

t.test('"NQ 13" finds the two documents citing 13-NQ/TW, with the code chip', async () => {
  await search('NQ 13');
  const ids = (await hitIds()).sort();
  assertEqual(ids, ['001_36391affc1bfd663.txt', '004_d18117e02a6e2a66.txt'], 'the citing seeds');
  const chip = await page.locator('[data-chip="code"]').innerText();
  assert(chip.includes('Số hiệu') && chip.includes('13-NQ/TW'), `code chip: ${chip}`);
  const marks = await page.$$eval('#results .hit-snippet mark', (ms) => ms.map((m) => m.textContent));
  assert(marks.includes('13-NQ/TW'), 'the code is marked in the snippets');
});

t.test('"HĐND" finds the seeds that spell it out, with an abbreviation chip that can be undone', async () => {
  await search('HĐND');
  const ids = (await hitIds()).sort();
  assertEqual(ids, ['002_d93671f2cbad73a6.txt', '003_aabf41006b262e9c.txt', '004_d18117e02a6e2a66.txt'],
    'the seeds with "Hội đồng nhân dân"');
  const chip = await page.locator('[data-chip="abbreviation"]').innerText();
  assert(chip.includes('Viết tắt') && chip.includes('HĐND = hội đồng nhân dân'), `abbreviation chip: ${chip}`);
  const marks = await page.$$eval('#results .hit-snippet mark', (ms) => ms.map((m) => m.textContent));
  assert(marks.some((m) => m.includes('Hội đồng nhân dân')), `what it stands for is marked: ${marks}`);
  await page.locator('[data-chip="abbreviation"] .chip-remove').click();
  await page.waitForURL((u) => new URL(u).searchParams.get('interpret') === 'false');
  await waitResults();
  assertEqual((await hitIds()).length, 0, 'read literally, no seed writes HĐND');
  assert(await page.locator('[data-chip="literal"]').isVisible(), 'the literal-mode chip says so');
});

t.test('a facet narrows results and counts; removing its chip restores them', async () => {
  await search('nong thon moi');
  const before = { hits: (await hitIds()).length, kinhTe: await facetCount('theme', 'kinh-te') };
  await page.locator('[data-facet="type"][data-value="chuong-trinh"]').click();
  await page.waitForURL((u) => new URL(u).searchParams.getAll('type').includes('chuong-trinh'));
  await waitResults();
  const after = { hits: (await hitIds()).length, kinhTe: await facetCount('theme', 'kinh-te') };
  assertEqual(after.hits, 3, 'three of the five are Chương trình');
  assert(after.kinhTe < before.kinhTe, `theme counts narrow (${before.kinhTe} → ${after.kinhTe})`);
  assertEqual(await page.locator('[data-facet="type"]').count(), 1, 'the type facet shows only the chosen type');
  assert(/Tìm thấy 3 văn bản/.test(await statusText()), 'the status line follows');
  const pressed = await page.locator('[data-facet="type"][data-value="chuong-trinh"]').getAttribute('aria-pressed');
  assertEqual(pressed, 'true', 'the chosen facet is pressed');
  await page.locator('[data-chip="filter-type"] .chip-remove').click();
  await page.waitForURL((u) => !new URL(u).searchParams.has('type'));
  await waitResults();
  assertEqual((await hitIds()).length, before.hits, 'results restored');
  assertEqual(await facetCount('theme', 'kinh-te'), before.kinhTe, 'counts restored');
});

t.test('a timeline bar filters to its year; Back restores the previous results', async () => {
  await search('nong thon moi');
  await page.locator('#timeline a.bar[data-year="2022"]').click();
  await page.waitForURL((u) => new URL(u).searchParams.get('year') === '2022');
  await waitResults();
  assertEqual((await hitIds()).length, 2, 'two documents in 2022');
  assert(await page.locator('#timeline a.bar.selected[data-year="2022"]').count() === 1, 'the bar is selected');
  assert(await page.locator('#timeline a.bar[data-year="2020"]').count() === 1, 'other years stay on the chart');
  await page.goBack();
  await page.waitForURL((u) => !new URL(u).searchParams.has('year'));
  await waitResults();
  assertEqual((await hitIds()).length, 5, 'Back shows all five again');
});

t.test('results within two years: the timeline shows months, a bar filters to its month', async () => {
  await search('NQ 13');  // July 2022 and the programme covering 2023
  assertEqual(await page.locator('#timeline .timeline-title').textContent(), 'Số văn bản theo tháng', 'the grain');
  assert((await page.locator('#timeline .timeline-hint').innerText()).includes('Văn bản nhiều tháng được tính ở mỗi tháng'),
    'the chart says how a document covering several months counts');
  const months = await page.$$eval('#timeline a.bar', (bs) => bs.map((b) => b.dataset.month));
  assertEqual(months.length, 13, `a bar per month with documents: ${months}`);
  assert(months.includes('2022-07') && months.includes('2023-12'), `${months}`);
  await page.locator('#timeline a.bar[data-month="2022-07"]').click();
  await page.waitForURL((u) => new URL(u).searchParams.get('from') === '2022-07' && new URL(u).searchParams.get('to') === '2022-07');
  await waitResults();
  assertEqual(await hitIds(), ['001_36391affc1bfd663.txt'], 'the document of July 2022');
  assertEqual(await page.locator('#timeline a.bar').count(), 13, 'the other months stay on the chart');
  assertEqual(await page.locator('#timeline a.bar.selected[data-month="2022-07"]').count(), 1, 'the bar is selected');
  await page.locator('#timeline a.bar[data-month="2022-07"]').click();
  await page.waitForURL((u) => !new URL(u).searchParams.has('from'));
  await waitResults();
  assertEqual((await hitIds()).length, 2, 'clicking it again shows both');
});

t.test('"why this result" under a hit says what matched, from the server\'s plan', async () => {
  await search('chuong trinh quy I nam 2025');
  const hit = page.locator('#results .hit', { has: page.locator('a[href*="003_aabf41006b262e9c"]') });
  const toggle = hit.locator('.explain-toggle');
  assertEqual(await toggle.getAttribute('aria-expanded'), 'false', 'closed at first');
  await toggle.click();
  await hit.locator('.explain-list li').first().waitFor();
  const lines = await hit.locator('.explain-list li').allInnerTexts();
  assert(lines.some((l) => l.startsWith('Cặp từ «chuong trinh» đứng liền nhau ở tiêu đề, nội dung')), `the pair and where: ${lines}`);
  assert(lines.some((l) => l.includes('khớp 100 %')), `the period's fit: ${lines}`);
  assertEqual(await toggle.getAttribute('aria-expanded'), 'true', 'open');
  await hit.screenshot({ path: path.join(artifacts, 'explain.png') });
  await toggle.click();
  assert(await hit.locator('.explain').isHidden(), 'closes again');
});

t.test('warnings are worded in Vietnamese by their code; an unknown code shows the server\'s message', async () => {
  await search('nong thon nam:abc OR');
  const notes = await page.locator('#results .warnings li, .warnings li').allInnerTexts();
  assert(notes.some((n) => n.includes('«nam:abc»: cần một năm, ví dụ 2023.')), `the year filter's warning: ${notes}`);
  assert(notes.some((n) => n.includes('«OR» ở cuối câu không có gì phía sau')), `the trailing OR's warning: ${notes}`);
  // A newer server's code the page does not know: its English message is shown as it is.
  await page.route('**/api/search?*', async (route) => {
    const response = await route.fetch();
    const json = await response.json();
    json.query.warnings = [{ code: 'from_a_newer_server', message: 'Something only a newer server says.', params: {} }];
    await route.fulfill({ response, json });
  });
  try {
    await search('nong thon');
    const later = await page.locator('.warnings li').allInnerTexts();
    assert(later.some((n) => n.includes('Something only a newer server says.')), `the fallback: ${later}`);
  } finally {
    await page.unroute('**/api/search?*');
  }
});

t.test('the result list downloads as CSV and for Excel, with the filters of the page', async () => {
  await search('nong thon moi');
  await page.locator('[data-facet="type"][data-value="chuong-trinh"]').click();
  await page.waitForURL((u) => new URL(u).searchParams.getAll('type').includes('chuong-trinh'));
  await waitResults();
  const csvHref = await page.locator('#export a[data-export="csv"]').getAttribute('href');
  const url = new URL(csvHref);
  assertEqual(url.pathname, '/api/search.csv', 'the CSV link');
  assertEqual(url.searchParams.getAll('type'), ['chuong-trinh'], 'the chosen type goes with it');
  assert(!url.searchParams.has('limit') && !url.searchParams.has('offset'), 'the whole list, not the page');
  const csv = await page.evaluate(async (href) => (await fetch(href)).text(), csvHref);
  const lines = csv.split('\r\n').filter(Boolean);
  assertEqual(lines.length, 4, `a header and the three Chương trình: ${csv.slice(0, 300)}`);
  assert(lines[0].startsWith('Số hiệu,Loại,Trích yếu'), `header: ${lines[0]}`);
  const excelHref = await page.locator('#export a[data-export="excel"]').getAttribute('href');
  const head = await page.evaluate(async (href) => [...new Uint8Array(await (await fetch(href)).arrayBuffer()).slice(0, 3)], excelHref);
  assertEqual(head, [0xef, 0xbb, 0xbf], 'the Excel file starts with a byte order mark');
  // "Theo dõi": the same search as an Atom feed, newest first.
  const feedHref = await page.locator('#export a[data-export="atom"]').getAttribute('href');
  const feed = await page.evaluate(async (href) => {
    const doc = new DOMParser().parseFromString(await (await fetch(href)).text(), 'application/xml');
    return {
      broken: doc.querySelector('parsererror') !== null,
      entries: [...doc.querySelectorAll('entry')].map((e) => [e.querySelector('updated').textContent, e.querySelector('link').getAttribute('href')]),
    };
  }, feedHref);
  assert(!feed.broken, 'the feed is well-formed XML');
  assertEqual(feed.entries.length, 3, 'the three Chương trình');
  const dates = feed.entries.map((e) => e[0]);
  assertEqual(dates, [...dates].sort().reverse(), 'newest first');
  assert(feed.entries.every((e) => e[1].startsWith(`${searchd.base}/?doc=`)), `entries link to the page: ${feed.entries[0][1]}`);
  await page.locator('[data-chip="filter-type"] .chip-remove').click();  // the next test starts unfiltered
  await page.waitForURL((u) => !new URL(u).searchParams.has('type'));
  await waitResults();
});

t.test('a date known only to its month or year reads as such, never "ngày 2024"', async () => {
  // The archive's dates may lack the day or month (a programme "năm 2024"): answers changed so.
  const dates = ['2024', '2023-05'];
  await page.route('**/api/search?*', async (route) => {
    const response = await route.fetch();
    const json = await response.json();
    json.hits.forEach((hit, i) => { hit.date = dates[i % dates.length]; });
    await route.fulfill({ response, json });
  });
  await page.route('**/api/documents/001_36391affc1bfd663.txt?*', async (route) => {
    const response = await route.fetch();
    const json = await response.json();
    json.date = '2024';
    await route.fulfill({ response, json });
  });
  try {
    await search('NQ 13');
    const shown = await page.$$eval('#results .hit-date', (els) => els.map((e) => e.textContent));
    assertEqual(shown, ['năm 2024', 'tháng 05/2023'], 'the hits word their dates by what is known');
    await page.locator('#results .hit-title a[href*="001_36391affc1bfd663"]').click();
    const sub = await page.locator('#view-doc .doc-sub').innerText();
    assert(sub.includes('năm 2024') && !sub.includes('ngày 2024'), `the document's line: ${sub}`);
    assert((await page.locator('#cite-line').innerText()).includes('năm 2024'), 'and its citation line');
  } finally {
    await page.unroute('**/api/search?*');
    await page.unroute('**/api/documents/001_36391affc1bfd663.txt?*');
  }
});

t.test('document view: open, follow a citation, come back with Back', async () => {
  await search('NQ 13');
  await page.locator('#results .hit-title a[href*="001_36391affc1bfd663"]').click();
  await page.waitForURL((u) => new URL(u).searchParams.get('doc') === '001_36391affc1bfd663.txt');
  const title = page.locator('#view-doc h1.doc-title');
  await title.waitFor();
  assertEqual(await title.innerText(), 'Chương trình chỉ đạo tháng 7/2022 của Ban Thường vụ Tỉnh ủy', 'document title');
  assert(await page.evaluate(() => document.activeElement && document.activeElement.id === 'doc-title'), 'focus moves to the title');
  const marks = await page.$$eval('#view-doc .doc-text mark', (ms) => ms.map((m) => m.textContent));
  assert(marks.includes('13-NQ/TW'), `the query is marked in the text: ${marks}`);
  assert(await page.locator('#view-doc .toc-list a').count() >= 4, 'the sections form a table of contents');
  await page.locator('#view-doc .toc-list a').nth(1).click();
  assert(await page.evaluate(() => document.activeElement.id === 'sec-2'), 'a contents entry moves to its section');
  const original = page.locator('#view-doc a.original-link');
  assert(/Tải về \(TXT\)/.test(await original.innerText()), 'the metadata panel offers the original file');
  const href = await original.getAttribute('href');
  assert(href.endsWith('/api/documents/001_36391affc1bfd663.txt/original'), `original link: ${href}`);
  const download = await page.evaluate(async (url) => {
    const r = await fetch(url);
    return { status: r.status, disposition: r.headers.get('content-disposition'), start: (await r.text()).trim().slice(0, 12) };
  }, href);
  assertEqual(download.status, 200, 'the original is served');
  assert(/^attachment;/.test(download.disposition), `as an attachment: ${download.disposition}`);
  assertEqual(download.start, 'CHƯƠNG TRÌNH', 'the original is the file itself');
  const citedList = await page.locator('#view-doc .cites-list .code-link').allInnerTexts();
  assert(citedList.includes('13-NQ/TW') && citedList.includes('12-NQ/TW'), `cited codes: ${citedList}`);
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot('document.png');
  await page.locator('#view-doc .code-link[data-code="13-NQ/TW"]').click();
  await page.waitForURL((u) => new URL(u).searchParams.get('cite') === '13-NQ/TW');
  const citeTitle = page.locator('#view-cite h1');
  await citeTitle.waitFor();
  assertEqual(await citeTitle.innerText(), 'Số hiệu 13-NQ/TW', 'citation view title');
  await page.locator('#view-cite .ref-list .ref-title').first().waitFor();
  assertEqual(await page.locator('#view-cite .ref-list .ref-title').count(), 2, 'two documents cite 13-NQ/TW');
  await page.goBack();
  await page.waitForURL((u) => new URL(u).searchParams.get('doc') === '001_36391affc1bfd663.txt');
  await title.waitFor();
  assertEqual(await title.innerText(), 'Chương trình chỉ đạo tháng 7/2022 của Ban Thường vụ Tỉnh ủy', 'Back shows the document again');
  await page.goBack();
  await page.waitForURL((u) => new URL(u).searchParams.get('q') === 'NQ 13' && !new URL(u).searchParams.has('doc'));
  await waitResults();
  assertEqual((await hitIds()).length, 2, 'and Back again the results');
});

t.test('keyboard: arrows move through the results, Enter opens one, Esc comes back', async () => {
  await search('nong thon moi');
  await page.evaluate(() => document.activeElement.blur());
  const ids = await hitIds();
  // The document the focused result title links to (null: focus is not on a result title).
  const focused = () => page.evaluate(() => {
    const a = document.activeElement;
    return a && a.matches('#results .hit-title a') ? new URL(a.href).searchParams.get('doc') : null;
  });
  await page.keyboard.press('ArrowDown');
  assertEqual(await focused(), ids[0], '↓ focuses the first result');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  assertEqual(await focused(), ids[1], '↓↓↓↑ is on the second result');
  await page.keyboard.press('Enter');
  await page.waitForURL((u) => new URL(u).searchParams.get('doc') === ids[1]);
  await page.locator('#view-doc h1.doc-title').waitFor();
  await page.keyboard.press('Escape');
  await page.waitForURL((u) => !new URL(u).searchParams.has('doc') && new URL(u).searchParams.get('q') === 'nong thon moi');
  await waitResults();
  assertEqual(await hitIds(), ids, 'Esc is back on the same results');
});

t.test('a document offers its citation line and prints alone, its metadata on top', async () => {
  const line = await page.evaluate(async () => (await import('/js/cite-line.js')).citationLine(
    { type_label: 'Nghị quyết', number: '13-NQ/TW', date: '2022-04-02', issuer: 'Bộ Chính trị' }));
  assertEqual(line, 'Nghị quyết số 13-NQ/TW ngày 02/4/2022 của Bộ Chính trị', 'the house style');
  await page.goto(`${searchd.base}/?doc=003_aabf41006b262e9c.txt`);
  await page.locator('#view-doc h1.doc-title').waitFor();
  assertEqual(await page.locator('#cite-line').innerText(), 'Chương trình năm 2024 của Ban Thường vụ Tỉnh ủy', 'a line from what the document has');
  await page.locator('.doc-cite button', { hasText: 'Sao chép' }).click();
  await page.waitForFunction(() => document.querySelector('.cite-copied').textContent.length > 0);
  await page.emulateMedia({ media: 'print' });
  try {
    for (const hidden of ['.site-header', '.back-nav', '.doc-links', '.match-nav', '.doc-cite button']) {
      const shown = await page.locator(hidden).first().isVisible().catch(() => false);
      assert(!shown, `${hidden} is not printed`);
    }
    const meta = await page.locator('.meta-panel').boundingBox();
    const text = await page.locator('.doc-text').boundingBox();
    assert(meta && text && meta.y < text.y && meta.width > text.width * 0.9, `the metadata block is on top, full width: ${JSON.stringify({ meta, text })}`);
    await shot('document-print.png', { fullPage: false });
  } finally {
    await page.emulateMedia({ media: 'screen' });
  }
});

t.test('on a phone the results fit the screen; filters open as a drawer', async () => {
  await page.setViewportSize({ width: 375, height: 812 });
  try {
    for (const [url, name] of [['/?q=NQ+13', 'results-375.png'], ['/?doc=004_d18117e02a6e2a66.txt&q=chuyen+doi+so', 'document-375.png'],
      ['/?cite=13-NQ%2FTW', 'citation-375.png']]) {
      await page.goto(`${searchd.base}${url}`);
      if (url.includes('q=NQ')) await waitResults();
      else await page.locator('main h1:visible').first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert(overflow <= 0, `${url}: no horizontal scrolling at 375 px (${overflow} px too wide)`);
      await shot(name);
    }
    await page.goto(`${searchd.base}/?q=nong+thon+moi`);
    await waitResults();
    assert(!(await page.locator('#filters').isVisible()), 'the filter panel is closed');
    await page.locator('#filters-toggle').click();
    await page.locator('[data-facet="type"]').first().waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('#filters').classList.contains('open'));
  } finally {
    await page.setViewportSize({ width: 1280, height: 900 });
  }
});

t.test('the portal widget on another origin shows results, isolated both ways', async () => {
  await page.goto(`${host.origin}/portal.html`);
  const input = page.locator('#portal-search input');
  await input.waitFor();
  await input.fill('nong thon moi');
  await page.locator('#portal-search li.hit').first().waitFor();
  const titles = await page.locator('#portal-search li.hit .t').allInnerTexts();
  assertEqual(titles.length, 5, 'the dropdown lists the top results');
  const marks = await page.locator('#portal-search li.hit mark').allInnerTexts();
  assert(marks.map((m) => m.toLowerCase()).includes('nông thôn mới'), 'snippets are highlighted');
  const all = await page.locator('#portal-search a.all').getAttribute('href');
  assertEqual(all, `${searchd.base}/?q=nong+thon+moi`, '"Xem tất cả" opens the full page');
  const styles = await page.evaluate(() => {
    const root = document.querySelector('#portal-search').shadowRoot;
    const cs = (el) => getComputedStyle(el);
    return {
      widgetInput: cs(root.querySelector('input')).backgroundColor,
      widgetFont: cs(root.querySelector('input')).fontFamily,
      hostInput: cs(document.querySelector('#host-input')).backgroundColor,
      hostT: cs(document.querySelector('#host-t')).fontWeight,
      hostMark: cs(document.querySelector('#host-mark')).backgroundColor,
      widgetMark: cs(root.querySelector('mark')).backgroundColor,
    };
  });
  assertEqual(styles.widgetInput, 'rgb(255, 255, 255)', 'host styles do not reach the widget');
  assert(!/monospace/.test(styles.widgetFont), `the host font does not reach the widget (${styles.widgetFont})`);
  assertEqual(styles.hostInput, 'rgb(255, 255, 0)', 'the host keeps its own input style');
  assertEqual(styles.hostT, '400', 'widget styles do not leak out');
  assertEqual(styles.hostMark, 'rgb(0, 128, 0)', 'the host keeps its own mark style');
  assert(styles.widgetMark !== 'rgb(0, 128, 0)', 'the widget keeps its own mark style');
  await shot('widget.png');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.waitForURL((u) => u.origin === searchd.base && u.searchParams.has('doc'));
  await page.locator('#view-doc h1.doc-title').waitFor();
});

t.test('no accessibility violations (axe-core) in any view, on a laptop and a phone', async () => {
  const views = [
    ['/?q=nong+thon+moi', 1280], ['/?q=NQ+13&type=chuong-trinh', 1280], ['/', 1280],
    ['/?doc=004_d18117e02a6e2a66.txt&q=nong+thon+moi', 1280], ['/?cite=13-NQ%2FTW', 1280],
    ['/?q=nong+thon+moi', 375], ['/?doc=001_36391affc1bfd663.txt', 375], ['/?q=NQ+13', 375],
  ];
  const found = [];
  try {
    for (const [url, width] of views) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${searchd.base}${url}`);
      await page.waitForFunction(() => !document.querySelector('.doc-loading') &&
        (document.querySelector('#view-search').hidden || document.querySelector('#results').getAttribute('aria-busy') === 'false'));
      for (const v of await axeViolations()) found.push(`${url} @${width}px: ${v}`);
    }
    await page.goto(`${host.origin}/portal.html`);
    await page.locator('#portal-search input').fill('nong thon moi');
    await page.locator('#portal-search li.hit').first().waitFor();
    for (const v of await axeViolations()) {
      found.push(`widget: ${v}`);
    }
  } finally {
    await page.setViewportSize({ width: 1280, height: 900 });
  }
  assert(found.length === 0, `axe found:\n     ${found.join('\n     ')}`);
});

t.test('an export of articles: each hit shows its act, and the act is a facet that filters', async () => {
  // A second index: three articles of two acts, the title of each act on one article's note.
  const dir = path.join(tmp, 'acts');
  fs.mkdirSync(dir);
  const article = (id, act, note, text) => JSON.stringify({ id, title: `Điều ${id}`, text, so: act, ghichu: note });
  fs.writeFileSync(path.join(dir, 'acts.jsonl'), [
    article('2', '57/2020/QH14', '(Điều 2 Luật số 57/2020/QH14, có hiệu lực)', 'Quyền và nghĩa vụ của thanh niên.'),
    article('1', '57/2020/QH14', '(Điều 1 Luật số 57/2020/QH14 Luật Thanh niên ngày 16/06/2020)', 'Thanh niên là công dân.'),
    article('9', '12/2011/NĐ-CP', '(Điều 1 Nghị định số 12/2011/NĐ-CP Về thanh niên xung phong ngày 30/01/2011)',
      'Tổ chức thanh niên xung phong.'),
  ].join('\n'));
  buildIndex(indexer, dir, path.join(tmp, 'acts-index'), ['--field', 'parent=so', '--field', 'parent_title=ghichu',
    '--parent-title-pattern', 'số {parent} (.+?) ngày \\d']);
  const acts = await startSearchd(searchdBin, {
    index: path.join(tmp, 'acts-index'), web: path.join(sourceDir, 'web'), logFile: path.join(artifacts, 'searchd-acts.log'),
  });
  otherSearchd.push(acts.base);
  try {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${acts.base}/?q=${encodeURIComponent('thanh niên')}`);
    await waitResults();
    assertEqual(await hitIds().then((ids) => ids.sort()), ['1', '2', '9'], 'every article');
    const parentOf = async (id) => page.locator('#results .hit', { has: page.locator(`a[href*="doc=${id}"]`) })
      .locator('.hit-parent').innerText().then((t) => t.replace(/\s+/g, ' '));
    assertEqual(await parentOf('2'), 'thuộc Luật Thanh niên — 57/2020/QH14',
      'an article whose own note does not name its act shows the act');
    const facet = page.locator('[data-facet="parent"][data-value="57/2020/QH14"]');
    assertEqual(await facet.locator('.facet-label').innerText(), 'Luật Thanh niên (57/2020/QH14)', 'the facet names the act');
    assertEqual(await facetCount('parent', '57/2020/QH14'), 2, 'and counts its articles');
    await facet.click();
    await page.waitForURL((u) => new URL(u).searchParams.get('parent') === '57/2020/QH14');
    await waitResults();
    assertEqual(await hitIds().then((ids) => ids.sort()), ['1', '2'], 'the facet filters to the act');
    assertEqual(await axeViolations(), [], 'the act on hits and in the facets is accessible');
    await shot('parent-facet.png');
  } finally {
    await acts.stop();
  }
});

t.test('a passage in a PDF links to the original at its page, and Chromium opens it there', async () => {
  // A third index: the PDF fixture (three pages) beside a text file.
  const dir = path.join(tmp, 'pdf-docs');
  fs.mkdirSync(dir);
  const pdfName = '001_36391affc1bfd663.pdf';
  fs.copyFileSync(path.join(sourceDir, 'tests/fixtures/formats', pdfName), path.join(dir, pdfName));
  fs.copyFileSync(path.join(sourceDir, 'seeds/000_b0635ad2fd7fc13e.txt'), path.join(dir, 'ke-hoach.txt'));
  buildIndex(indexer, dir, path.join(tmp, 'pdf-index'));
  const pdfs = await startSearchd(searchdBin, {
    index: path.join(tmp, 'pdf-index'), web: path.join(sourceDir, 'web'), logFile: path.join(artifacts, 'searchd-pdf.log'),
  });
  otherSearchd.push(pdfs.base);
  // The page Chromium's own PDF viewer shows, read from its toolbar (null until it has drawn).
  const viewerPage = async (tab) => {
    for (const f of tab.frames()) {
      if (!f.url().startsWith('chrome-extension://')) continue;
      const shown = await f.evaluate(() => {
        const selector = document.querySelector('pdf-viewer')?.shadowRoot?.querySelector('viewer-toolbar')
          ?.shadowRoot?.querySelector('viewer-page-selector');
        const input = selector?.shadowRoot?.querySelector('input');
        return input && selector.docLength ? `${input.value}/${selector.docLength}` : null;
      }).catch(() => null);
      if (shown) return shown;
    }
    return null;
  };
  try {
    await page.setViewportSize({ width: 1280, height: 900 });
    const q = 'Thương binh Liệt sĩ';  // on the PDF's second page
    await page.goto(`${pdfs.base}/?q=${encodeURIComponent(q)}`);
    await waitResults();
    const hit = page.locator('#results .hit', { has: page.locator(`a[href*="${encodeURIComponent(pdfName)}"]`) });
    const pageLink = hit.locator('a.hit-page');
    assertEqual((await pageLink.innerText()).split('\n')[0].trim(), 'trang 2', 'the passage says its page');
    const href = await pageLink.getAttribute('href');
    assertEqual(href, `${pdfs.base}/api/documents/${encodeURIComponent(pdfName)}/original?inline=true#page=2`,
      'and links to the original at that page');
    assertEqual(await pageLink.getAttribute('target'), '_blank', 'in a new tab');

    // Chromium's viewer opens it at page 2 under the API's strict Content-Security-Policy (read
    // here: the browser hands the PDF's response to its viewer, and Playwright sees no headers).
    const headers = (await fetch(href)).headers;
    assertEqual(headers.get('content-security-policy'), "default-src 'none'; frame-ancestors 'none'",
      "the PDF keeps the API's policy");
    assert(headers.get('content-disposition').startsWith('inline;'), 'and is shown, not downloaded');
    const [tab] = await Promise.all([browser.waitForEvent('page'), pageLink.click()]);
    try {
      // It may show page 1 first, then go to the page the link names.
      let shown = null;
      for (const deadline = Date.now() + 10000; shown !== '2/3' && Date.now() < deadline; await tab.waitForTimeout(100)) {
        shown = await viewerPage(tab);
      }
      assertEqual(shown, '2/3', "the browser's PDF viewer shows page 2 of 3");
      await tab.screenshot({ path: path.join(artifacts, 'pdf-viewer.png') });
    } finally {
      await tab.close();
    }

    // The document view: a marker where each page starts, each a link to the PDF there; the table
    // of contents gives each section's page the same way; a text file has neither.
    await hit.locator('.hit-title a').click();
    await page.locator('.doc-text').waitFor();
    const markers = await page.$$eval('.doc-text .page-marker a', (as) => as.map((a) => [a.textContent, new URL(a.href).hash]));
    assertEqual(markers.map(([text, hash]) => [text.split(' —')[0], hash]),
      [['Trang 1', '#page=1'], ['Trang 2', '#page=2'], ['Trang 3', '#page=3']], 'a marker per page');
    const marked = await page.evaluate(() => {
      const two = document.querySelector('.page-marker[data-page="2"]');
      const after = document.createRange();
      after.setStartAfter(two);
      after.setEnd(document.querySelector('.doc-text'), document.querySelector('.doc-text').childNodes.length);
      return after.toString().includes('Thương binh Liệt sĩ');
    });
    assert(marked, 'the passage on page 2 comes after the marker of page 2');
    const tocPages = await page.$$eval('.toc-page a', (as) => as.map((a) => new URL(a.href).hash));
    assert(tocPages.length >= 3 && tocPages.includes('#page=2'), `the contents link sections to pages: ${tocPages}`);
    assertEqual(await page.locator('.original-view').getAttribute('href'),
      `${pdfs.base}/api/documents/${encodeURIComponent(pdfName)}/original?inline=true#page=1`, 'and the file can be viewed');
    assertEqual(await page.locator('.original-link').getAttribute('download'), '', 'or downloaded');
    assertEqual(await axeViolations(), [], 'the document with its pages is accessible');
    await page.locator('.page-marker[data-page="2"]').scrollIntoViewIfNeeded();
    await shot('document-pages.png');
    await page.setViewportSize({ width: 375, height: 800 });
    await page.locator('.page-marker[data-page="2"]').scrollIntoViewIfNeeded();
    assertEqual(await axeViolations(), [], 'and at 375 px');
    await shot('document-pages-375.png');

    await page.goto(`${pdfs.base}/?doc=ke-hoach.txt`);
    await page.locator('.doc-text').waitFor();
    assertEqual(await page.locator('.page-marker, .original-view').count(), 0, 'a text file has no pages');
  } finally {
    await page.setViewportSize({ width: 1280, height: 900 });
    await pdfs.stop();
  }
});

t.test('searchd stopped: the page says so clearly', async () => {
  await page.goto(`${searchd.base}/?q=nong+thon+moi`);
  await waitResults();
  const { code } = await searchd.stop();
  assertEqual(code, 0, 'searchd exits 0 on SIGTERM');
  expectNetworkErrors = true;
  await page.locator('#q').fill('chuyển đổi số');
  await page.locator('#q').press('Enter');
  const alert = page.locator('#results .error-box[role="alert"]');
  await alert.waitFor();
  const text = await alert.innerText();
  assert(text.includes('Không kết nối được với máy chủ tìm kiếm'), `a clear message: ${text}`);
  assert(await page.locator('#results .error-box button').isVisible(), 'with a retry button');
  assertEqual(await page.locator('#results .hit').count(), 0, 'no stale results are left');
  assertEqual(await axeViolations(), [], 'the error state is accessible');
  await shot('error.png');
});

let exitCode = 1;
try {
  buildIndex(indexer, path.join(sourceDir, 'seeds'), path.join(tmp, 'index'));
  host = await startHostServer({ '/portal.html': () => hostPage() });
  searchd = await startSearchd(searchdBin, {
    index: path.join(tmp, 'index'), web: path.join(sourceDir, 'web'), corsOrigins: [host.origin],
    logFile: path.join(artifacts, 'searchd.log'),
  });
  browser = await launchBrowser(chromium, path.join(tmp, 'profile'));
  page = browser.pages()[0] || await browser.newPage();
  page.setDefaultTimeout(10000);
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    if (expectNetworkErrors && /ERR_CONNECTION_REFUSED|Failed to load resource/.test(m.text())) return;
    problems.push(`console: ${m.text()} (${m.location().url || 'no url'})`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  // No external resources: every request goes to searchd or to the second origin's host page.
  page.on('request', (r) => {
    const origin = new URL(r.url()).origin;
    if (![searchd.base, host.origin, 'null', ...otherSearchd].includes(origin) && !r.url().startsWith('data:')) {
      problems.push(`request to another origin: ${r.url()}`);
    }
  });
  console.log(`setup: index, searchd ${searchd.base}, second origin ${host.origin}, chromium (${Date.now() - started} ms)`);

  const { passed, failed } = await t.run(() => {
    if (problems.length) throw new Error(`errors in the browser:\n${problems.splice(0).join('\n')}`);
  });
  console.log(`screenshots: ${artifacts}`);
  console.log(`browser suite took ${Date.now() - started} ms`);
  console.log(`${passed} passed, ${failed} failed`);
  exitCode = failed ? 1 : 0;
} catch (e) {
  console.log(`setup failed: ${e.stack || e}`);
  console.log('0 passed, 1 failed');
} finally {
  if (browser) await browser.close().catch(() => {});
  if (searchd) await searchd.stop().catch(() => {});
  if (host) await host.close().catch(() => {});
  fs.rmSync(tmp, { recursive: true, force: true });
}
process.exit(exitCode);
