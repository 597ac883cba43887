// Sign-in, session and sign-out through the real server.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import {
  launchBrowser,
  loadCatalogue,
  openSignIn,
  signIn,
  submitSignIn,
  useVigil,
} from './harness.mjs';

let en;

before(async () => {
  en = await loadCatalogue('en');
});

const vigil = useVigil({
  users: [
    { name: 'alice', role: 'admin' },
    { name: 'bob', role: 'viewer' },
    { name: 'carol', role: 'caseworker' },
  ],
});

const sessionStatus = (page) =>
  page.evaluate(() => fetch('/api/v1/session', { cache: 'no-store' }).then((r) => r.status));

test('a wrong password shows the alert; the right one opens the shell', { timeout: 60_000 }, async () => {
  const browser = await launchBrowser();
  try {
    const { page, context } = browser;
    await openSignIn(page, vigil.baseUrl);
    const alert = page.locator('#signin-error');
    assert.equal((await alert.textContent()).trim(), '', 'no error before the first attempt');
    assert.equal(await alert.getAttribute('role'), 'alert');

    await submitSignIn(page, { name: vigil.user.name, password: 'not the password at all' });
    await page.getByRole('alert').filter({ hasText: en['error.invalidCredentials'] }).waitFor();
    assert.equal(await page.locator('nav.nav').count(), 0, 'still on the sign-in screen');
    assert.equal(await page.locator('#signin-password').inputValue(), '', 'password cleared');
    assert.deepEqual(await context.cookies(), [], 'a failed sign-in sets no cookie');

    await submitSignIn(page, vigil.user);
    await page.locator('nav.nav').waitFor();
    assert.equal((await page.locator('.who-name').textContent()).trim(), vigil.user.name);
    assert.equal((await page.locator('.who-role').textContent()).trim(), en['role.admin']);
    assert.equal(await page.locator('#signin-name').count(), 0, 'sign-in form gone');

    const cookies = await context.cookies();
    assert.deepEqual(cookies.map((cookie) => cookie.name), ['vigil_session']);
    assert.equal(cookies[0].httpOnly, true, 'session cookie is HttpOnly');
    assert.equal(cookies[0].sameSite, 'Strict', 'session cookie is SameSite=Strict');
    assert.equal(cookies[0].path, '/');
    assert.equal(await sessionStatus(page), 200);
  } finally {
    await browser.close();
  }
});

test('the session survives a reload and deep links open their view', { timeout: 60_000 }, async () => {
  const browser = await launchBrowser();
  try {
    const { page } = browser;
    await signIn(page, vigil.baseUrl, vigil.user);
    await page.goto(`${vigil.baseUrl}/app/#/cases`);
    await page.locator('nav.nav').waitFor();
    const current = page.locator('nav.nav a[aria-current="page"]');
    assert.equal(await current.count(), 1);
    assert.equal((await current.textContent()).trim(), en['nav.cases']);
    assert.equal((await page.locator('main h1').textContent()).trim(), en['nav.cases']);
    const expected = en['placeholder.text'].replace('{name}', en['nav.cases']);
    await page.getByText(expected).waitFor();

    await page.reload();
    await page.locator('nav.nav').waitFor();
    assert.equal((await page.locator('.who-name').textContent()).trim(), vigil.user.name);
    assert.equal((await page.locator('main h1').textContent()).trim(), en['nav.cases']);
  } finally {
    await browser.close();
  }
});

test('signing out returns to the sign-in screen and ends the session', { timeout: 60_000 }, async () => {
  const browser = await launchBrowser();
  try {
    const { page, context } = browser;
    await signIn(page, vigil.baseUrl, vigil.user);
    assert.equal(await sessionStatus(page), 200);

    await page.getByRole('button', { name: en.signout }).click();
    await page.locator('#signin-name').waitFor();
    assert.equal(await page.locator('nav.nav').count(), 0);
    await page.getByRole('status').filter({ hasText: en['signin.signedOut'] }).waitFor();
    assert.equal(await sessionStatus(page), 401, 'GET /api/v1/session after sign-out');
    const left = (await context.cookies()).filter((cookie) => cookie.value !== '');
    assert.deepEqual(left, [], 'the session cookie is cleared');

    // And a reload stays signed out.
    await page.reload();
    await page.locator('#signin-name').waitFor();
  } finally {
    await browser.close();
  }
});

test('the role is shown translated', { timeout: 60_000 }, async () => {
  const uk = await loadCatalogue('uk');
  const browser = await launchBrowser();
  try {
    const { page } = browser;
    const bob = vigil.users.find((user) => user.name === 'bob');
    await signIn(page, vigil.baseUrl, bob);
    assert.equal((await page.locator('.who-name').textContent()).trim(), 'bob');
    assert.equal((await page.locator('.who-role').textContent()).trim(), en['role.viewer']);
    await page.selectOption('#language-select', 'uk');
    assert.equal((await page.locator('.who-role').textContent()).trim(), uk['role.viewer']);
  } finally {
    await browser.close();
  }
});

/** Submits the form and waits until the app has handled the server's answer. */
async function submitAndSettle(page, credentials) {
  const answered = page.waitForResponse(
    (response) =>
      response.url().endsWith('/api/v1/session') && response.request().method() === 'POST',
  );
  await submitSignIn(page, credentials);
  const response = await answered;
  await page.waitForFunction(
    () =>
      !document.querySelector('form button[aria-busy]') &&
      (document.getElementById('signin-error')?.textContent ?? '') !== '',
  );
  return response.status();
}

test('repeated wrong passwords are throttled with a clear message', { timeout: 90_000 }, async () => {
  const browser = await launchBrowser();
  try {
    const { page } = browser;
    const carol = vigil.users.find((user) => user.name === 'carol');
    await openSignIn(page, vigil.baseUrl);
    const alert = page.locator('#signin-error');
    let status = 0;
    for (let attempt = 1; attempt <= 8 && status !== 429; attempt += 1) {
      status = await submitAndSettle(page, { name: carol.name, password: `wrong password ${attempt}` });
      const expected = status === 429 ? en['error.tooManyAttempts'] : en['error.invalidCredentials'];
      assert.equal(await alert.textContent(), expected, `attempt ${attempt} (HTTP ${status})`);
    }
    assert.equal(status, 429, 'the server throttles repeated failures');
    // Even the right password is refused while throttled.
    assert.equal(await submitAndSettle(page, carol), 429);
    assert.equal(await alert.textContent(), en['error.tooManyAttempts']);
    assert.equal(await page.locator('nav.nav').count(), 0);
  } finally {
    await browser.close();
  }
});

test('when the session cannot be read the app says so and can retry', { timeout: 60_000 }, async () => {
  const browser = await launchBrowser();
  try {
    const { page } = browser;
    await page.route('**/api/v1/session', (route) => route.abort('connectionrefused'));
    await page.goto(`${vigil.baseUrl}/app/`);
    await page.getByRole('alert').filter({ hasText: en['error.network'] }).waitFor();
    assert.equal((await page.locator('main h1').textContent()).trim(), en['app.unreachable.title']);
    await page.unroute('**/api/v1/session');
    await page.getByRole('button', { name: en['app.retry'] }).click();
    await page.locator('#signin-name').waitFor();
  } finally {
    await browser.close();
  }
});
