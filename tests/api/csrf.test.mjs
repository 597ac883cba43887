// CSRF: state changes under a session cookie need X-CSRF-Token; bearer tokens need none; a foreign
// Origin is refused.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { PASSWORD, assertProblem, signIn, startVigil } from './harness.mjs';

describe('CSRF and cross-origin protection', () => {
  let server;
  let alice;
  let bob;
  let counter = 0;
  const fresh = (prefix) => `${prefix}-${(counter += 1)}`;
  const newUser = (name) => ({ name, role: 'viewer', password: PASSWORD });

  async function userExists(name) {
    const res = await server.request('GET', '/api/v1/users?limit=200', { token: server.tokens.robot });
    assert.equal(res.status, 200, res.text);
    return res.json.items.some((u) => u.name === name);
  }

  async function isDisabled(name) {
    const res = await server.request('GET', '/api/v1/users?limit=200', { token: server.tokens.robot });
    return res.json.items.find((u) => u.name === name)?.disabled;
  }

  before(async () => {
    server = await startVigil({
      users: [
        { name: 'alice', role: 'admin' },
        { name: 'bob', role: 'admin' },
        { name: 'victim', role: 'viewer' },
      ],
      tokens: [{ name: 'robot', role: 'admin' }],
    });
    alice = await signIn(server, 'alice');
    bob = await signIn(server, 'bob');
  });
  after(async () => {
    await server?.close();
  });

  test('a cookie-authenticated POST without X-CSRF-Token is 403 csrf and changes nothing', async () => {
    const name = fresh('nocsrf');
    const res = await server.request('POST', '/api/v1/users', {
      session: alice,
      csrf: false,
      json: newUser(name),
    });
    assertProblem(res, 403, 'csrf');
    assert.equal(await userExists(name), false, 'the user was not created');
  });

  test('a forged X-CSRF-Token is 403 csrf', async () => {
    for (const forged of ['forged', 'A'.repeat(alice.csrf.length), `${alice.csrf}x`, alice.csrf.slice(1), alice.cookie]) {
      const name = fresh('forged');
      const res = await server.request('POST', '/api/v1/users', {
        session: alice,
        csrf: forged,
        json: newUser(name),
      });
      assertProblem(res, 403, 'csrf', `token ${JSON.stringify(forged.slice(0, 12))}…`);
      assert.equal(await userExists(name), false, 'the user was not created');
    }
  });

  test("another session's CSRF token does not work with this session's cookie", async () => {
    const name = fresh('cross-session');
    const res = await server.request('POST', '/api/v1/users', {
      session: alice,
      csrf: bob.csrf,
      json: newUser(name),
    });
    assertProblem(res, 403, 'csrf');
    assert.equal(await userExists(name), false);
  });

  test('CSRF applies to every state-changing route: disable and sign-out', async () => {
    const disable = await server.request('POST', '/api/v1/users/victim/disable', {
      session: alice,
      csrf: false,
    });
    assertProblem(disable, 403, 'csrf', 'disable without CSRF');
    assert.equal(await isDisabled('victim'), false, 'victim is still enabled');

    const out = await server.request('DELETE', '/api/v1/session', { session: bob, csrf: 'nope' });
    assertProblem(out, 403, 'csrf', 'sign-out with a forged token');
    assert.equal((await server.request('GET', '/api/v1/session', { session: bob })).status, 200);
  });

  test('the right X-CSRF-Token lets the change through', async () => {
    const name = fresh('good');
    const res = await server.request('POST', '/api/v1/users', { session: alice, json: newUser(name) });
    assert.equal(res.status, 201, res.text);
    assert.equal(res.json.name, name);
    assert.equal(res.json.role, 'viewer');
    assert.ok(!('password' in res.json) && !res.text.includes(PASSWORD), 'no password in the answer');
    assert.equal(await userExists(name), true);
  });

  test('a bearer token needs no CSRF token', async () => {
    const name = fresh('bearer');
    const res = await server.request('POST', '/api/v1/users', {
      token: server.tokens.robot,
      json: newUser(name),
    });
    assert.equal(res.status, 201, res.text);
    assert.equal(await userExists(name), true);
  });

  test('a state change with a foreign Origin is 403 cross-origin, even with a valid CSRF token', async () => {
    for (const origin of ['http://evil.example', `http://127.0.0.1:${server.port + 1}`, 'null']) {
      const name = fresh('xorigin');
      const res = await server.request('POST', '/api/v1/users', {
        session: alice,
        json: newUser(name),
        headers: { Origin: origin },
      });
      assertProblem(res, 403, 'cross-origin', `cookie + CSRF, Origin ${origin}`);
      assert.equal(await userExists(name), false, `not created with Origin ${origin}`);
    }
  });

  test('a bearer request with a foreign Origin is refused too', async () => {
    const name = fresh('xorigin-bearer');
    const res = await server.request('POST', '/api/v1/users', {
      token: server.tokens.robot,
      json: newUser(name),
      headers: { Origin: 'http://evil.example' },
    });
    assertProblem(res, 403, 'cross-origin');
    assert.equal(await userExists(name), false);
  });

  test('a same-origin Origin header is accepted', async () => {
    const name = fresh('same-origin');
    const res = await server.request('POST', '/api/v1/users', {
      session: alice,
      json: newUser(name),
      headers: { Origin: server.baseUrl },
    });
    assert.equal(res.status, 201, res.text);
    assert.equal(await userExists(name), true);
  });

  test('no CORS: a foreign Origin gets no Access-Control-Allow-Origin', async () => {
    const res = await server.request('GET', '/api/v1/session', {
      session: alice,
      headers: { Origin: 'http://evil.example' },
    });
    assert.equal(res.headers.get('access-control-allow-origin'), null);
    assert.equal(res.headers.get('access-control-allow-credentials'), null);
  });
});
