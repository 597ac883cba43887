// Loading the app: no console errors, no CSP violations, no third-party requests, one cookie.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import {
  WEB_DIST,
  isExpectedSessionProbe,
  launchBrowser,
  openSignIn,
  submitSignIn,
  useVigil,
  watchPage,
} from './harness.mjs';

const vigil = useVigil();

test('the built index.html has no inline script or style', async () => {
  const html = await readFile(path.join(WEB_DIST, 'index.html'), 'utf8');
  const scripts = html.match(/<script\b[^>]*>/gi) ?? [];
  assert.ok(scripts.length > 0, 'index.html loads a script');
  for (const tag of scripts) assert.match(tag, /\ssrc="\/app\/assets\/[^"]+"/, `external script: ${tag}`);
  assert.doesNotMatch(html, /<script\b[^>]*>[^<]+<\/script>/i, 'no inline script body');
  assert.doesNotMatch(html, /<style\b/i, 'no <style> element');
  assert.doesNotMatch(html, /\sstyle=/i, 'no style attribute');
  assert.doesNotMatch(html, /\son[a-z]+=/i, 'no inline event handler');
  assert.doesNotMatch(html, /https?:\/\//i, 'no absolute URL to any host');
});

test('the server sends the CSP and serves the app under /app/', async () => {
  const response = await fetch(`${vigil.baseUrl}/app/`);
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
  const csp = response.headers.get('content-security-policy') ?? '';
  assert.match(csp, /script-src 'self'/);
  assert.match(csp, /style-src 'self'/);
  const app = await fetch(`${vigil.baseUrl}/app`, { redirect: 'manual' });
  assert.ok([301, 302, 303, 307, 308].includes(app.status), `/app redirects (got ${app.status})`);
  assert.match(app.headers.get('location') ?? '', /\/app\/$/);
});

test('loading and using the app logs no error and talks to no other origin', { timeout: 60_000 }, async () => {
  const browser = await launchBrowser();
  try {
    const { page, context } = browser;
    const watch = await watchPage(context, page, vigil.baseUrl);

    const response = await page.goto(`${vigil.baseUrl}/app`);
    assert.equal(new URL(page.url()).pathname, '/app/', '/app redirects to the app');
    assert.ok(response.headers()['content-security-policy'], 'the page is served with a CSP');
    await page.locator('#signin-name').waitFor();
    assert.deepEqual(await context.cookies(), [], 'no cookie before sign-in');

    await submitSignIn(page, vigil.user);
    await page.locator('nav.nav').waitFor();
    for (const capability of ['identify', 'warn', 'portal']) {
      await page.locator(`nav.nav a[href="#/${capability}"]`).click();
      await page.waitForFunction((hash) => location.hash === hash, `#/${capability}`);
    }
    await page.selectOption('#language-select', 'ar');
    await page.selectOption('#language-select', 'en');
    await page.reload();
    await page.locator('nav.nav').waitFor();

    const cookies = await context.cookies();
    assert.deepEqual(cookies.map((cookie) => cookie.name), ['vigil_session'], 'only the session cookie');

    const { seen } = watch;
    assert.deepEqual(await watch.cspViolations(), [], 'no CSP violation');
    assert.deepEqual(seen.pageErrors, [], 'no uncaught exception');
    // A signed-out visitor's GET /api/v1/session answers 401 by design; Chromium logs that
    // response as "Failed to load resource", which is the one console error accepted here.
    const errors = seen.consoleErrors.filter((entry) => !isExpectedSessionProbe(entry, vigil.baseUrl));
    assert.deepEqual(errors, [], 'no console error');
    assert.deepEqual(seen.foreignRequests, [], 'no request to another origin');
    assert.ok(seen.requests.some((url) => url.includes('/app/assets/')), 'assets were loaded');
  } finally {
    await browser.close();
  }
});

test('a wrong password logs nothing but the expected 401', { timeout: 60_000 }, async () => {
  const browser = await launchBrowser();
  try {
    const { page, context } = browser;
    const watch = await watchPage(context, page, vigil.baseUrl);
    await openSignIn(page, vigil.baseUrl);
    await submitSignIn(page, { name: vigil.user.name, password: 'definitely wrong password' });
    await page.getByRole('alert').filter({ hasText: /\S/ }).waitFor();
    assert.deepEqual(await watch.cspViolations(), []);
    assert.deepEqual(watch.seen.pageErrors, []);
    const unexpected = watch.seen.consoleErrors.filter(
      (entry) =>
        !isExpectedSessionProbe(entry, vigil.baseUrl),
    );
    assert.deepEqual(unexpected, [], 'only the 401 answers are logged');
    assert.deepEqual(await context.cookies(), []);
  } finally {
    await browser.close();
  }
});
