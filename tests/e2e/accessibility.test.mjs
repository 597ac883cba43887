// axe-core's WCAG 2.2 A/AA checks on each screen, left-to-right and right-to-left.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { axeViolations, launchBrowser, openSignIn, signIn, useVigil } from './harness.mjs';

const vigil = useVigil();

for (const lang of ['en', 'ar']) {
  test(`the sign-in screen passes axe (${lang})`, { timeout: 60_000 }, async () => {
    const browser = await launchBrowser();
    try {
      const { page } = browser;
      await openSignIn(page, vigil.baseUrl);
      await page.selectOption('#language-select', lang);
      assert.deepEqual(await axeViolations(page), [], 'empty form');
      await page.locator('form button[type="submit"]').click();
      await page.getByRole('alert').filter({ hasText: /\S/ }).waitFor();
      assert.deepEqual(await axeViolations(page), [], 'with an error');
    } finally {
      await browser.close();
    }
  });

  test(`the shell passes axe (${lang})`, { timeout: 60_000 }, async () => {
    const browser = await launchBrowser();
    try {
      const { page } = browser;
      await signIn(page, vigil.baseUrl, vigil.user);
      await page.selectOption('#language-select', lang);
      assert.deepEqual(await axeViolations(page), [], 'start page');
      await page.goto(`${vigil.baseUrl}/app/#/directory`);
      await page.locator('nav.nav a[aria-current="page"]').waitFor();
      assert.deepEqual(await axeViolations(page), [], 'placeholder page');
      await page.goto(`${vigil.baseUrl}/app/#/no-such-page`);
      await page.locator('main h1').waitFor();
      assert.deepEqual(await axeViolations(page), [], 'not-found page');
    } finally {
      await browser.close();
    }
  });
}
