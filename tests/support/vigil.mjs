// The `vigil` process, as the Node test suites drive it: the CLI (`runVigil`, accounts and API
// tokens) and `vigil serve` on a free loopback port, started, awaited on /healthz and stopped with
// SIGTERM. Shared by tests/api/harness.mjs and tests/e2e/harness.mjs.
//
// Only Node 20 built-ins are used. Environment:
//   VIGIL_BIN  path to the vigil binary (default: <repo>/build/vigil)
// No other VIGIL_* variable of ours reaches vigil (see cleanEnv): they would steer its settings.

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const VIGIL_BIN = process.env.VIGIL_BIN
  ? path.resolve(process.env.VIGIL_BIN)
  : path.join(REPO_ROOT, 'build', 'vigil');

/** The password every test account gets unless a test says otherwise (the CLI wants 12+). */
export const PASSWORD = 'correct horse battery staple';

const HEALTH_TIMEOUT_MS = 20_000;
const HEALTH_PROBE_TIMEOUT_MS = 1_000;
const HEALTH_POLL_MS = 50;
const STOP_TIMEOUT_MS = 10_000;
const COMMAND_TIMEOUT_MS = 30_000;
const PORT_ATTEMPTS = 3;

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function requireVigilBin() {
  if (!existsSync(VIGIL_BIN)) {
    throw new Error(`${VIGIL_BIN} is missing: build the server first (or set VIGIL_BIN)`);
  }
}

// ---------------------------------------------------------------------------------------------
// The CLI

/** Our environment without VIGIL_* settings (which would steer vigil), plus `extra`. */
export function cleanEnv(extra = {}) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('VIGIL_')) env[k] = v;
  return { ...env, ...extra };
}

/**
 * Runs `vigil <args>` with `input` on stdin; resolves with { code, signal, stdout, stderr }.
 * env defaults to cleanEnv(); cwd to ours.
 */
export function runVigil(args, { input = '', env, cwd, timeoutMs = COMMAND_TIMEOUT_MS } = {}) {
  requireVigilBin();
  return new Promise((resolve, reject) => {
    const child = spawn(VIGIL_BIN, args, {
      stdio: ['pipe', 'pipe', 'pipe'],
      cwd,
      env: env ?? cleanEnv(),
    });
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

/** runVigil(), throwing with the command's output unless it exits 0. */
async function runVigilOk(args, options) {
  const r = await runVigil(args, options);
  if (r.code !== 0) {
    throw new Error(
      `vigil ${args.slice(0, 3).join(' ')} exited ${r.code ?? r.signal}\n${r.stdout}${r.stderr}`,
    );
  }
  return r;
}

/**
 * `vigil user add NAME --role ROLE --db DB` with the password as the first line of stdin.
 * `options` go to runVigil() (cwd, env, timeoutMs).
 */
export function addUser(dbPath, name, role, password = PASSWORD, options = {}) {
  return runVigilOk(['user', 'add', name, '--role', role, '--db', dbPath], {
    ...options,
    input: `${password}\n`,
  });
}

/** `vigil token add NAME --role ROLE --db DB`; resolves with the token (stdout, one line). */
export async function addToken(dbPath, name, role, options = {}) {
  const r = await runVigilOk(['token', 'add', name, '--role', role, '--db', dbPath], options);
  const lines = r.stdout.split('\n').filter((line) => line.trim() !== '');
  if (lines.length !== 1) {
    throw new Error(`vigil token add printed ${lines.length} lines: ${r.stdout}`);
  }
  return lines[0].trim();
}

// ---------------------------------------------------------------------------------------------
// The server

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

/**
 * Starts `vigil serve --listen 127.0.0.1:PORT --db DB --web WEB ARGS...` on a free loopback port
 * and waits until GET /healthz answers 200; should the port be taken meanwhile, tries another.
 *
 *   args: extra `vigil serve` arguments;  env: extra environment (on top of cleanEnv());
 *   cwd:  the server's working directory (default: ours)
 *
 * Resolves with a handle:
 *   port, host ("127.0.0.1:PORT"), baseUrl, child, pid
 *   stdout(), stderr(), output()   what it wrote so far (output: both, in the order they came)
 *   exitInfo()                     null while it runs, then { code, signal } (or { ..., error })
 *   exited                         a promise of that
 *   stop(signal = 'SIGTERM')       sends `signal` and resolves with { code, signal } once it has
 *                                  exited; after STOP_TIMEOUT_MS it is killed and the answer also
 *                                  holds timedOut: true. Later calls give the same answer.
 */
export async function startServe({ dbPath, webDir, args = [], env = {}, cwd } = {}) {
  let lastError;
  for (let attempt = 0; attempt < PORT_ATTEMPTS; attempt += 1) {
    const port = await freePort();
    try {
      return await serveOnPort({ dbPath, webDir, port, args, env, cwd });
    } catch (error) {
      // Another process may have taken the port between freePort() and bind(): try another.
      lastError = error;
    }
  }
  throw lastError;
}

async function serveOnPort({ dbPath, webDir, port, args, env, cwd }) {
  requireVigilBin();
  const listen = `127.0.0.1:${port}`;
  const child = spawn(
    VIGIL_BIN,
    // The repository's data files (rulesets), unless the test passes its own --data.
    ['serve', '--listen', listen, '--db', dbPath, '--web', webDir,
      ...(args.includes('--data') ? [] : ['--data', path.join(REPO_ROOT, 'data')]), ...args],
    { stdio: ['ignore', 'pipe', 'pipe'], cwd, env: cleanEnv(env) },
  );
  let stdout = '';
  let stderr = '';
  let output = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
    output += chunk;
  });
  let exitInfo = null;
  const exited = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      exitInfo = { code, signal };
      resolve(exitInfo);
    });
    child.on('error', (error) => {
      exitInfo = { code: null, signal: null, error };
      resolve(exitInfo);
    });
  });

  const baseUrl = `http://${listen}`;
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  let healthy = false;
  while (!exitInfo && Date.now() < deadline) {
    try {
      const res = await fetch(`${baseUrl}/healthz`, {
        signal: AbortSignal.timeout(HEALTH_PROBE_TIMEOUT_MS),
      });
      await res.arrayBuffer();
      if (res.status === 200) {
        healthy = true;
        break;
      }
    } catch {
      // Not listening yet.
    }
    await sleep(HEALTH_POLL_MS);
  }
  if (!healthy) {
    if (!exitInfo) {
      child.kill('SIGKILL');
      await exited;
      throw new Error(
        `vigil serve on ${listen}: /healthz not 200 within ${HEALTH_TIMEOUT_MS} ms\n${output}`,
      );
    }
    throw new Error(
      `vigil serve on ${listen} exited early (${JSON.stringify(exitInfo)})\n${output}`,
    );
  }

  let stopping = null;
  return {
    port,
    host: listen,
    baseUrl,
    child,
    pid: child.pid,
    stdout: () => stdout,
    stderr: () => stderr,
    output: () => output,
    exitInfo: () => exitInfo,
    exited,
    stop(signal = 'SIGTERM') {
      stopping ??= (async () => {
        if (!exitInfo) child.kill(signal);
        let timer;
        const timedOut = new Promise((resolve) => {
          timer = setTimeout(() => resolve(null), STOP_TIMEOUT_MS);
        });
        const info = await Promise.race([exited, timedOut]);
        clearTimeout(timer);
        if (info) return info;
        child.kill('SIGKILL');
        return { ...(await exited), timedOut: true };
      })();
      return stopping;
    },
  };
}
