// Monitor in the browser, as an analyst would use it: a small batch of posts is ingested (two
// near-duplicate lure posts sharing a phone number, one unrelated post); the review queue lists
// the one cluster they make; the filters narrow it and live in the URL (filters only, never
// personal data); the cluster page marks the lure phrases with their category in words and masks
// the phone; "Show identifiers" shows it and says that the view is recorded — and the audit trail
// has it; a review with a note lands in the history. A coordinator gets no "Show identifiers"
// control; a viewer does not see Monitor at all. Every screen passes axe, nothing is fetched
// from another origin and no CSP violation or script error happens on the way.
import assert from 'node:assert/strict';
import path from 'node:path';
import { before, test } from 'node:test';
import {
  axeViolations,
  isExpectedSessionProbe,
  launchBrowser,
  loadCatalogue,
  signIn,
  useVigil,
  watchPage,
} from './harness.mjs';

const PHONE_DIGITS = '48601234567';
const NOTE = 'Same phone and wording on two sources; asked the platform for the account history.';

// Made-up posts (en): a and b differ in a few words and share a Polish mobile number; c is an
// ordinary offer with no contact detail in common.
const POSTS = [
  {
    id: 'a1',
    source: 'tg-jobs',
    posted_at: '2024-05-01T10:00:00Z',
    lang: 'en',
    region: 'PL',
    location: 'Warsaw',
    text: 'Warehouse work in Germany: free travel and free housing, no experience needed. Salary from €3,500 per month. Call +48 601 234 567 on WhatsApp today.',
  },
  {
    id: 'b7',
    source: 'olx',
    posted_at: '2024-05-02T08:30:00Z',
    lang: 'en',
    region: 'PL',
    location: 'Krakow',
    text: 'Warehouse work in Germany: free travel and free housing, no experience needed. Salary from €3,800 per month. Call +48 601 234 567 on WhatsApp now.',
  },
  {
    id: 'c3',
    source: 'olx',
    posted_at: '2024-05-03T12:00:00Z',
    lang: 'en',
    region: 'PL',
    location: 'Lodz',
    text: 'Bakery in Lodz is hiring a shop assistant. Employment contract, 4,600 PLN gross a month. Bring your CV to the shop on Piotrkowska street.',
  },
];

const vigil = useVigil({
  users: [
    { name: 'ana', role: 'analyst' },
    { name: 'cora', role: 'coordinator' },
    { name: 'vera', role: 'viewer' },
    { name: 'adam', role: 'admin' },
  ],
});
const [ANA, CORA, VERA, ADAM] = [0, 1, 2, 3].map((index) => () => vigil.users[index]);

let en;
let mon;
before(async () => {
  en = await loadCatalogue('en');
  mon = await loadCatalogue(path.join('monitor', 'en'));
});

/** Text with every non-digit removed, to look for the phone number however it is spaced. */
const digits = (text) => text.replace(/\D/g, '');

/** Asserts what every page visit must keep: no CSP violation, no script error, only our origin. */
async function assertClean(watch) {
  assert.deepEqual(await watch.cspViolations(), [], 'no CSP violation');
  assert.deepEqual(watch.seen.pageErrors, [], 'no uncaught exception');
  const errors = watch.seen.consoleErrors.filter((entry) => !isExpectedSessionProbe(entry, vigil.baseUrl));
  assert.deepEqual(errors, [], 'no console error');
  assert.deepEqual(watch.seen.foreignRequests, [], 'no request to another origin');
}

/**
 * Signs `user` in on a fresh browser, runs `body({ page, watch })`, then asserts that the visit
 * stayed clean (no CSP violation, script error, console error or foreign request) and closes.
 */
async function asUser(user, body, launch = {}) {
  const browser = await launchBrowser(launch);
  try {
    const { page, context } = browser;
    const watch = await watchPage(context, page, vigil.baseUrl);
    await signIn(page, vigil.baseUrl, user);
    await body({ page, watch });
    await assertClean(watch);
  } finally {
    await browser.close();
  }
}

