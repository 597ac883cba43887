// Warn in the browser, as a focal point would use it: an analyst imports a series whose last
// months surge and evaluates the areas; the area turns to warning on the map and in the table;
// its chart shows the alarms; a bad file is refused with its row; someone who does not own the
// area is refused; the area's owner acknowledges the alert, records an action, adds a note and
// closes it. Every screen passes axe, nothing is fetched from another origin and no CSP
// violation or script error happens on the way.
//
// The server runs on its own data directory: the repository's data/ with a warn/ of the test's
// own (the repository's indicator catalogue, two areas with owners and a level rule written
// here), so that the outcome does not move when a deployment's areas.yaml changes.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import {
  REPO_ROOT,
  axeViolations,
  isExpectedSessionProbe,
  launchBrowser,
  loadCatalogue,
  runVigil,
  signIn,
  useVigil,
  watchPage,
} from './harness.mjs';

// ---------------------------------------------------------------------------------------------
// The data directory

const AREA = 'XB02'; // a P-code of the hand-made boundaries fixture (not a real boundary)
const QUIET_AREA = 'XB03';
const COUNTRY = 'BGD';
const INDICATOR = 'conflict-events';
const BOUNDARIES = path.join(REPO_ROOT, 'tests', 'warn', 'fixtures', 'admin1_fixture.geojson');
const WARNING_FILL = '#f57c00'; // LEVEL_COLOURS.warning in web/src/components/warn/map.tsx

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'vigil-e2e-warn-data-'));
for (const entry of readdirSync(path.join(REPO_ROOT, 'data'))) {
  if (entry !== 'warn') symlinkSync(path.join(REPO_ROOT, 'data', entry), path.join(dataDir, entry));
}
mkdirSync(path.join(dataDir, 'warn'));
cpSync(path.join(REPO_ROOT, 'data', 'warn', 'indicators.yaml'), path.join(dataDir, 'warn', 'indicators.yaml'));
writeFileSync(
  path.join(dataDir, 'warn', 'areas.yaml'),
  `# Test areas for tests/e2e/warn.test.mjs (made up; the P-codes are the fixture's).
areas:
  - id: ${COUNTRY}
    name: Bangladesh
    level: 0
    indicators: []
    source: ISO 3166-1
    status: verified
  - id: ${AREA}
    name: Test division one
    parent: ${COUNTRY}
    level: 1
    owner: fiona
    indicators: [${INDICATOR}]
    source: test fixture
    status: unverified
  - id: ${QUIET_AREA}
    name: Test division two
    parent: ${COUNTRY}
    level: 1
    owner: fiona
    indicators: [${INDICATOR}]
    source: test fixture
    status: unverified
`,
);
writeFileSync(
  path.join(dataDir, 'warn', 'levels.yaml'),
  `# Test level rule: one indicator alarming in 2 periods running is a warning; no family is
# critical, so nothing reaches "alert".
window_periods: 2
watch:
  min_alarms: 1
warning:
  min_indicators: 2
  consecutive_periods: 2
alert:
  critical_families: []
  min_critical_alarms: 1
`,
);
after(() => rmSync(dataDir, { recursive: true, force: true }));

