// Language switching: Arabic sets lang/dir and mirrors the layout; the choice is remembered.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { launchBrowser, loadCatalogue, openSignIn, signIn, useVigil } from './harness.mjs';

const CAPABILITIES = ['knowledge', 'identify', 'cases', 'insight', 'monitor', 'warn', 'directory'];
const WIDTH = 1280;

const catalogues = {};

before(async () => {
  for (const lang of ['en', 'uk', 'ru', 'pl', 'ro', 'ar']) catalogues[lang] = await loadCatalogue(lang);
});

const vigil = useVigil();

const htmlLangDir = (page) =>
  page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]);

async function navTexts(page) {
  return (await page.locator('nav.nav a').allTextContents()).map((text) => text.trim());
}

async function box(locator) {
  const found = await locator.boundingBox();
  assert.ok(found, 'element is rendered');
  return found;
}

test('Arabic switches to right-to-left and mirrors the shell; English restores it', { timeout: 60_000 }, async () => {
  const browser = await launchBrowser({ viewport: { width: WIDTH, height: 800 } });
  try {
    const { page } = browser;
    await signIn(page, vigil.baseUrl, vigil.user);
    assert.deepEqual(await htmlLangDir(page), ['en', 'ltr']);

    const nav = page.locator('nav.nav');
    const brand = page.locator('.site-header .brand');
    const ltrNav = await box(nav);
    const ltrBrand = await box(brand);
    assert.ok(ltrNav.x < WIDTH / 4, `LTR: nav starts at the left (x=${ltrNav.x})`);
    assert.ok(ltrBrand.x < WIDTH / 4, `LTR: product name at the left (x=${ltrBrand.x})`);

    await page.selectOption('#language-select', 'ar');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    assert.deepEqual(await htmlLangDir(page), ['ar', 'rtl']);

    const ar = catalogues.ar;
    const texts = await navTexts(page);
    for (const capability of CAPABILITIES) {
      assert.ok(texts.includes(ar[`nav.${capability}`]), `nav has Arabic "${ar[`nav.${capability}`]}"`);
    }
    assert.ok(!texts.includes(catalogues.en['nav.knowledge']), 'no English left in the nav');
    assert.equal(await page.locator('label[for="language-select"]').textContent(), ar.language);
    assert.equal((await page.locator('.who-role').textContent()).trim(), ar['role.admin']);

    const rtlNav = await box(nav);
    const rtlBrand = await box(brand);
    assert.ok(rtlNav.x > WIDTH / 2, `RTL: nav moved to the right (x=${rtlNav.x})`);
    assert.ok(
      Math.abs(rtlNav.x + rtlNav.width - WIDTH) < 2,
      `RTL: nav ends at the right edge (x+width=${rtlNav.x + rtlNav.width})`,
    );
    assert.ok(rtlBrand.x + rtlBrand.width > (WIDTH * 3) / 4, `RTL: product name at the right`);
    const firstLink = await box(page.locator('nav.nav a').first());
    assert.ok(firstLink.x > WIDTH / 2, 'RTL: nav links are on the right');

    await page.selectOption('#language-select', 'en');
    await page.waitForFunction(() => document.documentElement.dir === 'ltr');
    assert.deepEqual(await htmlLangDir(page), ['en', 'ltr']);
    assert.equal((await navTexts(page))[0], catalogues.en['nav.knowledge']);
    const backNav = await box(nav);
    assert.ok(backNav.x < WIDTH / 4, 'LTR again: nav back at the left');
  } finally {
    await browser.close();
  }
});

test('every language translates the sign-in screen, and the choice survives a reload', { timeout: 60_000 }, async () => {
  const browser = await launchBrowser();
  try {
    const { page } = browser;
    await openSignIn(page, vigil.baseUrl);
    for (const [lang, messages] of Object.entries(catalogues)) {
      await page.selectOption('#language-select', lang);
      assert.deepEqual(await htmlLangDir(page), [lang, lang === 'ar' ? 'rtl' : 'ltr']);
      assert.equal((await page.locator('main h1').textContent()).trim(), messages['signin.title']);
      assert.equal(await page.locator('label[for="signin-name"]').textContent(), messages['signin.name']);
      // The title is set after the page renders: wait for it rather than read it at once.
      const title = `${messages['signin.title']} – ${messages['app.name']}`;
      await page.waitForFunction((want) => document.title === want, title).catch(() => {});
      assert.equal(await page.title(), title);
    }
    await page.selectOption('#language-select', 'pl');
    assert.equal(await page.evaluate(() => localStorage.getItem('vigil.lang')), 'pl');
    await page.reload();
    await page.locator('#signin-name').waitFor();
    assert.deepEqual(await htmlLangDir(page), ['pl', 'ltr']);
    assert.equal(await page.locator('#language-select').inputValue(), 'pl');
  } finally {
    await browser.close();
  }
});

test('the browser language picks the initial language', { timeout: 60_000 }, async () => {
  for (const [locale, expected] of [['uk-UA', 'uk'], ['ar-EG', 'ar'], ['de-DE', 'en']]) {
    const browser = await launchBrowser({ locale });
    try {
      const { page } = browser;
      await openSignIn(page, vigil.baseUrl);
      assert.deepEqual(await htmlLangDir(page), [expected, expected === 'ar' ? 'rtl' : 'ltr'], locale);
      assert.equal(
        (await page.locator('main h1').textContent()).trim(),
        catalogues[expected]['signin.title'],
      );
    } finally {
      await browser.close();
    }
  }
});