async function assertAxe(page, where) {
  assert.deepEqual(await axeViolations(page), [], `axe: ${where}`);
}

/** POST /api/v1/monitor/posts from the signed-in page (session cookie and CSRF token). */
async function ingest(page, posts) {
  return page.evaluate(async (body) => {
    const session = await (await fetch('/api/v1/session')).json();
    const response = await fetch('/api/v1/monitor/posts', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': session.csrf_token },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: await response.json() };
  }, { posts });
}

const queueItems = (page) => page.locator('#monitor-queue .monitor-item');

async function waitForHash(page, test) {
  await page.waitForFunction(test);
  return page.evaluate(() => location.hash);
}

test('an analyst filters the queue, opens the cluster, shows identifiers and marks it suspicious', { timeout: 120_000 }, async () => {
  await asUser(ANA(), async ({ page, watch }) => {

    const ingested = await ingest(page, POSTS);
    assert.equal(ingested.status, 200, JSON.stringify(ingested.body));
    assert.equal(ingested.body.accepted, 3);
    assert.deepEqual(ingested.body.rejected, []);

    // The queue, from the navigation: the two lure posts make one cluster; the bakery is alone.
    await page.locator('nav.nav a[href="#/monitor"]').click();
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    assert.equal((await page.locator('main h1').textContent()).trim(), en['monitor.title.queue']);
    await queueItems(page).first().waitFor();
    assert.equal(await queueItems(page).count(), 1, 'one cluster');
    const item = queueItems(page).first();
    assert.equal(await item.getAttribute('data-status'), 'unreviewed');
    const itemText = await item.textContent();
    assert.match(itemText, /Posts: 2/);
    assert.match(itemText, /olx/);
    assert.match(itemText, /tg-jobs/);
    assert.ok(itemText.includes(mon['monitor.category.logistics']), 'categories in words');
    assert.ok(!digits(itemText).includes(PHONE_DIGITS), `the queue masks the phone: ${itemText}`);
    assert.match(itemText, /Phone/, 'the shared phone is listed (masked)');
    await assertAxe(page, 'queue');

    // Filters by keyboard-usable controls; they land in the URL, focus moves to the count.
    await page.locator('#monitor-filter-category').selectOption('logistics');
    await page.locator('#monitor-filter-status').selectOption('unreviewed');
    await page.locator('#monitor-filter-from').fill('2024-05-01');
    await page.locator('#monitor-filter-to').fill('2024-05-31');
    await page.locator('#monitor-filter-apply').click();
    let hash = await waitForHash(page, () => location.hash.includes('category=logistics'));
    const query = new URLSearchParams(hash.split('?')[1]);
    assert.deepEqual(Object.fromEntries(query), {
      category: 'logistics',
      from: '2024-05-01',
      to: '2024-05-31',
      status: 'unreviewed',
    });
    await page.waitForFunction(() => document.activeElement?.id === 'monitor-queue-summary');
    assert.equal(await queueItems(page).count(), 1, 'the cluster matches');

    // A filter that matches nothing says so; a reload keeps the filters.
    await page.locator('#monitor-filter-lang').selectOption('pl');
    await page.locator('#monitor-filter-apply').click();
    await waitForHash(page, () => location.hash.includes('lang=pl'));
    await page.locator('#monitor-queue-summary').filter({ hasText: mon['monitor.queue.noneMatch'] }).waitFor();
    assert.equal(await queueItems(page).count(), 0);
    await page.reload();
    await page.locator('#monitor-queue-summary').filter({ hasText: mon['monitor.queue.noneMatch'] }).waitFor();
    assert.equal(await page.locator('#monitor-filter-lang').inputValue(), 'pl');

    // Dates the wrong way round are caught before anything is asked.
    await page.locator('#monitor-filter-from').fill('2024-06-01');
    await page.locator('#monitor-filter-apply').click();
    await page.locator('#monitor-filter-dates-error').waitFor();
    assert.equal(await page.locator('#monitor-filter-from').getAttribute('aria-invalid'), 'true');

    await page.locator('#monitor-filter-clear').click();
    await waitForHash(page, () => location.hash === '#/monitor');
    await queueItems(page).first().waitFor();
    await page.locator('#monitor-filter-source').fill('tg-jobs');
    await page.locator('#monitor-filter-apply').click();
    hash = await waitForHash(page, () => location.hash.includes('source=tg-jobs'));
    await queueItems(page).first().waitFor();

    // The cluster: reasons, template, highlighted lure phrases, the phone masked everywhere.
    await queueItems(page).first().locator('a').click();
    await page.locator('#monitor-posts').waitFor();
    assert.match(await page.evaluate(() => location.hash), /^#\/monitor\/clusters\/\d+\?source=tg-jobs$/);
    assert.ok((await page.locator('#monitor-reasons li').count()) >= 1, 'the risk has named reasons');
    assert.equal(await page.locator('#monitor-posts > li').count(), 2);
    const marks = page.locator('#monitor-posts mark');
    assert.ok((await marks.count()) >= 4, 'the lure phrases of both posts are marked');
    const marked = await marks.allTextContents();
    assert.ok(marked.some((text) => /free travel/i.test(text)), `marked: ${marked.join(' | ')}`);
    const logistics = mon['monitor.category.logistics'];
    const travel = page.locator('#monitor-posts .monitor-lure').filter({ hasText: /free travel/i }).first();
    assert.equal(
      await travel.locator('mark').getAttribute('title'),
      mon['monitor.lureTitle'].replace('{category}', logistics),
    );
    assert.ok((await travel.locator('.monitor-lure__label').textContent()).includes(logistics), 'category in words');
    const slots = await page.locator('#monitor-template .monitor-slot').count();
    assert.ok(slots >= 1, 'the template names the slots where the posts differ');
    const slotValues = await page.locator('#monitor-slots').textContent();
    assert.ok(slotValues.includes('€3,500') && slotValues.includes('€3,800'), `each post's value: ${slotValues}`);
    const masked = await page.locator('main').textContent();
    assert.ok(!digits(masked).includes(PHONE_DIGITS), 'the phone is masked on the cluster page');
    assert.equal(await page.locator('#monitor-posts .monitor-identifier[data-type="phone"]').count(), 2);
    await assertAxe(page, 'cluster, masked');

    // Show identifiers: said to be recorded, before and after; the raw phone appears.
    assert.ok((await page.locator('#monitor-raw-hint').textContent()).includes('audit trail'));
    await page.locator('#monitor-show-identifiers').click();
    await page.locator('#monitor-raw-notice').waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'monitor-message');
    assert.equal((await page.locator('#monitor-message').textContent()).trim(), mon['monitor.raw.recorded']);
    assert.ok(digits(await page.locator('#monitor-shared').textContent()).includes(PHONE_DIGITS), 'raw phone shown');
    assert.ok(digits(await page.locator('#monitor-posts').textContent()).includes(PHONE_DIGITS), 'raw phone in the posts');
    assert.ok(!(await page.evaluate(() => location.href)).includes('raw'), 'the raw view is not in the URL');
    await assertAxe(page, 'cluster, identifiers shown');

    // Review: nothing chosen is caught; then suspicious with a note, by keyboard.
    await page.locator('#monitor-review-submit').click();
    await page.locator('#monitor-decision-error').waitFor();
    await page.locator('#monitor-decision-suspicious').focus();
    await page.keyboard.press('Space');
    await page.locator('#monitor-note').focus();
    await page.keyboard.type(NOTE);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'monitor-review-submit');
    await page.keyboard.press('Enter');
    const expected = mon['monitor.review.done'].replace('{status}', mon['monitor.status.suspicious']);
    await page.locator('#monitor-message').filter({ hasText: expected }).waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'monitor-message');
    assert.equal(await page.locator('.monitor-cluster').getAttribute('data-status'), 'suspicious');
    const history = page.locator('#monitor-reviews li').first();
    assert.equal(await history.getAttribute('data-status'), 'suspicious');
    const entry = await history.textContent();
    assert.ok(entry.includes(NOTE) && entry.includes('ana'), `the history keeps the note and who: ${entry}`);
    assert.ok(!digits(await page.locator('#monitor-shared').textContent()).includes(PHONE_DIGITS), 'masked again');
    assert.equal(await page.locator('#monitor-raw-notice').count(), 0, 'and says so');
    await assertAxe(page, 'cluster, reviewed');

    // Asked again, the identifiers come back with the review in the history.
    await page.locator('#monitor-show-identifiers').click();
    await page.locator('#monitor-raw-notice').waitFor();
    assert.ok(digits(await page.locator('#monitor-shared').textContent()).includes(PHONE_DIGITS), 'raw again');
    assert.ok((await page.locator('#monitor-reviews li').first().textContent()).includes(NOTE));

    // Back to the same filtered queue; the status filter finds the cluster as suspicious.
    await page.locator('#monitor-back').click();
    await waitForHash(page, () => location.hash === '#/monitor?source=tg-jobs');
    await page.goto(`${vigil.baseUrl}/app/#/monitor?status=suspicious`);
    await queueItems(page).first().waitFor();
    assert.equal(await queueItems(page).first().getAttribute('data-status'), 'suspicious');
    await page.goto(`${vigil.baseUrl}/app/#/monitor?status=unreviewed`);
    await page.locator('#monitor-queue-summary').filter({ hasText: mon['monitor.queue.noneMatch'] }).waitFor();

    // No URL the app asked for carried the phone number.
    for (const url of watch.seen.requests) assert.ok(!digits(url).includes(PHONE_DIGITS), url);
  });
});