/** Seven years of monthly counts around 6 for `area`; with `surge`, the last two months jump. */
function tidyCsv(area, { surge }) {
  const rows = ['area,indicator,period,value,source'];
  const months = 84;
  for (let i = 0; i < months; i += 1) {
    const year = 2018 + Math.floor(i / 12);
    const month = String((i % 12) + 1).padStart(2, '0');
    // A small deterministic wobble (4..8) so that the baseline has some variance.
    let value = 4 + ((i * 7) % 5);
    if (surge && i >= months - 2) value = 40 + i - (months - 2);
    rows.push(`${area},${INDICATOR},${year}-${month},${value},e2e test series`);
  }
  return `${rows.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------

const vigil = useVigil({
  users: [
    { name: 'ana', role: 'analyst' },
    { name: 'fiona', role: 'caseworker' },
    { name: 'vera', role: 'viewer' },
  ],
  args: ['--data', dataDir],
});

let en;
let warnEn;
const ANA = () => vigil.users[0];
const FIONA = () => vigil.users[1];
const VERA = () => vigil.users[2];

before(async () => {
  en = await loadCatalogue('en');
  warnEn = await loadCatalogue(path.join('warn', 'en'));
});

/** The deployment's admin boundaries, imported with the CLI into the running server's database. */
async function importBoundaries() {
  assert.ok(vigil.dbPath, 'the server is running');
  const imported = await runVigil(['warn', 'areas', 'import', BOUNDARIES, '--db', vigil.dbPath, '--data', dataDir]);
  assert.equal(imported.code, 0, `vigil warn areas import\n${imported.stdout}${imported.stderr}`);
  assert.match(imported.stdout, /imported 4 boundaries/);
}

/** Chromium's console line for an HTTP error the test provoked on purpose: [status, API path]. */
function isExpectedStatus(entry, [status, apiPath]) {
  return (
    entry.text.startsWith('Failed to load resource') &&
    entry.text.includes(`status of ${status}`) &&
    entry.url === `${vigil.baseUrl}${apiPath}`
  );
}

/** Asserts what every page visit must keep: no CSP violation, no script error, only our origin. */
async function assertClean(watch, { allow = [] } = {}) {
  assert.deepEqual(await watch.cspViolations(), [], 'no CSP violation');
  assert.deepEqual(watch.seen.pageErrors, [], 'no uncaught exception');
  const errors = watch.seen.consoleErrors.filter(
    (entry) =>
      !isExpectedSessionProbe(entry, vigil.baseUrl) && !allow.some((status) => isExpectedStatus(entry, status)),
  );
  assert.deepEqual(errors, [], 'no console error');
  assert.deepEqual(watch.seen.foreignRequests, [], 'no request to another origin');
  assert.ok(watch.seen.requests.length > 0, 'requests were seen');
}

async function assertAxe(page, where) {
  assert.deepEqual(await axeViolations(page), [], `axe: ${where}`);
}

async function openMap(page) {
  await page.goto(`${vigil.baseUrl}/app/#/warn`);
  await page.locator('#warn-areas').waitFor();
  await page.locator('.warn-map[data-ready="true"]').waitFor();
}

