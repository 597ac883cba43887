// Shared helpers for the HTTP API tests: a temporary database with accounts and API tokens made by
// the real `vigil` CLI, the real `vigil serve` on a free loopback port, and small HTTP clients
// (fetch for ordinary calls, node:http for raw paths, node:net for raw bytes).
//
// Only Node 20 built-ins are used. Environment:
//   VIGIL_BIN  path to the vigil binary (default: <repo>/build/vigil)
// Starting, waiting for and stopping the process is tests/support/vigil.mjs's work.

import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { PASSWORD, addToken, addUser, startServe } from '../support/vigil.mjs';

export {
  PASSWORD,
  REPO_ROOT,
  VIGIL_BIN,
  addToken,
  addUser,
  cleanEnv,
  freePort,
  runVigil,
  sleep,
} from '../support/vigil.mjs';

export const ROLES = ['admin', 'coordinator', 'caseworker', 'screener', 'analyst', 'viewer'];
export const PROBLEM_PREFIX = 'urn:vigil:problem:';

// ---------------------------------------------------------------------------------------------
// Temporary directories and the fake web app

/** A fresh temporary directory; removed by the returned cleanup(). */
export async function makeTempDir(prefix = 'vigil-api-') {
  return mkdtemp(path.join(os.tmpdir(), prefix));
}

export const FAKE_INDEX_HTML =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Vigil test shell</title>' +
  '<script type="module" src="/app/assets/app-abc123.js"></script></head><body><main id="app">' +
  'fake shell</main></body></html>\n';
export const FAKE_APP_JS = `// fake app bundle for the API tests\n${'console.log("vigil");\n'.repeat(64)}`;

/** A tiny web build: index.html, assets/app-abc123.js and its .gz sibling. */
export async function makeFakeWeb(dir) {
  const web = path.join(dir, 'web');
  await mkdir(path.join(web, 'assets'), { recursive: true });
  await writeFile(path.join(web, 'index.html'), FAKE_INDEX_HTML);
  await writeFile(path.join(web, 'assets', 'app-abc123.js'), FAKE_APP_JS);
  await writeFile(path.join(web, 'assets', 'app-abc123.js.gz'), zlib.gzipSync(FAKE_APP_JS));
  return web;
}

// ---------------------------------------------------------------------------------------------
// The server

/**
 * Makes a temp dir with a database, the given accounts and API tokens, a fake web build, then
 * starts `vigil serve` on a free loopback port and waits for GET /healthz → 200.
 *
 *   users:  [{ name, role, password? }]   (password defaults to PASSWORD)
 *   tokens: [{ name, role }]              (the tokens are returned in server.tokens[name])
 *   args:   extra `vigil serve` arguments;  env: extra environment (VIGIL_* from ours is dropped)
 *
 * Resolves with a Server: the process handle of startServe() in tests/support/vigil.mjs (baseUrl,
 * port, stop(), stderr(), exitInfo(), ...) plus dir, dbPath, webDir, tokens, logLines(), close(),
 * and the HTTP clients request(), raw() and socket() bound to it.
 */
export async function startVigil({ users = [], tokens = [], args = [], env = {} } = {}) {
  const dir = await makeTempDir();
  const dbPath = path.join(dir, 'vigil.db');
  let webDir;
  let proc;
  const tokenMap = {};
  try {
    webDir = await makeFakeWeb(dir);
    for (const u of users) await addUser(dbPath, u.name, u.role, u.password ?? PASSWORD);
    for (const t of tokens) tokenMap[t.name] = await addToken(dbPath, t.name, t.role);
    proc = await startServe({ dbPath, webDir, args, env, cwd: dir });
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }

  const { baseUrl, port } = proc;
  const server = {
    ...proc,
    dir,
    dbPath,
    webDir,
    tokens: tokenMap,
    /** The stderr lines (JSON log lines, one per line). */
    logLines: () => proc.stderr().split('\n').filter((line) => line.trim() !== ''),
    /** Stops the server (asserting a clean exit 0) and removes the temp dir. */
    async close({ keep = false } = {}) {
      const info = await proc.stop();
      if (!keep) await rm(dir, { recursive: true, force: true });
      assert.deepEqual(
        { code: info.code, signal: info.signal },
        { code: 0, signal: null },
        `vigil serve should exit 0 on SIGTERM\n${proc.stderr().slice(-4000)}`,
      );
    },
    /** fetch() against the server; see request(). */
    request: (method, urlPath, options = {}) => request(baseUrl, method, urlPath, options),
    /** Raw node:http request with the path sent exactly as given. */
    raw: (method, urlPath, options = {}) => rawHttp(port, method, urlPath, options),
    /** Raw bytes over a socket. */
    socket: (data, options = {}) => rawSocket(port, data, options),
  };
  return server;
}

