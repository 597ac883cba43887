// Shared helpers for the browser tests: create a user and start the real `vigil` binary on a free
// loopback port with a temporary database, and drive Debian's Chromium through playwright-core.
//
// Environment:
//   VIGIL_BIN  path to the vigil binary (default: <repo>/build/vigil)
//   VIGIL_WEB  path to the built web app (default: <repo>/web/dist)
// Starting, waiting for and stopping the process is tests/support/vigil.mjs's work; like the API
// tests, the server gets none of our VIGIL_* variables.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { after, before } from 'node:test';
import * as vigilProcess from '../support/vigil.mjs';
import { REPO_ROOT } from '../support/vigil.mjs';

export { REPO_ROOT, VIGIL_BIN, freePort } from '../support/vigil.mjs';
export const WEB_DIR = path.join(REPO_ROOT, 'web');
export const WEB_DIST = process.env.VIGIL_WEB
  ? path.resolve(process.env.VIGIL_WEB)
  : path.join(WEB_DIR, 'dist');

// playwright-core is a devDependency of web/, not of the repository root.
const requireFromWeb = createRequire(path.join(WEB_DIR, 'package.json'));
const { chromium } = requireFromWeb('playwright-core');

export const CHROMIUM_PATH = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The password every test user gets (the CLI requires at least 12 characters). */
export const DEFAULT_PASSWORD = vigilProcess.PASSWORD;

/** The shell's English catalogue and any other language's, as the tests read them. */
export async function loadCatalogue(lang) {
  const file = path.join(WEB_DIR, 'src', 'i18n', `${lang}.json`);
  return JSON.parse(await readFile(file, 'utf8'));
}

function requireFile(file, hint) {
  if (!existsSync(file)) throw new Error(`${file} is missing: ${hint}`);
}

/** Runs `vigil <args>` in the repository root with `input` on stdin; resolves with its output. */
export function runVigil(args, { input = '', timeoutMs } = {}) {
  return vigilProcess.runVigil(args, { input, timeoutMs, cwd: REPO_ROOT });
}

/** `vigil user add <name> --role <role> --db <db>` with the password as the first line of stdin. */
export function createUser(dbPath, { name, role, password }) {
  return vigilProcess.addUser(dbPath, name, role, password, { cwd: REPO_ROOT });
}

/**
 * Starts `vigil serve` (in the repository root) on a free loopback port and waits until
 * GET /healthz answers 200. Resolves with { baseUrl, port, output(), stop(), ... }; stop() sends
 * SIGTERM and resolves with { code, signal } once the process has exited.
 */
export async function startServer({ dbPath, webDir = WEB_DIST, args = [] }) {
  requireFile(path.join(webDir, 'index.html'), 'run `npm run build` in web/ first');
  return vigilProcess.startServe({ dbPath, webDir, args, cwd: REPO_ROOT });
}

/**
 * A temporary directory with a database holding the given users (default: alice, admin), and a
 * server on it (`args`: extra `vigil serve` arguments, e.g. ['--data', dir]). `user` is the first
 * of `users`, each with its password.
 * stop() stops the server, removes the directory and resolves with the server's exit status.
 */
export async function startVigil({ users = [{ name: 'alice', role: 'admin' }], args = [] } = {}) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'vigil-e2e-'));
  const dbPath = path.join(dir, 'vigil.db');
  const accounts = users.map((user) => ({ password: DEFAULT_PASSWORD, ...user }));
  try {
    for (const account of accounts) await createUser(dbPath, account);
    const server = await startServer({ dbPath, args });
    return {
      ...server,
      dir,
      dbPath,
      user: accounts[0],
      users: accounts,
      async stop() {
        try {
          return await server.stop();
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * For a test file: starts vigil (startVigil(options)) before its tests and, after them, stops it
 * and asserts that it exited 0 on SIGTERM. Returns the object that before() fills with what
 * startVigil() resolves with (baseUrl, user, users, output(), stop(), ...).
 */
export function useVigil(options) {
  const vigil = {};
  let started = false;
  before(async () => {
    Object.assign(vigil, await startVigil(options));
    started = true;
  });
  after(async () => {
    if (!started) return;
    const exit = await vigil.stop();
    assert.deepEqual(exit, { code: 0, signal: null }, `vigil serve exit on SIGTERM\n${vigil.output()}`);
  });
  return vigil;
}

/**
 * Chromium with a fresh profile. Resolves with { context, page, close() }.
 * Options: viewport ({ width, height }), locale (sets navigator.language).
 */
export async function launchBrowser({ viewport = { width: 1280, height: 800 }, locale = 'en-US' } = {}) {
  requireFile(CHROMIUM_PATH, 'install Debian chromium (apt-get install chromium)');
  const profile = await mkdtemp(path.join(os.tmpdir(), 'vigil-e2e-chromium-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport,
      locale,
    });
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Records what a privacy- and CSP-minded reviewer would look for: console errors, uncaught
 * exceptions, CSP violations reported by the page, and requests to any other origin.
 * Call before the first navigation.
 */
export async function watchPage(context, page, baseUrl) {
  const origin = new URL(baseUrl).origin;
  const seen = { consoleErrors: [], pageErrors: [], foreignRequests: [], requests: [] };
  await context.addInitScript(() => {
    window.__vigilCspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__vigilCspViolations.push(
        `${event.violatedDirective} blocked ${event.blockedURI || '(inline)'}`,
      );
    });
  });
  page.on('console', (message) => {
    if (message.type() === 'error') {
      seen.consoleErrors.push({ text: message.text(), url: message.location()?.url ?? '' });
    }
  });
  page.on('pageerror', (error) => seen.pageErrors.push(String(error)));
  context.on('request', (request) => {
    const url = request.url();
    seen.requests.push(url);
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) seen.foreignRequests.push(url);
  });
  return {
    seen,
    cspViolations: () => page.evaluate(() => window.__vigilCspViolations ?? []),
  };
}

/** True for the console line Chromium prints for an expected 401 from GET /api/v1/session. */
export function isExpectedSessionProbe(entry, baseUrl) {
  return (
    entry.url === `${baseUrl}/api/v1/session` &&
    /status of 401/.test(entry.text) &&
    entry.text.startsWith('Failed to load resource')
  );
}

let axeSource;

/**
 * Runs axe-core (WCAG 2.x A and AA rules) on the page and resolves with its violations, each as
 * "rule-id: target, target". axe is evaluated through the DevTools protocol, so the page's CSP
 * stays in force and is not loosened for the test.
 */
export async function axeViolations(page) {
  axeSource ??= await readFile(requireFromWeb.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      resultTypes: ['violations'],
    });
    return result.violations.map(
      (violation) =>
        `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
  });
  return violations;
}

/** Opens the app and waits for the sign-in form. */
export async function openSignIn(page, baseUrl) {
  await page.goto(`${baseUrl}/app/`);
  await page.locator('#signin-name').waitFor();
}

/** Fills and submits the sign-in form with the mouse-free Playwright API. */
export async function submitSignIn(page, { name, password }) {
  await page.locator('#signin-name').fill(name);
  await page.locator('#signin-password').fill(password);
  await page.locator('form button[type="submit"]').click();
}

/** Signs in through the form and waits for the shell. */
export async function signIn(page, baseUrl, user) {
  await openSignIn(page, baseUrl);
  await submitSignIn(page, user);
  await page.locator('nav.nav').waitFor();
}
