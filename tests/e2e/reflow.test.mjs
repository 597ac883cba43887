// WCAG 1.4.10 Reflow: at 320 CSS px nothing scrolls sideways, on any screen, in any language.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { launchBrowser, openSignIn, signIn, useVigil } from './harness.mjs';

const LANGUAGES = ['en', 'uk', 'ru', 'pl', 'ro', 'ar'];
const VIEWPORT = { width: 320, height: 640 };

const vigil = useVigil();

const scrollWidth = (page) => page.evaluate(() => document.documentElement.scrollWidth);

async function assertNoSideScroll(page, where) {
  const width = await scrollWidth(page);
  assert.ok(width <= VIEWPORT.width, `${where}: scrollWidth ${width} > ${VIEWPORT.width}`);
}

test('the sign-in screen fits 320 px', { timeout: 60_000 }, async () => {
  const browser = await launchBrowser({ viewport: VIEWPORT });
  try {
    const { page } = browser;
    await openSignIn(page, vigil.baseUrl);
    for (const lang of LANGUAGES) {
      await page.selectOption('#language-select', lang);
      await assertNoSideScroll(page, `sign-in (${lang})`);
    }
    // With an error showing too.
    await page.locator('form button[type="submit"]').click();
    await page.getByRole('alert').filter({ hasText: /\S/ }).waitFor();
    await assertNoSideScroll(page, 'sign-in with error');
  } finally {
    await browser.close();
  }
});

test('the shell fits 320 px and its navigation wraps', { timeout: 90_000 }, async () => {
  const browser = await launchBrowser({ viewport: VIEWPORT });
  try {
    const { page } = browser;
    await signIn(page, vigil.baseUrl, vigil.user);
    for (const lang of LANGUAGES) {
      await page.selectOption('#language-select', lang);
      await assertNoSideScroll(page, `shell start page (${lang})`);
      await page.goto(`${vigil.baseUrl}/app/#/directory`);
      await page.locator('nav.nav a[aria-current="page"]').waitFor();
      await assertNoSideScroll(page, `shell placeholder (${lang})`);
      await page.goto(`${vigil.baseUrl}/app/#/`);
    }
    // All nav links are on screen: wrapped, not cut off or pushed sideways.
    for (const link of await page.locator('nav.nav a').all()) {
      const box = await link.boundingBox();
      assert.ok(box && box.x >= 0 && box.x + box.width <= VIEWPORT.width + 0.5, 'nav link within 320 px');
    }
  } finally {
    await browser.close();
  }
});