test('the raw view is in the audit trail, with no identifier in it', { timeout: 60_000 }, async () => {
  await asUser(ADAM(), async ({ page }) => {
    const entries = await page.evaluate(async () => {
      const all = [];
      let cursor = '';
      for (let round = 0; round < 20; round += 1) {
        const response = await fetch(`/api/v1/audit?limit=200${cursor ? `&cursor=${cursor}` : ''}`);
        const body = await response.json();
        all.push(...body.items);
        if (!body.next_cursor) break;
        cursor = body.next_cursor;
      }
      return all;
    });
    const raw = entries.filter((entry) => entry.action === 'monitor.clusters.view_raw');
    assert.ok(raw.length >= 1, 'the raw view is recorded');
    assert.ok(raw.every((entry) => entry.actor === 'ana' && entry.role === 'analyst'), JSON.stringify(raw));
    assert.ok(entries.some((entry) => entry.action === 'monitor.clusters.review' && entry.actor === 'ana'));
    assert.ok(!digits(JSON.stringify(entries)).includes(PHONE_DIGITS), 'the audit trail holds no phone number');
  });
});

test('a coordinator reviews without a "Show identifiers" control; a viewer has no Monitor', { timeout: 90_000 }, async () => {
  await asUser(CORA(), async ({ page }) => {
    await page.locator('nav.nav a[href="#/monitor"]').click();
    await queueItems(page).first().waitFor();
    await queueItems(page).first().locator('a').click();
    await page.locator('#monitor-posts').waitFor();
    assert.equal(await page.locator('#monitor-show-identifiers, #monitor-raw-hint').count(), 0, 'no raw control');
    assert.ok(!digits(await page.locator('main').textContent()).includes(PHONE_DIGITS), 'masked');
    assert.equal(await page.locator('#monitor-review-submit').count(), 1, 'coordinators review');
  });

  await asUser(VERA(), async ({ page, watch }) => {
    assert.equal(await page.locator('nav.nav a[href="#/monitor"]').count(), 0, 'no Monitor in the navigation');
    await page.goto(`${vigil.baseUrl}/app/#/monitor`);
    await page.locator('main .notice').filter({ hasText: en['monitor.forbidden'] }).waitFor();
    assert.ok(!watch.seen.requests.some((url) => url.includes('/api/v1/monitor')), 'nothing asked of the API');
  });
});

