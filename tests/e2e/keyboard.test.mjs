// Keyboard only: skip link first, sign in, move through the sections and sign out without a mouse.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { launchBrowser, loadCatalogue, openSignIn, useVigil } from './harness.mjs';

let en;

before(async () => {
  en = await loadCatalogue('en');
});

const vigil = useVigil();

/** A short description of the focused element: tag, id or class, and its text. */
function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { tag: 'body' };
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id || null,
      className: typeof el.className === 'string' ? el.className : null,
      text: (el.textContent || '').trim(),
      href: el.getAttribute('href'),
      current: el.getAttribute('aria-current'),
    };
  });
}

/** True when the focused element draws a visible focus indicator. */
function hasFocusIndicator(page) {
  return page.evaluate(() => {
    const style = getComputedStyle(document.activeElement);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    return outline || style.boxShadow !== 'none';
  });
}

async function tabUntil(page, predicate, limit = 25) {
  for (let step = 0; step < limit; step += 1) {
    await page.keyboard.press('Tab');
    const element = await focused(page);
    if (predicate(element)) return element;
  }
  throw new Error('Tab never reached the expected element');
}

test('sign in, navigate and sign out with the keyboard alone', { timeout: 60_000 }, async () => {
  const browser = await launchBrowser();
  try {
    const { page } = browser;
    await openSignIn(page, vigil.baseUrl);

    // The first Tab reaches the skip link, which becomes visible.
    await page.keyboard.press('Tab');
    let element = await focused(page);
    assert.equal(element.className, 'skip-link');
    assert.equal(element.text, en.skip);
    const skipBox = await page.locator('.skip-link').boundingBox();
    assert.ok(skipBox && skipBox.width > 20 && skipBox.height > 20, 'focused skip link is visible');
    assert.ok(await hasFocusIndicator(page), 'skip link shows focus');

    // Enter moves focus to <main>; the next Tab is the first field of the form.
    await page.keyboard.press('Enter');
    assert.equal((await focused(page)).id, 'main');
    await page.keyboard.press('Tab');
    assert.equal((await focused(page)).id, 'signin-name');
    assert.ok(await hasFocusIndicator(page), 'name field shows focus');
    await page.keyboard.type(vigil.user.name);
    await page.keyboard.press('Tab');
    assert.equal((await focused(page)).id, 'signin-password');
    await page.keyboard.type(vigil.user.password);
    await page.keyboard.press('Enter');

    await page.locator('nav.nav').waitFor();
    assert.equal((await page.locator('.who-name').textContent()).trim(), vigil.user.name);
    // Focus lands on the page heading, not on <body>.
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1', null, {
      timeout: 5_000,
    });
    element = await focused(page);
    assert.equal(element.tag, 'h1');

    // Tab order from the top of the shell: skip link, header, then the sections in order.
    await page.evaluate(() => document.activeElement.blur());
    await page.evaluate(() => window.scrollTo(0, 0));
    const order = [];
    for (let step = 0; step < 12; step += 1) {
      await page.keyboard.press('Tab');
      const current = await focused(page);
      order.push(current.className === 'skip-link' ? 'skip' : current.id || current.href || current.text);
    }
    assert.deepEqual(order, [
      'skip',
      '#/',
      'language-select',
      en.signout,
      '#/knowledge',
      '#/identify',
      '#/cases',
      '#/insight',
      '#/monitor',
      '#/warn',
      '#/directory',
      '#/portal',
    ]);

    // Open Identify from the nav with Enter.
    await page.keyboard.press('Shift+Tab'); // back to Directory
    for (let step = 0; step < 5; step += 1) await page.keyboard.press('Shift+Tab');
    element = await focused(page);
    assert.equal(element.href, '#/identify');
    assert.ok(await hasFocusIndicator(page), 'nav link shows focus');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash === '#/identify');
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1', null, {
      timeout: 5_000,
    });
    const current = page.locator('nav.nav a[aria-current="page"]');
    assert.equal(await current.count(), 1);
    assert.equal(await current.getAttribute('href'), '#/identify');
    element = await focused(page);
    assert.equal(element.tag, 'h1');
    assert.equal(element.text, en['nav.identify']);

    // Sign out with the keyboard.
    element = await tabUntil(page, (el) => el.text === en.signout && el.tag === 'button');
    await page.keyboard.press('Enter');
    await page.locator('#signin-name').waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'signin-title', null, {
      timeout: 5_000,
    });
    element = await focused(page);
    assert.equal(element.id, 'signin-title', 'focus moves to the sign-in heading');
  } finally {
    await browser.close();
  }
});

test('an empty form is reported in the alert and focus goes to the missing field', { timeout: 60_000 }, async () => {
  const browser = await launchBrowser();
  try {
    const { page } = browser;
    await openSignIn(page, vigil.baseUrl);
    await page.locator('#signin-name').focus();
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: en['error.missingFields'] }).waitFor();
    assert.equal((await focused(page)).id, 'signin-name');
    await page.keyboard.type(vigil.user.name);
    await page.keyboard.press('Enter');
    assert.equal((await focused(page)).id, 'signin-password');
  } finally {
    await browser.close();
  }
});
