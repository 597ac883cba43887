// The screening interview (Identify): a whole triage in Ukrainian and in Arabic, answered by
// clicking, with the summary, saving and the printed view; and what a viewer sees instead.
import assert from 'node:assert/strict';
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

let en;

before(async () => {
  en = await loadCatalogue('en');
});

const vigil = useVigil({
  users: [
    { name: 'sam', role: 'screener' },
    { name: 'vera', role: 'viewer' },
  ],
});

const RULESET = '/api/v1/identify/rulesets/ilo-2009';

/** The ruleset as the API gives it in `lang`, fetched with the page's own session. */
function fetchRuleset(page, lang) {
  return page.evaluate(
    (url) => fetch(url, { cache: 'no-store' }).then((response) => response.json()),
    `${RULESET}?lang=${lang}`,
  );
}

/** What the interview shows now: a question (id and step), the triage decision or the summary. */
function screenOf(page) {
  return page.evaluate(() => {
    if (document.getElementById('summary-title')) return { kind: 'summary', token: 'summary' };
    if (document.getElementById('identify-triage-done')) return { kind: 'triageDone', token: 'triageDone' };
    const region = document.getElementById('interview');
    if (!region) return { kind: 'none', token: 'none' };
    const id = region.dataset.question;
    const step = region.dataset.step;
    return { kind: 'question', id, step: Number(step), token: `${id}:${step}` };
  });
}

async function nextScreen(page, previousToken) {
  await page.waitForFunction(
    (previous) => {
      const token = document.getElementById('summary-title')
        ? 'summary'
        : document.getElementById('identify-triage-done')
          ? 'triageDone'
          : (() => {
              const region = document.getElementById('interview');
              return region && region.getAttribute('aria-busy') !== 'true'
                ? `${region.dataset.question}:${region.dataset.step}`
                : 'none';
            })();
      return token !== 'none' && token !== previous;
    },
    previousToken,
    { timeout: 10_000 },
  );
  return screenOf(page);
}

const activeId = (page) => page.evaluate(() => document.activeElement?.id ?? null);

async function assertNoSideScroll(page, width, where) {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scrollWidth <= width, `${where}: scrollWidth ${scrollWidth} > ${width}`);
}

async function assertQuestionShown(page, ruleset, id) {
  const question = ruleset.questions.find((q) => q.id === id);
  assert.ok(question, `the API knows ${id}`);
  const region = page.locator('#interview');
  assert.equal(await region.getAttribute('lang'), ruleset.lang);
  assert.equal(await region.getAttribute('dir'), ruleset.lang === 'ar' ? 'rtl' : 'ltr');
  assert.equal((await page.locator('#question-prompt').textContent()).trim(), question.prompt, `${id} prompt`);
  assert.equal(
    (await region.locator('details.why summary').textContent()).trim(),
    ruleset.ui.why_we_ask,
    'why we ask is a disclosure in the interview language',
  );
  return question;
}

/** Clicks the answer button labelled `label` inside the interview region. */
async function clickAnswer(page, label) {
  await page.locator('#interview .answer-buttons').getByRole('button', { name: label, exact: true }).click();
}

/**
 * Signs in, opens Identify, starts a triage and switches the interview language to `lang` (at
 * the first question, or the second with `switchLate`), then answers until the summary: safety
 * "no", adult, labour, "yes" to everything else except the second indicator, which is declined.
 * When triage offers the full interview, stops there (or, with `continueFull`, goes on to the first
 * full question and then ends the interview). Returns what was answered and declined, and the
 * ruleset in `lang`.
 */
