// The public portal in headless Chromium: every page in every language with JavaScript off
// (status, lang/dir, mirrored Arabic layout, axe-core, 320 px reflow, no cookies, no third-party
// request), Accept-Language negotiation on "/", the page-weight budget, "Leave this site" with
// and without JavaScript, search in Cyrillic and Arabic, and XSS attempts through the query and
// through the content.
import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { CHROMIUM_PATH, REPO_ROOT, WEB_DIR, WEB_DIST, useVigil } from './harness.mjs';
import { startServe } from '../support/vigil.mjs';

const requireFromWeb = createRequire(path.join(WEB_DIR, 'package.json'));
const { chromium } = requireFromWeb('playwright-core');

const LANGUAGES = ['en', 'uk', 'ru', 'pl', 'ro', 'ar'];
const PRACTITIONER_TOPICS = [
  'causes', 'how', 'instruments', 'crsv', 'prevention', 'actors', 'situations', 'resources',
];
const PAGES = [
  '', 'warning-signs', 'get-help', 'rights', 'learn',
  ...PRACTITIONER_TOPICS.map((topic) => `learn/${topic}`),
  'search', 'search?q=job', 'about',
];
const EXIT_URL = 'https://www.bbc.com/weather';
const BUDGET_BYTES = 60 * 1024;

const vigil = useVigil();

let browser;
before(async () => {
  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking'],
  });
});
after(async () => {
  await browser?.close();
});

