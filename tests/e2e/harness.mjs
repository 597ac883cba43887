// Shared helpers for the browser tests: create a user and start the real `vigil` binary on a free
// loopback port with a temporary database, and drive Debian's Chromium through playwright-core.
//
// Environment:
//   VIGIL_BIN  path to the vigil binary (default: <repo>/build/vigil)
//   VIGIL_WEB  path to the built web app (default: <repo>/web/dist)

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const WEB_DIR = path.join(REPO_ROOT, 'web');
export const WEB_DIST = process.env.VIGIL_WEB
  ? path.resolve(process.env.VIGIL_WEB)
  : path.join(WEB_DIR, 'dist');
export const VIGIL_BIN = process.env.VIGIL_BIN
  ? path.resolve(process.env.VIGIL_BIN)
  : path.join(REPO_ROOT, 'build', 'vigil');

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

const HEALTH_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 10_000;
const COMMAND_TIMEOUT_MS = 30_000;

/** The password every test user gets (the CLI requires at least 12 characters). */
export const DEFAULT_PASSWORD = 'correct horse battery staple';

/** The shell's English catalogue and any other language's, as the tests read them. */
export async function loadCatalogue(lang) {
  const file = path.join(WEB_DIR, 'src', 'i18n', `${lang}.json`);
  return JSON.parse(await readFile(file, 'utf8'));
}

function requireFile(file, hint) {
  if (!existsSync(file)) throw new Error(`${file} is missing: ${hint}`);
}

/** Runs `vigil <args>` with `input` on stdin; resolves with its exit code and output. */
export function runVigil(args, { input = '', timeoutMs = COMMAND_TIMEOUT_MS } = {}) {
  requireFile(VIGIL_BIN, 'build the server first (or set VIGIL_BIN)');
  return new Promise((resolve, reject) => {
    const child = spawn(VIGIL_BIN, args, { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`vigil ${args.join(' ')} did not finish in ${timeoutMs} ms\n${stderr}`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
    // The CLI may exit before reading stdin; that is its business, not a test failure.
    child.stdin.on('error', () => {});
    child.stdin.end(input);
  });
}

/** `vigil user add <name> --role <role> --db <db>` with the password as the first line of stdin. */
export async function createUser(dbPath, { name, role, password }) {
  const result = await runVigil(['user', 'add', name, '--role', role, '--db', dbPath], {
    input: `${password}\n`,
  });
  if (result.code !== 0) {
    throw new Error(
      `vigil user add ${name} exited ${result.code ?? result.signal}\n${result.stdout}${result.stderr}`,
    );
  }
  return result;
}

/** A TCP port that was free on 127.0.0.1 a moment ago. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts `vigil serve` on a free loopback port and waits until GET /healthz answers 200.
 * Resolves with { baseUrl, port, output(), stop() }; stop() sends SIGTERM and resolves with
 * { code, signal } once the process has exited.
 */
export async function startServer({ dbPath, webDir = WEB_DIST }) {
  requireFile(path.join(webDir, 'index.html'), 'run `npm run build` in web/ first');
  let lastError;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const port = await freePort();
    try {
      return await startServerOnPort({ dbPath, webDir, port });
    } catch (error) {
      // Another process may have taken the port between freePort() and bind(): try another.
      lastError = error;
    }
  }
  throw lastError;
}

async function startServerOnPort({ dbPath, webDir, port }) {
  requireFile(VIGIL_BIN, 'build the server first (or set VIGIL_BIN)');
  const listen = `127.0.0.1:${port}`;
  const child = spawn(VIGIL_BIN, ['serve', '--listen', listen, '--db', dbPath, '--web', webDir], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal }));
    child.on('error', (error) => resolve({ code: null, signal: null, error }));
  });
  let exitInfo = null;
  exited.then((info) => (exitInfo = info));

  const baseUrl = `http://${listen}`;
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (true) {
    if (exitInfo) {
      throw new Error(
        `vigil serve exited early (${exitInfo.error ?? exitInfo.code ?? exitInfo.signal})\n${output}`,
      );
    }
    try {
      const response = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      await exited;
      throw new Error(`vigil serve: /healthz not 200 within ${HEALTH_TIMEOUT_MS} ms\n${output}`);
    }
    await sleep(100);
  }

  return {
    baseUrl,
    port,
    output: () => output,
    async stop() {
      if (exitInfo) return exitInfo;
      child.kill('SIGTERM');
      let timer;
      const timedOut = new Promise((resolve) => {
        timer = setTimeout(() => resolve(null), STOP_TIMEOUT_MS);
      });
      const result = await Promise.race([exited, timedOut]);
      clearTimeout(timer);
      if (result) return result;
      child.kill('SIGKILL');
      await exited;
      return { code: null, signal: 'SIGKILL', timedOut: true };
    },
  };
}

/**
 * A temporary directory with a database holding the given users (default: alice, admin), and a
 * server on it. `user` is the first of `users`, each with its password.
 * stop() stops the server, removes the directory and resolves with the server's exit status.
 */
export async function startVigil({ users = [{ name: 'alice', role: 'admin' }] } = {}) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'vigil-e2e-'));
  const dbPath = path.join(dir, 'vigil.db');
  const accounts = users.map((user) => ({ password: DEFAULT_PASSWORD, ...user }));
  try {
    for (const account of accounts) await createUser(dbPath, account);
    const server = await startServer({ dbPath });
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