async function runTriage(page, lang, { switchLate = false, continueFull = false, viewportWidth } = {}) {
  await page.locator('nav.nav a[href="#/identify"]').click();
  await page.waitForFunction(() => location.hash === '#/identify');
  const triageButton = page.getByRole('button', { name: en['identify.triage'], exact: true });
  await triageButton.waitFor();
  const english = await fetchRuleset(page, 'en');
  const ruleset = await fetchRuleset(page, lang);
  assert.equal(ruleset.lang, lang);
  await triageButton.click();

  let screen = await nextScreen(page, 'none');
  assert.equal(screen.kind, 'question');
  // The safety questions open every protocol; the interview starts in the app's language.
  assert.equal(screen.id, 'safety.danger');
  await assertQuestionShown(page, english, screen.id);
  const progress = page.locator('#interview .progress');
  assert.match((await progress.textContent()).trim(), /^Question 1 of about \d+$/);

  let switched = false;
  const switchTo = async () => {
    await page.selectOption('#interview-language', lang);
    await page.waitForFunction((want) => document.getElementById('interview')?.lang === want, lang);
    // Same question, same place in the interview, now in the other language.
    assert.equal((await screenOf(page)).token, screen.token, 'switching language keeps the question');
    switched = true;
  };
  if (!switchLate) await switchTo();

  const answered = [];
  let declined = null;
  let indicators = 0;
  for (let turn = 0; turn < 40 && screen.kind === 'question'; turn += 1) {
    let justSwitched = false;
    if (!switched && screen.id === 'safety.controller_present') {
      await switchTo();
      justSwitched = true;
      assert.equal(screen.step, 1, 'the first answer is kept after switching');
    }
    const shown = switched ? ruleset : english;
    const question = await assertQuestionShown(page, shown, screen.id);
    if (turn > 0 && !justSwitched) {
      assert.equal(await activeId(page), 'question-prompt', `focus is on the new question (${screen.id})`);
    }
    const ui = shown.ui;
    const progressText = (await progress.textContent()).trim();
    assert.match(progressText, /\d+/, 'progress shows numbers');
    assert.equal(
      (await page.locator('[aria-live="polite"]').textContent()).trim(),
      progressText,
      'the live region announces the position of the new question',
    );
    if (viewportWidth) await assertNoSideScroll(page, viewportWidth, `question ${screen.id}`);

    let label;
    let value;
    if (screen.id === 'person.age') [value, label] = ['adult', question.options.adult];
    else if (screen.id === 'person.exploitation') [value, label] = ['labour', question.options.labour];
    else if (question.kind === 'safety') [value, label] = ['no', ui.no];
    else if (question.kind === 'indicator' && ++indicators === 2) [value, label] = ['declined', ui.declined];
    else [value, label] = ['yes', ui.yes];
    if (value === 'declined') declined = question;
    else answered.push(question);

    if (screen.id === 'person.exploitation') {
      // Keyboard only: from the question heading, Tab past "why we ask" to the first option.
      await page.locator('#question-prompt').focus();
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      assert.equal(
        await page.evaluate(() => document.activeElement?.dataset.answer),
        'labour',
        'Tab reaches the first answer',
      );
      await page.keyboard.press('Enter');
    } else {
      await clickAnswer(page, label);
    }
    screen = await nextScreen(page, screen.token);
  }

  assert.equal(screen.kind, 'triageDone', 'triage ends with the offer of the full interview');
  {
    assert.equal(await activeId(page), 'identify-triage-done');
    assert.ok(
      await page.getByRole('button', { name: en['identify.continueFull'], exact: true }).isVisible(),
      'the full interview is offered',
    );
    if (continueFull) {
      // The full interview goes on from here, with every answer kept.
      await page.getByRole('button', { name: en['identify.continueFull'], exact: true }).click();
      screen = await nextScreen(page, screen.token);
      assert.equal(screen.kind, 'question');
      assert.equal(screen.step, answered.length + 1, 'the answers so far are kept');
      assert.ok(!answered.some((q) => q.id === screen.id), 'an answered question is not asked again');
      await assertQuestionShown(page, ruleset, screen.id);
      assert.equal(await activeId(page), 'question-prompt');
      await page.getByRole('button', { name: en['identify.finish'], exact: true }).click();
    } else {
      await page.getByRole('button', { name: en['identify.stop'], exact: true }).click();
    }
    screen = await nextScreen(page, screen.token);
  }
  assert.equal(screen.kind, 'summary');
  assert.equal(await activeId(page), 'summary-title', 'focus moves to the summary');
  assert.ok(declined, 'one question was declined');
  return { ruleset, answered, declined };
}

