// Structured logs: JSON lines on stderr, one per request with request_id, method, route pattern,
// status and duration; never a password, query string, body, cookie or token.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { assertProblem, startVigil } from './harness.mjs';

const KNOWN_PASSWORD = 'Log-Test-Pa55word-Xyzzy-4417';

describe('logs', () => {
  let server;
  let lines;
  const secrets = {};
  const calls = []; // { requestId, method, status, route? }

  before(async () => {
    server = await startVigil({
      users: [
        { name: 'alice', role: 'admin', password: KNOWN_PASSWORD },
        { name: 'victim-user', role: 'viewer' },
      ],
      tokens: [{ name: 'robot', role: 'admin' }],
    });
    secrets.token = server.tokens.robot;

    const record = (res, method, route) => {
      calls.push({ requestId: res.requestId, method, status: res.status, route });
      return res;
    };

    // Sign in with a known password.
    const signIn = record(
      await server.request('POST', '/api/v1/session', { json: { name: 'alice', password: KNOWN_PASSWORD } }),
      'POST',
      '/api/v1/session',
    );
    assert.equal(signIn.status, 200, signIn.text);
    const cookieLine = signIn.setCookies.find((c) => c.startsWith('vigil_session='));
    secrets.cookie = cookieLine.split(';')[0].slice('vigil_session='.length);
    secrets.csrf = signIn.json.csrf_token;
    const session = { cookie: secrets.cookie, csrf: secrets.csrf };

    // A query string with a secret in it.
    const q = record(
      await server.request('GET', '/api/v1/users?limit=1&cursor=SECRETQUERY', { session }),
      'GET',
      '/api/v1/users',
    );
    assertProblem(q, 400, 'invalid-cursor');
    record(await server.request('GET', '/api/v1/users?limit=1&q=SECRETQUERY2', { session }), 'GET', '/api/v1/users');

    // A body with a password in it, one that is created and one that is malformed.
    record(
      await server.request('POST', '/api/v1/users', {
        session,
        json: { name: 'new-user', role: 'viewer', password: 'SECRETBODY-password-1' },
      }),
      'POST',
      '/api/v1/users',
    );
    record(
      await server.request('POST', '/api/v1/users', {
        session,
        body: '{"name":"x","password":"SECRETBODY-password-2",',
        contentType: 'application/json',
      }),
      'POST',
      '/api/v1/users',
    );
    // A wrong password.
    record(
      await server.request('POST', '/api/v1/session', { json: { name: 'alice', password: 'SECRETWRONG-password' } }),
      'POST',
      '/api/v1/session',
    );
    // Path parameters and unknown paths: the log names the route pattern, not the raw path.
    record(
      await server.request('POST', '/api/v1/users/victim-user/disable', { token: secrets.token }),
      'POST',
      '/api/v1/users/{name}/disable',
    );
    record(await server.request('GET', '/api/v1/SECRETPATH', { token: secrets.token }), 'GET');
    record(await server.request('GET', '/app/SECRETROUTE/deeper'), 'GET');
    record(await server.request('GET', '/api/v1/audit?limit=5', { token: secrets.token }), 'GET', '/api/v1/audit');
    record(await server.request('DELETE', '/api/v1/session', { session }), 'DELETE', '/api/v1/session');

    await server.stop();
    lines = server.logLines();
  });
  after(async () => {
    await server?.close();
  });

  test('the server exited 0 and logged something', () => {
    assert.equal(server.exitInfo().code, 0);
    assert.ok(lines.length >= calls.length, `${lines.length} lines for ${calls.length} requests`);
  });

  test('every stderr line is a JSON object with a level, a message and a time', () => {
    for (const line of lines) {
      let entry;
      assert.doesNotThrow(() => (entry = JSON.parse(line)), `not JSON: ${line}`);
      assert.equal(typeof entry, 'object', line);
      assert.equal(typeof entry.level, 'string', `level in ${line}`);
      assert.equal(typeof entry.msg, 'string', `msg in ${line}`);
      assert.ok(entry.ts || entry.time, `a timestamp in ${line}`);
    }
  });

  test('every request line has request_id, method, route, status and duration_ms', () => {
    const requests = lines.map((l) => JSON.parse(l)).filter((e) => 'status' in e || 'method' in e || e.msg === 'request');
    assert.ok(requests.length >= calls.length, `${requests.length} request lines`);
    for (const e of requests) {
      const s = JSON.stringify(e);
      assert.match(e.request_id ?? '', /^[0-9a-f]{16}$/, `request_id in ${s}`);
      assert.equal(typeof e.method, 'string', `method in ${s}`);
      assert.equal(typeof e.route, 'string', `route in ${s}`);
      assert.ok(Number.isInteger(e.status), `status in ${s}`);
      assert.equal(typeof e.duration_ms, 'number', `duration_ms in ${s}`);
      assert.ok(e.duration_ms >= 0, `duration_ms in ${s}`);
    }
  });

  test('each request we made is logged once, with its status and route pattern', () => {
    const entries = lines.map((l) => JSON.parse(l));
    for (const c of calls) {
      const mine = entries.filter((e) => e.request_id === c.requestId);
      assert.equal(mine.length, 1, `one log line for ${c.method} request ${c.requestId}`);
      assert.equal(mine[0].method, c.method);
      assert.equal(mine[0].status, c.status, `status of ${c.requestId}`);
      if (c.route) assert.equal(mine[0].route, c.route, `route of ${c.requestId}`);
      assert.ok(!mine[0].route.includes('?'), `no query in route ${mine[0].route}`);
    }
  });

  test('no password, query string, body, cookie, CSRF token, API token or raw path in the logs', () => {
    const all = server.stderr();
    const forbidden = {
      'the known password': KNOWN_PASSWORD,
      'the query string': 'SECRETQUERY',
      'a body': 'SECRETBODY',
      'a wrong password': 'SECRETWRONG',
      'the session cookie': secrets.cookie,
      'the CSRF token': secrets.csrf,
      'the API token': secrets.token,
      'a raw unknown path': 'SECRETPATH',
      'a raw app path': 'SECRETROUTE',
      'a path parameter': 'victim-user',
      'a default password': 'correct horse',
    };
    const leaks = Object.entries(forbidden)
      .filter(([, value]) => value && all.includes(value))
      .map(([label, value]) => `${label} (${value.slice(0, 24)}) in: ${all.split('\n').find((l) => l.includes(value))}`);
    assert.deepEqual(leaks, [], `leaks:\n${leaks.join('\n')}`);
  });
});
