// Sign-in, session read, sign-out; cookie attributes; disabling a user ends their sessions.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { PASSWORD, assertProblem, parseSetCookie, signIn, startVigil } from './harness.mjs';

describe('session: sign in, read, sign out', () => {
  let server;
  before(async () => {
    server = await startVigil({
      users: [
        { name: 'alice', role: 'admin' },
        { name: 'carol', role: 'caseworker' },
        { name: 'dave', role: 'viewer' },
      ],
      tokens: [{ name: 'robot', role: 'admin' }],
    });
  });
  after(async () => {
    await server?.close();
  });

  test('sign-in answers the CSRF token and the user, and sets a strict HttpOnly cookie', async () => {
    const res = await server.request('POST', '/api/v1/session', {
      json: { name: 'carol', password: PASSWORD },
    });
    assert.equal(res.status, 200, res.text);
    assert.match(res.headers.get('content-type'), /^application\/json/);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    assert.equal(typeof res.json.csrf_token, 'string');
    assert.ok(res.json.csrf_token.length >= 20, 'the CSRF token is long enough to be unguessable');
    assert.deepEqual(res.json.user, { name: 'carol', role: 'caseworker' });

    const cookies = res.setCookies.filter((c) => c.startsWith('vigil_session='));
    assert.equal(cookies.length, 1, `exactly one vigil_session cookie: ${res.setCookies}`);
    const c = parseSetCookie(cookies[0]);
    assert.match(c.value, /^[A-Za-z0-9_-]{32,}$/, 'the session id is long and URL-safe');
    assert.equal(c.attrs.path, '/');
    assert.equal(c.attrs.httponly, true, 'HttpOnly');
    assert.equal(c.attrs.samesite, 'Strict', 'SameSite=Strict');
    assert.equal(c.attrs['max-age'], '43200', 'Max-Age=43200 (12 h)');
    assert.equal(c.attrs.domain, undefined, 'no Domain attribute (host-only cookie)');
    assert.ok(!res.text.includes(c.value), 'the session id is not in the body');
    assert.notEqual(c.value, res.json.csrf_token, 'the CSRF token is not the session id');
  });

  test('GET /api/v1/session reads the session back with the same CSRF token', async () => {
    const s = await signIn(server, 'carol');
    const res = await server.request('GET', '/api/v1/session', { session: s });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.json.user, { name: 'carol', role: 'caseworker' });
    assert.equal(res.json.csrf_token, s.csrf);
    assert.equal(res.headers.get('cache-control'), 'no-store');
  });

  test('each sign-in makes a new session with its own cookie and CSRF token', async () => {
    const a = await signIn(server, 'carol');
    const b = await signIn(server, 'carol');
    assert.notEqual(a.cookie, b.cookie);
    assert.notEqual(a.csrf, b.csrf);
    for (const s of [a, b]) {
      const res = await server.request('GET', '/api/v1/session', { session: s });
      assert.equal(res.status, 200);
      assert.equal(res.json.csrf_token, s.csrf);
    }
  });

  test('without a cookie, or with an unknown one, the session read is 401 unauthenticated', async () => {
    assertProblem(await server.request('GET', '/api/v1/session'), 401, 'unauthenticated', 'no cookie');
    assertProblem(
      await server.request('GET', '/api/v1/session', {
        cookie: 'vigil_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      }),
      401,
      'unauthenticated',
      'unknown cookie',
    );
    assertProblem(
      await server.request('GET', '/api/v1/session', { token: 'vgl_not-a-real-token' }),
      401,
      'unauthenticated',
      'unknown bearer token',
    );
  });

  test('a wrong password or an unknown name is 401 invalid-credentials, alike, with no cookie', async () => {
    const secret = 'Wr0ng-but-Secret-Passw0rd';
    const wrong = await server.request('POST', '/api/v1/session', {
      json: { name: 'carol', password: secret },
    });
    assertProblem(wrong, 401, 'invalid-credentials', 'wrong password');
    assert.ok(!wrong.text.includes(secret), 'the password is not echoed');
    assert.deepEqual(
      wrong.setCookies.filter((c) => /^vigil_session=[^;]+/.test(c)),
      [],
      'no session cookie on failure',
    );

    const unknown = await server.request('POST', '/api/v1/session', {
      json: { name: 'nobody-here', password: secret },
    });
    assertProblem(unknown, 401, 'invalid-credentials', 'unknown name');
    assert.equal(unknown.json.title, wrong.json.title, 'unknown name and wrong password look alike');
    assert.equal(unknown.json.detail, wrong.json.detail, 'unknown name and wrong password look alike');
  });

  test('sign-in with a bad body is a 4xx problem, not a crash', async () => {
    assertProblem(
      await server.request('POST', '/api/v1/session', { json: { name: 'carol' } }),
      400,
      'validation',
      'missing password',
    );
    assertProblem(
      await server.request('POST', '/api/v1/session', { json: { name: 7, password: PASSWORD } }),
      400,
      'validation',
      'name not a string',
    );
    assertProblem(
      await server.request('POST', '/api/v1/session', {
        body: JSON.stringify({ name: 'carol', password: PASSWORD }),
        contentType: 'text/plain',
      }),
      415,
      'unsupported-media-type',
      'text/plain body',
    );
  });

  test('bearer tokens read the session as the token identity', async () => {
    const res = await server.request('GET', '/api/v1/session', { token: server.tokens.robot });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.json.user, { name: 'robot', role: 'admin' });
  });

  test('sign-out without the CSRF token is refused and leaves the session alive', async () => {
    const s = await signIn(server, 'carol');
    const res = await server.request('DELETE', '/api/v1/session', { session: s, csrf: false });
    assertProblem(res, 403, 'csrf');
    const check = await server.request('GET', '/api/v1/session', { session: s });
    assert.equal(check.status, 200, 'the session survives a refused sign-out');
  });

  test('sign-out answers 204, clears the cookie, and the old cookie no longer works', async () => {
    const s = await signIn(server, 'alice');
    const out = await server.request('DELETE', '/api/v1/session', { session: s });
    assert.equal(out.status, 204, out.text);
    assert.equal(out.text, '');
    const cleared = out.setCookies.filter((c) => c.startsWith('vigil_session='));
    assert.equal(cleared.length, 1, `one clearing cookie: ${out.setCookies}`);
    const c = parseSetCookie(cleared[0]);
    assert.equal(c.value, '', 'the cookie value is emptied');
    assert.equal(c.attrs['max-age'], '0', 'Max-Age=0');
    assert.equal(c.attrs.path, '/');

    assertProblem(
      await server.request('GET', '/api/v1/session', { session: s }),
      401,
      'unauthenticated',
      'old cookie after sign-out',
    );
    assertProblem(
      await server.request('GET', '/api/v1/users', { session: s }),
      401,
      'unauthenticated',
      'old cookie on an admin route',
    );
    assertProblem(
      await server.request('POST', '/api/v1/users', {
        session: s,
        json: { name: 'after-signout', role: 'viewer', password: PASSWORD },
      }),
      401,
      'unauthenticated',
      'old cookie and CSRF token on a state change',
    );
    assertProblem(
      await server.request('DELETE', '/api/v1/session', { session: s }),
      401,
      'unauthenticated',
      'second sign-out',
    );
  });

  test('disabling a user ends their sessions and stops them signing in', async () => {
    const s = await signIn(server, 'dave');
    assert.equal((await server.request('GET', '/api/v1/session', { session: s })).status, 200);

    const res = await server.request('POST', '/api/v1/users/dave/disable', {
      token: server.tokens.robot,
    });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.json.name, 'dave');
    assert.equal(res.json.disabled, true);

    assertProblem(
      await server.request('GET', '/api/v1/session', { session: s }),
      401,
      'unauthenticated',
      'session of a disabled user',
    );
    assertProblem(
      await server.request('POST', '/api/v1/session', { json: { name: 'dave', password: PASSWORD } }),
      401,
      'invalid-credentials',
      'sign-in of a disabled user',
    );
    // Others are untouched.
    const carol = await signIn(server, 'carol');
    assert.equal(carol.user.name, 'carol');
  });
});