async function checkSummary(page, { ruleset, answered, declined }, { viewportWidth } = {}) {
  const level = await page.locator('.part--referral .level').getAttribute('data-level');
  assert.ok(['refer', 'urgent'].includes(level), `referral level ${level}`);
  assert.equal((await page.locator('.part--referral .level').textContent()).trim(), en[`identify.level.${level}`]);
  assert.equal(
    (await page.locator('.part--referral .level-text').textContent()).trim(),
    ruleset.ui[`referral.${level}`],
    'the level is explained in the interview language',
  );
  assert.ok((await page.locator('.part--referral .reasons li').count()) > 0, 'reasons are listed');

  // The ILO part: the adult-labour set with its outcome and a "yes" indicator by label.
  const set = page.locator('.part--ilo .ilo-set[data-set="adult-labour"]');
  const outcome = await set.locator('.outcome').getAttribute('data-outcome');
  assert.ok(['indicated', 'not_indicated', 'undetermined'].includes(outcome));
  assert.equal((await set.locator('.outcome').textContent()).trim(), en[`identify.outcome.${outcome}`]);
  const dr01 = ruleset.questions.find((q) => q.id === 'DR-01');
  assert.ok((await set.textContent()).includes(dr01.label), 'a yes indicator is listed by its label');

  // The Palermo part is its own section, not inside the ILO part or the referral.
  const palermo = page.locator('section.part--palermo');
  assert.equal(await palermo.count(), 1);
  assert.equal(await page.locator('.part--ilo .part--palermo, .part--referral .part--palermo').count(), 0);
  assert.equal((await palermo.locator('dd[data-palermo="act"]').textContent()).trim(), en['identify.value.yes']);
  assert.equal((await palermo.locator('dd[data-palermo="purpose"]').textContent()).trim(), en['identify.value.yes']);
  assert.ok((await palermo.locator('dd[data-palermo="outcome"]').textContent()).trim() !== '');

  assert.equal((await page.locator('.summary .disclaimer').textContent()).trim(), ruleset.ui.disclaimer);
  assert.match(await page.locator('.ruleset-meta').textContent(), new RegExp(ruleset.version.replace(/\./g, '\\.')));
  assert.match(await page.locator('.ruleset-meta').textContent(), /pending verification/);
  assert.equal(await page.locator('details.unverified').getAttribute('open'), null, 'unverified items start collapsed');
  if (viewportWidth) await assertNoSideScroll(page, viewportWidth, 'summary');

  // Saving is a click, and shows the id the server returns.
  assert.equal(await page.locator('.saved').count(), 0, 'nothing is saved automatically');
  await page.getByRole('button', { name: en['identify.save'], exact: true }).click();
  await page.locator('.saved').waitFor();
  const savedText = (await page.locator('.saved').textContent()).trim();
  const id = /([0-9a-f]{16,})/.exec(savedText)?.[1];
  assert.ok(id, `the saved notice shows the id: ${savedText}`);
  assert.equal(await activeId(page), 'identify-saved', 'focus is on the saved notice');

  // The printed summary: no navigation or buttons; answers listed, the declined one left out.
  await page.emulateMedia({ media: 'print' });
  try {
    assert.equal(await page.locator('nav.nav').isVisible(), false, 'navigation hidden in print');
    assert.equal(await page.locator('.site-header').isVisible(), false, 'header hidden in print');
    assert.equal(await page.locator('#interview-language').isVisible(), false, 'language select hidden');
    for (const button of await page.locator('main button').all()) {
      assert.equal(await button.isVisible(), false, 'buttons hidden in print');
    }
    const printed = await page.locator('main').innerText();
    const list = page.locator('.answers-given');
    assert.ok(await list.isVisible(), 'the answers are printed');
    for (const question of answered) {
      assert.ok(await list.locator(`[data-question="${question.id}"]`).isVisible(), `${question.id} printed`);
    }
    assert.ok(printed.includes(answered.find((q) => q.id === 'DR-01').label), 'an answered label is printed');
    assert.equal(await list.locator(`[data-question="${declined.id}"]`).count(), 0, 'declined answer left out');
    assert.ok(!printed.includes(declined.label), `the declined question (${declined.label}) is not printed`);
    assert.ok(printed.includes(id), 'the printed summary carries the assessment id');
  } finally {
    await page.emulateMedia({ media: 'screen' });
  }
  return id;
}

async function assertClean(watch) {
  assert.deepEqual(await watch.cspViolations(), [], 'no CSP violation');
  assert.deepEqual(watch.seen.pageErrors, [], 'no uncaught exception');
  const errors = watch.seen.consoleErrors.filter((entry) => !isExpectedSessionProbe(entry, vigil.baseUrl));
  assert.deepEqual(errors, [], 'no console error');
  assert.deepEqual(watch.seen.foreignRequests, [], 'no request to another origin');
}

test('a whole triage in Ukrainian: summary, save and print', { timeout: 120_000 }, async () => {
  const browser = await launchBrowser();
  try {
    const { page, context } = browser;
    const watch = await watchPage(context, page, vigil.baseUrl);
    await signIn(page, vigil.baseUrl, vigil.user);
    const result = await runTriage(page, 'uk');
    // The shell stays in English: only the interview changed language.
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    assert.equal((await page.locator('main h1').textContent()).trim(), en['nav.identify']);
    assert.deepEqual(await axeViolations(page), [], 'the summary passes axe');
    await checkSummary(page, result);

    // A new interview starts over, with the language still Ukrainian.
    await page.getByRole('button', { name: en['identify.new'], exact: true }).click();
    await page.getByRole('button', { name: en['identify.triage'], exact: true }).waitFor();
    assert.equal(await activeId(page), 'identify-start');
    assert.equal(await page.locator('#interview-language').inputValue(), 'uk');
    await assertClean(watch);
  } finally {
    await browser.close();
  }
});