/** A fresh context that records requests to other origins and Set-Cookie headers. */
async function openContext(baseUrl, options = {}) {
  const context = await browser.newContext({ javaScriptEnabled: false, ...options });
  const origin = new URL(baseUrl).origin;
  const seen = { foreign: [], setCookie: [], dialogs: [] };
  context.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith('data:') && new URL(url).origin !== origin) seen.foreign.push(url);
  });
  context.on('response', async (response) => {
    const cookie = await response.headerValue('set-cookie');
    if (cookie) seen.setCookie.push(`${response.url()}: ${cookie}`);
  });
  const page = await context.newPage();
  page.on('dialog', async (dialog) => {
    seen.dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  return { context, page, seen };
}

let axeSource;
/** axe-core violations of serious or critical impact (WCAG 2.x A/AA rules). */
async function seriousViolations(page) {
  axeSource ??= await readFile(requireFromWeb.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return result.violations
      .filter((violation) => ['serious', 'critical'].includes(violation.impact))
      .map((v) => `${v.id}: ${v.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  });
}

/** GET with Accept-Encoding: gzip; resolves with the status, headers and raw (encoded) bytes. */
function rawGet(url, headers = {}) {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': 'gzip', ...headers } }, (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode, headers: res.headers, bytes: Buffer.concat(chunks).length }),
        );
      })
      .on('error', reject);
  });
}

test('"/" negotiates Accept-Language among the six languages', async () => {
  const cases = [
    [undefined, 'en'],
    ['uk-UA,uk;q=0.9,en;q=0.5', 'uk'],
    ['de-DE, ru;q=0.7, pl;q=0.8', 'pl'],
    ['fr, ro;q=0.2', 'ro'],
    ['ar-SY', 'ar'],
    ['en;q=0.1, ru;q=0.9', 'ru'],
    ['ar;q=0, de', 'en'],
  ];
  for (const [header, lang] of cases) {
    const res = await fetch(`${vigil.baseUrl}/`, {
      redirect: 'manual',
      headers: header ? { 'accept-language': header } : {},
    });
    assert.equal(res.status, 302, `${header}: status`);
    assert.equal(res.headers.get('location'), `/${lang}/`, `${header} → /${lang}/`);
  }
});

test('an unknown language prefix answers a 404 page', async () => {
  const res = await fetch(`${vigil.baseUrl}/xx/warning-signs`);
  assert.equal(res.status, 404);
  assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
  assert.match(await res.text(), /<html lang="en" dir="ltr">/);
});

test('every page in every language works with JavaScript off', { timeout: 120_000 }, async () => {
  const { context, page, seen } = await openContext(vigil.baseUrl);
  try {
    for (const lang of LANGUAGES) {
      for (const slug of PAGES) {
        const where = `/${lang}/${slug}`;
        const response = await page.goto(`${vigil.baseUrl}${where}`);
        assert.equal(response.status(), 200, `${where}: status`);
        const root = await page.evaluate(() => ({
          lang: document.documentElement.lang,
          dir: document.documentElement.dir,
          direction: getComputedStyle(document.body).direction,
          leaveHref: document.querySelector('a#leave')?.getAttribute('href'),
          skip: document.querySelector('a.skip')?.getAttribute('href'),
          switcher: [...document.querySelectorAll('nav.langs a')].map((a) => a.getAttribute('href')),
          h1: document.querySelector('main h1')?.textContent ?? '',
        }));
        const rtl = lang === 'ar';
        assert.equal(root.lang, lang, `${where}: lang`);
        assert.equal(root.dir, rtl ? 'rtl' : 'ltr', `${where}: dir`);
        assert.equal(root.direction, rtl ? 'rtl' : 'ltr', `${where}: computed direction`);
        assert.equal(root.leaveHref, EXIT_URL, `${where}: leave link`);
        assert.equal(root.skip, '#main', `${where}: skip link`);
        assert.notEqual(root.h1.trim(), '', `${where}: a heading`);
        const pathOnly = slug.split('?')[0];
        assert.deepEqual(root.switcher, LANGUAGES.map((other) => `/${other}/${pathOnly}`), `${where}: switcher`);
        // Mirrored: the site name sits at the start edge, "Leave this site" at the end edge.
        const brand = await page.locator('.brand').boundingBox();
        const leave = await page.locator('#leave').boundingBox();
        if (rtl) assert.ok(brand.x > leave.x, `${where}: brand is right of the leave button`);
        else assert.ok(brand.x < leave.x, `${where}: brand is left of the leave button`);
      }
    }
    assert.deepEqual(seen.foreign, [], 'no request to another origin');
    assert.deepEqual(seen.setCookie, [], 'no Set-Cookie');
    assert.deepEqual(await context.cookies(), [], 'no cookie stored');
  } finally {
    await context.close();
  }
});

// axe-core needs the page's timers, so it runs with scripts on (the markup is the same: the
// portal's script only adds the leave shortcut).
test('axe-core finds no serious or critical violation on any page', { timeout: 200_000 }, async () => {
  const { context, page, seen } = await openContext(vigil.baseUrl, { javaScriptEnabled: true });
  const failures = [];
  try {
    for (const lang of LANGUAGES) {
      for (const slug of PAGES) {
        await page.goto(`${vigil.baseUrl}/${lang}/${slug}`);
        const violations = await seriousViolations(page);
        if (violations.length > 0) failures.push(`/${lang}/${slug}: ${violations.join('; ')}`);
      }
    }
    assert.deepEqual(failures, [], 'axe-core: serious or critical violations');
    assert.deepEqual(seen.foreign, [], 'no request to another origin');
    assert.deepEqual(await context.cookies(), [], 'no cookie stored');
  } finally {
    await context.close();
  }
});

test('every page reflows at 320 px without sideways scrolling', { timeout: 120_000 }, async () => {
  const { context, page } = await openContext(vigil.baseUrl, { viewport: { width: 320, height: 640 } });
  try {
    for (const lang of LANGUAGES) {
      for (const slug of PAGES) {
        await page.goto(`${vigil.baseUrl}/${lang}/${slug}`);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= 320, `/${lang}/${slug}: scrollWidth ${width} > 320`);
      }
    }
  } finally {
    await context.close();
  }
});

test('first load of every page is at most 60 KB compressed (HTML + CSS)', async () => {
  const weights = [];
  for (const lang of LANGUAGES) {
    for (const slug of PAGES) {
      const html = await rawGet(`${vigil.baseUrl}/${lang}/${slug}`);
      assert.equal(html.status, 200);
      assert.equal(html.headers['content-encoding'], 'gzip', `/${lang}/${slug} is gzipped`);
      let total = html.bytes;
      const css = await rawGet(`${vigil.baseUrl}/portal.css`);
      assert.equal(css.headers['content-encoding'], 'gzip', 'the stylesheet is gzipped');
      assert.ok(css.headers.etag, 'the stylesheet has an ETag');
      total += css.bytes;
      weights.push([`/${lang}/${slug}`, total]);
      assert.ok(total <= BUDGET_BYTES, `/${lang}/${slug}: ${total} bytes > ${BUDGET_BYTES}`);
    }
  }
  const heaviest = weights.reduce((a, b) => (b[1] > a[1] ? b : a));
  console.log(`portal page weight: heaviest ${heaviest[0]} ${heaviest[1]} bytes (HTML + CSS, gzip)`);
});

test('warning signs and get help print as leaflets', async () => {
  const { context, page } = await openContext(vigil.baseUrl);
  try {
    await page.emulateMedia({ media: 'print' });
    for (const slug of ['warning-signs', 'get-help']) {
      await page.goto(`${vigil.baseUrl}/uk/${slug}`);
      for (const hidden of ['nav.langs', 'nav.nav', '#leave', '.site-footer']) {
        assert.equal(await page.locator(hidden).isVisible(), false, `${slug}: ${hidden} hidden in print`);
      }
      assert.ok(await page.locator('main h1').isVisible(), `${slug}: content printed`);
    }
  } finally {
    await context.close();
  }
});

test('the stylesheet and script answer 304 to their ETag', async () => {
  for (const asset of ['/portal.css', '/portal.js']) {
    const first = await rawGet(`${vigil.baseUrl}${asset}`);
    assert.equal(first.status, 200);
    const again = await rawGet(`${vigil.baseUrl}${asset}`, { 'if-none-match': first.headers.etag });
    assert.equal(again.status, 304, `${asset}: 304`);
  }
});

test('"Leave this site" without JavaScript is a plain link to the neutral site', async () => {
  const { context, page } = await openContext(vigil.baseUrl);
  try {
    await page.goto(`${vigil.baseUrl}/en/get-help`);
    const link = page.locator('a#leave');
    assert.equal(await link.getAttribute('href'), EXIT_URL);
    assert.match(await link.getAttribute('rel'), /noreferrer/);
    // Scripts are off: following the link is an ordinary navigation.
    await context.route(`${EXIT_URL}**`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Weather</title>' }),
    );
    await link.click();
    await page.waitForURL(EXIT_URL);
  } finally {
    await context.close();
  }
});

for (const how of ['button', 'Escape pressed three times']) {
  test(`"Leave this site" with JavaScript replaces the page (${how})`, async () => {
    const { context, page, seen } = await openContext(vigil.baseUrl, { javaScriptEnabled: true });
    try {
      // The neutral site is answered locally: nothing leaves the machine.
      await context.route(`${EXIT_URL}**`, (route) =>
        route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Weather</title>' }),
      );
      await page.goto(`${vigil.baseUrl}/en/`);
      await page.goto(`${vigil.baseUrl}/en/warning-signs`);
      const before = await page.evaluate(() => history.length);
      if (how === 'button') {
        await page.locator('a#leave').click();
      } else {
        await page.locator('h1').click();
        for (let press = 0; press < 3; press += 1) await page.keyboard.press('Escape');
      }
      await page.waitForURL(EXIT_URL);
      assert.equal(await page.evaluate(() => history.length), before, 'history did not grow');
      await page.goBack();
      assert.notEqual(new URL(page.url()).pathname, '/en/warning-signs', 'Back does not return');
      assert.deepEqual(seen.dialogs, []);
    } finally {
      await context.close();
    }
  });
}

test('XSS attempts through the search query stay text', async () => {
  const { context, page, seen } = await openContext(vigil.baseUrl, { javaScriptEnabled: true });
  try {
    for (const attack of ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>']) {
      const response = await page.goto(`${vigil.baseUrl}/en/search?q=${encodeURIComponent(attack)}`);
      assert.equal(response.status(), 200);
      const html = await response.text();
      assert.ok(!html.includes(attack), `${attack} appears escaped`);
      assert.equal(await page.inputValue('#q'), attack, 'the query is kept as text in the field');
      assert.equal(await page.locator('main img, main script').count(), 0, 'no element injected');
    }
    assert.deepEqual(seen.dialogs, [], 'no dialog fired');
  } finally {
    await context.close();
  }
});

// A second server on a copy of the English content plus a fixture topic: translated items with
// known Cyrillic and Arabic words, and an item whose text is hostile markup.
const fixture = {};
before(async () => {
  fixture.dir = await mkdtemp(path.join(os.tmpdir(), 'vigil-portal-'));
  const data = path.join(fixture.dir, 'data');
  for (const part of ['knowledge/en', 'rulesets', 'portal']) {
    await cp(path.join(REPO_ROOT, 'data', part), path.join(data, part), { recursive: true });
  }
  await cp(path.join(REPO_ROOT, 'data', 'hotlines.yaml'), path.join(data, 'hotlines.yaml'));
  const topic = (lang, items) =>
    [
      `lang: ${lang}`, 'topic: fixture', 'title: "Fixture"', 'audience: practitioner',
      'summary: "Test content"', 'items:',
      ...items.map(([id, title, body]) =>
        [
          `  - id: fixture.${id}`,
          ...(lang === 'en' ? ['    source: "<b>test</b> source"', '    status: unverified']
            : ['    from: "000000000000"']),
          `    title: ${JSON.stringify(title)}`,
          `    body: ${JSON.stringify(body)}`,
        ].join('\n')),
    ].join('\n') + '\n';
  const english = [
    ['hostile', '<script>alert("data")</script> offer', 'Pay <img src=x onerror=alert(2)> "now" & \'later\''],
    ['recruitment', 'Recruitment', 'Recruitment through messengers.'],
  ];
  await writeFile(path.join(data, 'knowledge/en/fixture.yaml'), topic('en', english));
  for (const [lang, title, body] of [
    ['uk', 'Вербування', 'Вербування через месенджери.'],
    ['ar', 'التجنيد', 'التجنيد عبر تطبيقات المراسلة.'],
  ]) {
    await mkdir(path.join(data, 'knowledge', lang), { recursive: true });
    await writeFile(
      path.join(data, `knowledge/${lang}/fixture.yaml`),
      `${topic(lang, [['recruitment', title, body]])}missing: [fixture.hostile]\n`,
    );
  }
  fixture.server = await startServe({
    dbPath: path.join(fixture.dir, 'vigil.db'), webDir: WEB_DIST, args: ['--data', data], cwd: REPO_ROOT,
  });
});
after(async () => {
  await fixture.server?.stop();
  await rm(fixture.dir, { recursive: true, force: true });
});

test('search finds items with a Cyrillic and an Arabic query, and never logs it', async () => {
  const { context, page } = await openContext(fixture.server.baseUrl);
  try {
    for (const [lang, query] of [['uk', 'вербування'], ['ar', 'التجنيد'], ['uk', 'ВЕРБУВ']]) {
      await page.goto(`${fixture.server.baseUrl}/${lang}/search?q=${encodeURIComponent(query)}`);
      const links = await page.locator('ol.results a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      assert.ok(links.includes(`/${lang}/learn/fixture#fixture.recruitment`), `${lang} "${query}": ${links}`);
      await page.locator('ol.results a').first().click();
      assert.equal(new URL(page.url()).pathname, `/${lang}/learn/fixture`);
    }
    const log = fixture.server.output();
    assert.match(log, /\/\{lang\}\/search/, 'the access log names the route');
    for (const word of ['вербування', 'ВЕРБУВ', 'التجنيد', encodeURIComponent('вербування'), 'q=']) {
      assert.ok(!log.includes(word), `the log does not carry the query (${word})`);
    }
  } finally {
    await context.close();
  }
});

test('hostile markup in the content stays text, and a fallback is marked', async () => {
  const { context, page, seen } = await openContext(fixture.server.baseUrl, { javaScriptEnabled: true });
  try {
    for (const lang of ['en', 'ar']) {
      await page.goto(`${fixture.server.baseUrl}/${lang}/learn/fixture`);
      const item = page.locator('article[id="fixture.hostile"]');
      assert.equal(await item.locator('h2').textContent(), '<script>alert("data")</script> offer');
      assert.match(await item.textContent(), /Pay <img src=x onerror=alert\(2\)> "now" & 'later'/);
      assert.equal(await page.locator('main img, main script, main b').count(), 0, 'no element injected');
      assert.equal(await page.locator('script').count(), 1, 'only the portal script');
      if (lang === 'ar') {
        assert.equal(await item.locator('.fallback').count(), 1, 'the English fallback is noted');
        assert.equal(await item.locator('[lang="en"]').first().getAttribute('dir'), 'ltr');
      }
    }
    assert.deepEqual(seen.dialogs, [], 'no dialog fired');
  } finally {
    await context.close();
  }
});