// ---------------------------------------------------------------------------------------------
// HTTP clients

/**
 * One fetch() call. options:
 *   json     value sent as the JSON body (Content-Type: application/json)
 *   body     raw body (string/Buffer); contentType sets Content-Type
 *   token    bearer token
 *   session  { cookie, csrf } from signIn(); csrf is sent unless csrf: false / a string overrides
 *   csrf     X-CSRF-Token to send (overrides session.csrf; false = none)
 *   headers  extra headers
 * Resolves with { status, headers, text, json, setCookies, requestId }.
 */
export async function request(baseUrl, method, urlPath, options = {}) {
  const headers = { ...(options.headers ?? {}) };
  let body;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers['Content-Type'] ??= 'application/json';
  } else if (options.body !== undefined) {
    body = options.body;
  }
  if (options.contentType) headers['Content-Type'] = options.contentType;
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  if (options.session) headers.Cookie = `vigil_session=${options.session.cookie}`;
  if (options.cookie) headers.Cookie = options.cookie;
  const csrf = options.csrf !== undefined ? options.csrf : options.session?.csrf;
  const stateChanging = !['GET', 'HEAD'].includes(method);
  if (csrf && (stateChanging || options.csrf)) headers['X-CSRF-Token'] = csrf;

  const res = await fetch(`${baseUrl}${urlPath}`, {
    method,
    headers,
    body,
    redirect: 'manual',
    signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
  });
  const buffer = Buffer.from(await res.arrayBuffer());
  const text = buffer.toString('utf8');
  let json;
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json') && text !== '') {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  return {
    status: res.status,
    headers: res.headers,
    buffer,
    text,
    json,
    setCookies: res.headers.getSetCookie(),
    requestId: res.headers.get('x-request-id'),
  };
}

/**
 * A request through node:http, which sends the path byte for byte (fetch would normalise
 * `%2e%2e` and friends). Resolves with { status, headers (lower-case object), body (Buffer),
 * text, json }.
 */