test('a whole triage in Arabic at 320 px: right to left, on to the full interview, summary, save and print', { timeout: 120_000 }, async () => {
  const width = 320;
  const browser = await launchBrowser({ viewport: { width, height: 640 } });
  try {
    const { page, context } = browser;
    const watch = await watchPage(context, page, vigil.baseUrl);
    await signIn(page, vigil.baseUrl, vigil.user);
    const result = await runTriage(page, 'ar', { switchLate: true, continueFull: true, viewportWidth: width });
    assert.match(await page.locator('.summary-meta').textContent(), new RegExp(en['identify.full']));
    assert.deepEqual(await axeViolations(page), [], 'the summary passes axe');
    await checkSummary(page, result, { viewportWidth: width });
    await assertClean(watch);
  } finally {
    await browser.close();
  }
});

test('Back undoes the last answer and Skip never shows a question again', { timeout: 60_000 }, async () => {
  const browser = await launchBrowser();
  try {
    const { page, context } = browser;
    const watch = await watchPage(context, page, vigil.baseUrl);
    await signIn(page, vigil.baseUrl, vigil.user);
    await page.goto(`${vigil.baseUrl}/app/#/identify`);
    const english = await fetchRuleset(page, 'en');
    await page.getByRole('button', { name: en['identify.full'], exact: true }).click();
    let screen = await nextScreen(page, 'none');
    assert.equal(screen.id, 'safety.danger', 'safety first');
    assert.equal(await page.locator('#interview').getByRole('button', { name: english.ui.back }).count(), 0);
    assert.deepEqual(await axeViolations(page), [], 'a question passes axe');

    await clickAnswer(page, english.ui.yes);
    screen = await nextScreen(page, screen.token);
    assert.equal(screen.id, 'safety.controller_present');
    // An answer of "yes" to danger is urgent: said at once, above the next question.
    assert.equal((await page.locator('.urgent-banner').textContent()).trim(), english.ui['referral.urgent']);
    await page.locator('#interview').getByRole('button', { name: english.ui.back, exact: true }).click();
    screen = await nextScreen(page, screen.token);
    assert.deepEqual([screen.id, screen.step], ['safety.danger', 0], 'Back shows the undone question');
    assert.equal(await activeId(page), 'question-prompt');
    await clickAnswer(page, english.ui.yes);
    screen = await nextScreen(page, screen.token);
    await clickAnswer(page, english.ui.no);
    screen = await nextScreen(page, screen.token);
    assert.equal(screen.id, 'person.age', 'the person questions follow the safety check');

    await page.locator('#interview').getByRole('button', { name: english.ui.skip, exact: true }).click();
    screen = await nextScreen(page, screen.token);
    assert.deepEqual([screen.id, screen.step], ['person.exploitation', 2], 'Skip records nothing');
    await page.locator('#interview').getByRole('button', { name: english.ui.skip, exact: true }).click();
    screen = await nextScreen(page, screen.token);

    const skippedId = screen.id;
    await page.locator('#interview').getByRole('button', { name: english.ui.skip, exact: true }).click();
    screen = await nextScreen(page, screen.token);
    assert.notEqual(screen.id, skippedId);
    await clickAnswer(page, english.ui.no);
    screen = await nextScreen(page, screen.token);
    await page.locator('#interview').getByRole('button', { name: english.ui.back, exact: true }).click();
    screen = await nextScreen(page, screen.token);
    assert.notEqual(screen.id, skippedId, 'a skipped question stays skipped');

    // The worker can end the interview at any point and see the summary.
    await page.getByRole('button', { name: en['identify.finish'], exact: true }).click();
    await page.locator('#summary-title').waitFor();
    assert.equal(await page.locator('.part--referral .level').getAttribute('data-level'), 'urgent');
    const listed = page.locator('.answers-given');
    assert.equal(await listed.locator('[data-question="safety.danger"]').count(), 1, 'an answer is listed');
    assert.equal(await listed.locator('[data-question="person.age"]').count(), 0, 'a skipped question is not');
    assert.equal(await listed.locator(`[data-question="${skippedId}"]`).count(), 0);
    await assertClean(watch);
  } finally {
    await browser.close();
  }
});

test('a viewer gets a clear message instead of the interview', { timeout: 60_000 }, async () => {
  const browser = await launchBrowser();
  try {
    const { page, context } = browser;
    const watch = await watchPage(context, page, vigil.baseUrl);
    await signIn(page, vigil.baseUrl, vigil.users[1]);
    await page.locator('nav.nav a[href="#/identify"]').click();
    const message = page.locator('#identify-forbidden');
    await message.waitFor();
    assert.equal((await message.textContent()).trim(), en['identify.forbidden']);
    assert.equal(await page.getByRole('button', { name: en['identify.triage'] }).count(), 0);
    assert.equal(await page.locator('#interview').count(), 0);
    assert.deepEqual(await axeViolations(page), []);
    await assertClean(watch);
  } finally {
    await browser.close();
  }
});