test('an analyst imports a surging series, evaluates, and sees the area at warning', { timeout: 120_000 }, async () => {
  await importBoundaries();
  const browser = await launchBrowser();
  try {
    const { page, context } = browser;
    const watch = await watchPage(context, page, vigil.baseUrl);
    await signIn(page, vigil.baseUrl, ANA());

    // The section links, and Import for an analyst.
    await page.locator(`nav.nav a[href="#/warn"]`).click();
    await page.locator('.warn .subnav a[href="#/warn/import"]').click();
    await page.waitForFunction(() => location.hash === '#/warn/import');
    assert.equal((await page.locator('main h1').textContent()).trim(), en['warn.import.title']);
    await assertAxe(page, 'import, empty');

    // A bad row is refused with its row and the server's reason; nothing is stored.
    const bad = tidyCsv(AREA, { surge: true }).replace(`${AREA},${INDICATOR},2018-03,`, `${AREA},${INDICATOR},2018-03,-`);
    await page.locator('#warn-import-csv').fill(bad);
    await page.locator('#warn-import-submit').click();
    const outcome = page.locator('#warn-import-outcome');
    await outcome.filter({ hasText: warnEn['warn.import.refused'] }).waitFor();
    assert.equal(await outcome.getAttribute('role'), 'alert');
    const refusal = await outcome.textContent();
    assert.match(refusal, /\b4\b/, `the refusal names the row (line 4 of the file): ${refusal}`);
    await assertAxe(page, 'import, refused');
    const missing = await page.evaluate(
      (url) => fetch(url).then((response) => response.status),
      `/api/v1/warn/series/${AREA}/${INDICATOR}`,
    );
    assert.equal(missing, 404, 'nothing was stored');

    // The good file, then the evaluation.
    await page.locator('#warn-import-csv').fill(tidyCsv(AREA, { surge: true }) + tidyCsv(QUIET_AREA, { surge: false }).split('\n').slice(1).join('\n'));
    await page.locator('#warn-import-submit').click();
    await outcome.filter({ hasText: warnEn['warn.import.done'].replace('{series}', '2').replace('{periods}', '168') }).waitFor();
    await page.locator('#warn-import-run').click();
    await outcome.filter({ hasText: warnEn['warn.run.done'] }).waitFor();

    // The map and the table: the surging area at warning, the quiet one at none.
    await openMap(page);
    const row = page.locator(`#warn-areas tr[data-area="${AREA}"]`);
    assert.equal(await row.getAttribute('data-level'), 'warning');
    assert.equal((await row.locator('.warn-badge').textContent()).trim(), warnEn['warn.level.warning']);
    assert.match(await row.textContent(), /conflict-events/, 'the reason names the indicator');
    assert.equal(await page.locator(`#warn-areas tr[data-area="${QUIET_AREA}"]`).getAttribute('data-level'), 'none');
    const drawn = page.locator(`.warn-map path[data-area="${AREA}"]`);
    assert.equal(await drawn.getAttribute('data-level'), 'warning', 'the area is drawn at warning');
    assert.equal((await drawn.getAttribute('fill')).toLowerCase(), WARNING_FILL);
    assert.equal(await page.locator(`.warn-map path[data-area="${QUIET_AREA}"]`).getAttribute('data-level'), 'none');
    assert.ok((await page.locator('.warn-map path[data-area="BGD"]').count()) === 1, 'the country is drawn from world-atlas');
    const legend = await page.locator('.warn-legend').textContent();
    for (const level of ['none', 'watch', 'warning', 'alert']) {
      assert.ok(legend.includes(warnEn[`warn.level.${level}`]), `the legend names ${level} in words`);
    }
    await assertAxe(page, 'map');

    // The chart of the surging series: alarms in the caption, the chart and the table.
    await row.locator(`a[href="#/warn/series/${AREA}/${INDICATOR}"]`).click();
    await page.locator('.warn-chart[data-ready="true"]').waitFor();
    assert.equal(await page.locator('#warn-series-method').inputValue(), 'noufaily', 'the configured detector');
    const caption = (await page.locator('#warn-series-caption').textContent()).trim();
    const alarms = Number(/: (\d+)\./.exec(caption)?.[1]);
    assert.ok(alarms >= 2, `the caption counts the alarms: ${caption}`);
    assert.match(caption, /Noufaily with α = 0\.05/);
    assert.equal(await page.locator('#warn-series-table tr[data-alarm="true"]').count(), alarms);
    const newest = page.locator('#warn-series-table tbody tr').first();
    assert.equal(await newest.getAttribute('data-alarm'), 'true', 'the last month alarms');
    assert.equal((await newest.locator('th').textContent()).trim(), '2024-12');
    await assertAxe(page, 'series');

    // Another method, chosen by keyboard: the caption follows.
    await page.locator('#warn-series-method').selectOption('ears-c1');
    await page.waitForFunction(() => /EARS C1/.test(document.getElementById('warn-series-caption')?.textContent ?? ''));

    // Not the owner: the alert is shown, acknowledging it is refused in words.
    await page.goto(`${vigil.baseUrl}/app/#/warn/alerts`);
    const item = page.locator('#warn-alerts .warn-alert-item').first();
    await item.waitFor();
    await item.locator('a').click();
    await page.locator('#warn-acknowledge').click();
    const message = page.locator('#warn-alert-message');
    await message.filter({ hasText: warnEn['warn.alert.forbidden'] }).waitFor();
    assert.equal(await message.getAttribute('role'), 'alert');
    assert.equal((await page.locator('#warn-alert-state').textContent()).trim(), warnEn['warn.state.new']);

    await assertClean(watch, {
      allow: [
        [400, '/api/v1/warn/series/import'], // the bad file
        [404, `/api/v1/warn/series/${AREA}/${INDICATOR}`], // nothing stored after it
        [403, `/api/v1/warn/alerts/1/acknowledge`], // not the owner
      ],
    });
  } finally {
    await browser.close();
  }
});