test('the queue and the cluster work at 320 px in Arabic and pass axe right-to-left', { timeout: 90_000 }, async () => {
  const width = 320;
  await asUser(ANA(), async ({ page }) => {
    await page.selectOption('#language-select', 'ar');
    const ar = await loadCatalogue(path.join('monitor', 'ar'));
    await page.goto(`${vigil.baseUrl}/app/#/monitor`);
    await queueItems(page).first().waitFor();
    assert.equal((await page.locator('#monitor-filters-heading').textContent()).trim(), ar['monitor.filters.heading']);
    for (const where of ['queue', 'cluster']) {
      if (where === 'cluster') {
        await queueItems(page).first().locator('a').click();
        await page.locator('#monitor-posts').waitFor();
        await page.locator('#monitor-show-identifiers').click();
        await page.locator('#monitor-raw-notice').waitFor();
      }
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(scrollWidth <= width, `${where}: scrollWidth ${scrollWidth} > ${width}`);
      assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
      await assertAxe(page, `${where} (ar, 320 px)`);
    }
  }, { viewport: { width, height: 640 } });
});

test('the queue pages through many clusters, and the page is in the URL', { timeout: 90_000 }, async () => {
  await asUser(ANA(), async ({ page }) => {
    // 21 more clusters: pairs of posts that share a number of their own and no wording with
    // any other pair (made-up words), so that no two pairs link.
    const pairs = [];
    for (let pair = 0; pair < 21; pair += 1) {
      const words = Array.from({ length: 12 }, (_, word) => `w${pair}x${word}`).join(' ');
      for (const copy of [0, 1]) {
        pairs.push({
          id: `page-${pair}-${copy}`,
          source: 'paging',
          posted_at: `2024-06-${String(pair + 1).padStart(2, '0')}T09:00:00Z`,
          region: 'PL',
          text: `${words} ${copy} call +48 601 234 ${510 + pair}`,
        });
      }
    }
    const ingested = await ingest(page, pairs);
    assert.equal(ingested.status, 200, JSON.stringify(ingested.body));
    assert.equal(ingested.body.accepted, 42);

    await page.goto(`${vigil.baseUrl}/app/#/monitor`);
    await queueItems(page).first().waitFor();
    assert.equal(await queueItems(page).count(), 20, 'twenty a page');
    const summary = page.locator('#monitor-queue-summary');
    assert.match(await summary.textContent(), /1–20 of 22/);
    const firstPage = await queueItems(page).evaluateAll((items) => items.map((li) => li.dataset.cluster));

    await page.locator('#monitor-page-next').click();
    await waitForHash(page, () => location.hash === '#/monitor?page=2');
    await summary.filter({ hasText: /21–22 of 22/ }).waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'monitor-queue-summary');
    assert.equal(await queueItems(page).count(), 2);
    assert.equal(await page.locator('#monitor-queue').getAttribute('start'), '21', 'ranks go on from page 1');
    const secondPage = await queueItems(page).evaluateAll((items) => items.map((li) => li.dataset.cluster));
    assert.deepEqual(secondPage.filter((id) => firstPage.includes(id)), [], 'no cluster on both pages');
    assert.equal(await page.locator('#monitor-page-next').count(), 0, 'no page after the last');
    await assertAxe(page, 'queue, page 2');

    await page.locator('#monitor-page-previous').click();
    await waitForHash(page, () => location.hash === '#/monitor');
    await summary.filter({ hasText: /1–20 of 22/ }).waitFor();
  });
});