export function rawHttp(port, method, urlPath, { headers = {}, body, timeoutMs = 15_000 } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method, path: urlPath, headers, agent: false },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const buf = Buffer.concat(chunks);
          const text = buf.toString('utf8');
          let json;
          if ((res.headers['content-type'] ?? '').includes('json') && text !== '') {
            try {
              json = JSON.parse(text);
            } catch {
              json = undefined;
            }
          }
          resolve({ status: res.statusCode, headers: res.headers, body: buf, text, json });
        });
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer in ${timeoutMs} ms`)));
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/**
 * Writes `data` (string/Buffer, or an array of chunks) to a fresh socket and collects what comes
 * back until the server closes the connection or `timeoutMs` passes. Write errors (the server
 * closed early) are recorded, not thrown. Resolves with
 *   { response: string, closed: boolean, timedOut: boolean, error?: string, elapsedMs, status? }
 * where status is the HTTP status of the first response line, if any.
 */
export function rawSocket(port, data, { timeoutMs = 10_000, endAfterWrite = false } = {}) {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = net.connect({ host: '127.0.0.1', port });
    const chunks = [];
    let error;
    let done = false;
    const finish = (closed, timedOut) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      const response = Buffer.concat(chunks).toString('latin1');
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(response);
      resolve({
        response,
        closed,
        timedOut,
        error,
        elapsedMs: Date.now() - started,
        status: m ? Number(m[1]) : undefined,
      });
    };
    const timer = setTimeout(() => finish(false, true), timeoutMs);
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', (e) => {
      error = e.code ?? e.message;
    });
    socket.on('close', () => finish(true, false));
    socket.on('connect', () => {
      const parts = Array.isArray(data) ? data : [data];
      const writeNext = (i) => {
        if (i >= parts.length || socket.destroyed) {
          if (endAfterWrite && !socket.destroyed) socket.end();
          return;
        }
        const ok = socket.write(parts[i], (e) => {
          if (e) error = e.code ?? e.message;
        });
        if (ok) setImmediate(() => writeNext(i + 1));
        else socket.once('drain', () => writeNext(i + 1));
      };
      writeNext(0);
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Sessions and assertions

/** Signs in; resolves with { cookie, csrf, user, res } or throws with the response. */
export async function signIn(server, name, password = PASSWORD) {
  const res = await server.request('POST', '/api/v1/session', { json: { name, password } });
  if (res.status !== 200) {
    throw new Error(`sign-in as ${name} answered ${res.status}: ${res.text}`);
  }
  const cookieLine = res.setCookies.find((c) => c.startsWith('vigil_session='));
  if (!cookieLine) throw new Error(`sign-in set no vigil_session cookie: ${res.setCookies}`);
  const cookie = cookieLine.slice('vigil_session='.length).split(';')[0];
  return { cookie, csrf: res.json.csrf_token, user: res.json.user, res };
}

/** Parses a Set-Cookie line into { name, value, attrs: {lower-case name: value|true} }. */
export function parseSetCookie(line) {
  const [pair, ...rest] = line.split(';').map((s) => s.trim());
  const eq = pair.indexOf('=');
  const attrs = {};
  for (const a of rest) {
    if (a === '') continue;
    const i = a.indexOf('=');
    if (i < 0) attrs[a.toLowerCase()] = true;
    else attrs[a.slice(0, i).toLowerCase()] = a.slice(i + 1);
  }
  return { name: pair.slice(0, eq), value: pair.slice(eq + 1), attrs };
}

function headerOf(res, name) {
  if (typeof res.headers?.get === 'function') return res.headers.get(name);
  const v = res.headers?.[name.toLowerCase()];
  return Array.isArray(v) ? v.join(', ') : v ?? null;
}
export { headerOf as header };

/** Asserts `res` is a problem+json answer with `status` and type urn:vigil:problem:`slug`. */
export function assertProblem(res, status, slug, context = '') {
  const where = `${context ? `${context}: ` : ''}got ${res.status} ${res.text?.slice(0, 300)}`;
  assert.equal(res.status, status, `status ${status} expected; ${where}`);
  const type = headerOf(res, 'content-type') ?? '';
  assert.match(type, /^application\/problem\+json/, `problem+json expected; ${where}`);
  assert.ok(res.json && typeof res.json === 'object', `a JSON problem body expected; ${where}`);
  assert.equal(res.json.type, `${PROBLEM_PREFIX}${slug}`, `problem type expected; ${where}`);
  assert.equal(res.json.status, status, `problem status member; ${where}`);
  assert.equal(typeof res.json.title, 'string', `problem title; ${where}`);
  assert.ok(res.json.title.length > 0, `problem title non-empty; ${where}`);
  assert.equal(typeof res.json.detail, 'string', `problem detail; ${where}`);
  const rid = headerOf(res, 'x-request-id');
  assert.equal(res.json.request_id, rid, `problem request_id equals X-Request-Id; ${where}`);
}

/** Walks a paginated list with ?limit=N, following next_cursor; returns every item in order. */
export async function walkPages(server, urlPath, { limit = 2, auth = {}, maxPages = 1000 } = {}) {
  const items = [];
  const pages = [];
  let cursor = null;
  for (let page = 0; page < maxPages; page += 1) {
    const sep = urlPath.includes('?') ? '&' : '?';
    const q = `${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const res = await server.request('GET', `${urlPath}${q}`, auth);
    assert.equal(res.status, 200, `page ${page} of ${urlPath}: ${res.status} ${res.text}`);
    assert.ok(Array.isArray(res.json.items), 'items is an array');
    assert.ok(res.json.items.length <= limit, `page holds at most ${limit} items`);
    assert.ok(
      res.json.next_cursor === null || typeof res.json.next_cursor === 'string',
      `next_cursor is a string or null: ${JSON.stringify(res.json.next_cursor)}`,
    );
    items.push(...res.json.items);
    pages.push(res);
    cursor = res.json.next_cursor;
    if (cursor === null) return { items, pages };
  }
  throw new Error(`${urlPath} did not end after ${maxPages} pages`);
}

/** Every audit entry (admin token), in order. */
export async function readAudit(server, adminToken, limit = 200) {
  const { items } = await walkPages(server, '/api/v1/audit', { limit, auth: { token: adminToken } });
  return items;
}