test("the area's owner acknowledges, records an action, adds a note and closes the alert", { timeout: 120_000 }, async () => {
  const browser = await launchBrowser();
  try {
    const { page, context } = browser;
    const watch = await watchPage(context, page, vigil.baseUrl);
    await signIn(page, vigil.baseUrl, FIONA());
    await page.goto(`${vigil.baseUrl}/app/#/warn/alerts`);
    const item = page.locator('#warn-alerts .warn-alert-item').first();
    await item.waitFor();
    assert.match(await item.textContent(), /Test division one/);
    assert.equal(await page.locator('.warn .subnav a[href="#/warn/import"]').count(), 0, 'no Import for a caseworker');
    await assertAxe(page, 'inbox');
    await item.locator('a').click();
    await page.locator('#warn-acknowledge').waitFor();
    await assertAxe(page, 'alert, new');

    // With the keyboard alone: Enter on Acknowledge; the outcome takes focus and is announced.
    const state = page.locator('#warn-alert-state');
    await page.locator('#warn-acknowledge').focus();
    await page.keyboard.press('Enter');
    await state.filter({ hasText: warnEn['warn.state.acknowledged'] }).waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'warn-alert-message');
    assert.equal((await page.locator('#warn-alert-message').textContent()).trim(), warnEn['warn.done.acknowledge']);

    // An empty action is caught before it is sent.
    await page.locator('#warn-action-submit').click();
    await page.locator('#warn-action-text[aria-invalid="true"]').waitFor();

    // Type the action, Tab to its button, Enter.
    await page.locator('#warn-action-text').focus();
    await page.keyboard.type('Patrol sent to the market road; partners told.');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'warn-action-submit');
    await page.keyboard.press('Enter');
    await state.filter({ hasText: warnEn['warn.state.action_recorded'] }).waitFor();

    await page.locator('#warn-note-text').fill('Community liaison confirms the movement.');
    await page.locator('#warn-note-submit').click();
    await page.locator('#warn-events li[data-kind="note"]').waitFor();

    await page.locator('#warn-close-text').fill('Situation calm for two weeks.');
    await page.locator('#warn-close-submit').click();
    await state.filter({ hasText: warnEn['warn.state.closed'] }).waitFor();
    assert.equal(await page.locator('#warn-acknowledge, #warn-action-submit, #warn-close-submit').count(), 0, 'no more steps');

    const log = await page.locator('#warn-events').textContent();
    for (const text of ['Patrol sent to the market road; partners told.', 'Community liaison confirms the movement.', 'Situation calm for two weeks.']) {
      assert.ok(log.includes(text), `the response log keeps "${text}"`);
    }
    const kinds = await page.locator('#warn-events li').evaluateAll((items) => items.map((li) => li.dataset.kind));
    for (const kind of ['opened', 'acknowledged', 'action', 'note', 'closed']) {
      assert.ok(kinds.includes(kind), `the log has ${kind}: ${kinds.join(', ')}`);
    }
    await assertAxe(page, 'alert, closed');

    // The inbox: no longer open, listed as closed.
    await page.locator('a[href="#/warn/alerts"]').first().click();
    await page.locator('#warn-alerts-empty').waitFor();
    await page.getByRole('button', { name: warnEn['warn.alerts.closed'], exact: true }).click();
    await page.locator('#warn-alerts .warn-alert-item').first().waitFor();

    await assertClean(watch);
  } finally {
    await browser.close();
  }
});

test('the warn screens work at 320 px in Arabic and pass axe right-to-left', { timeout: 120_000 }, async () => {
  const width = 320;
  const browser = await launchBrowser({ viewport: { width, height: 640 } });
  try {
    const { page, context } = browser;
    const watch = await watchPage(context, page, vigil.baseUrl);
    await signIn(page, vigil.baseUrl, VERA());
    await page.selectOption('#language-select', 'ar');
    const warnAr = await loadCatalogue(path.join('warn', 'ar'));
    for (const hash of ['#/warn', `#/warn/series/${AREA}/${INDICATOR}`, '#/warn/alerts']) {
      await page.goto(`${vigil.baseUrl}/app/${hash}`);
      if (hash === '#/warn') await page.locator('.warn-map[data-ready="true"]').waitFor();
      if (hash.startsWith('#/warn/series')) {
        await page.locator('.warn-chart[data-ready="true"]').waitFor();
        // Viewers see the baseline and threshold too (detection stores nothing); the caption
        // counts the alarms in Arabic.
        const caption = (await page.locator('#warn-series-caption').textContent()).trim();
        assert.notEqual(caption, warnAr['warn.series.caption.noDetection']);
        assert.ok(caption.startsWith(warnAr['warn.series.caption.alarms'].split('{')[0]), caption);
        assert.equal(await page.locator('#warn-series-table tbody tr').count(), 84);
      }
      if (hash === '#/warn/alerts') await page.locator('#warn-alerts, #warn-alerts-empty').first().waitFor();
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(scrollWidth <= width, `${hash}: scrollWidth ${scrollWidth} > ${width}`);
      assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
      await assertAxe(page, `${hash} (ar)`);
    }
    // The map keeps its own left-to-right box; its legend is in Arabic.
    await page.goto(`${vigil.baseUrl}/app/#/warn`);
    await page.locator('.warn-map[data-ready="true"]').waitFor();
    assert.equal(await page.locator('.warn-map').getAttribute('dir'), 'ltr');
    assert.ok((await page.locator('.warn-legend').textContent()).includes(warnAr['warn.level.warning']));
    // A viewer reads: no Import, no Run.
    assert.equal(await page.locator('#warn-run').count(), 0);
    assert.equal(await page.locator('.warn .subnav a[href="#/warn/import"]').count(), 0);
    // Detectors run for analysts, coordinators and admins only: a viewer sees the counts alone.
    await assertClean(watch, { allow: [[403, '/api/v1/warn/detect']] });
  } finally {
    await browser.close();
  }
});
