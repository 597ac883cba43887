// Bad input: each case gets the right 4xx problem+json, never a 5xx, and the server and its data
// are intact afterwards.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { PASSWORD, assertProblem, signIn, startVigil } from './harness.mjs';

describe('bad input', () => {
  let server;
  let admin;
  let alice;

  const postUsers = (body, contentType = 'application/json', extra = {}) =>
    server.request('POST', '/api/v1/users', { token: admin, body, contentType, ...extra });

  before(async () => {
    server = await startVigil({
      users: [
        { name: 'alice', role: 'admin' },
        { name: 'keeper-one', role: 'viewer' },
        { name: 'keeper-two', role: 'caseworker' },
      ],
      tokens: [{ name: 'robot', role: 'admin' }],
    });
    admin = server.tokens.robot;
    alice = await signIn(server, 'alice');
  });
  after(async () => {
    await server?.close();
  });

  test('malformed JSON is 400 malformed-json', async () => {
    for (const body of ['{bad', '{"name":', '', 'null x', '{"name":"a",}', "{'name':'a'}", '\u0000']) {
      assertProblem(await postUsers(body), 400, 'malformed-json', `body ${JSON.stringify(body)}`);
    }
  });

  test('a JSON value that is not an object is 400', async () => {
    for (const body of ['[]', '[{"name":"x"}]', '"text"', '42', 'null', 'true']) {
      const res = await postUsers(body);
      assert.equal(res.status, 400, `body ${body}: ${res.text}`);
      assert.ok(
        ['urn:vigil:problem:malformed-json', 'urn:vigil:problem:validation'].includes(res.json?.type),
        `body ${body}: type ${res.json?.type}`,
      );
      assertProblem(res, 400, res.json.type.split(':').pop(), `body ${body}`);
    }
  });

  test('deeply nested JSON is refused, not a crash', async () => {
    const deep = `${'['.repeat(20000)}${']'.repeat(20000)}`;
    assertProblem(await postUsers(deep), 400, 'malformed-json', 'nested arrays');
    const deepObj = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
    assertProblem(await postUsers(deepObj), 400, 'malformed-json', 'nested objects');
  });

  test('unknown, missing and mistyped members are 400 validation', async () => {
    const cases = [
      [{ name: 'v-1', role: 'viewer', password: PASSWORD, extra: 1 }, 'unknown member'],
      [{ name: 'v-2', role: 'viewer', password: PASSWORD, is_admin: true }, 'unknown member'],
      [{ name: 'v-3', role: 'viewer' }, 'missing password'],
      [{ role: 'viewer', password: PASSWORD }, 'missing name'],
      [{ name: 'v-4', role: 5, password: PASSWORD }, 'role not a string'],
      [{ name: 'v-5', role: 'king', password: PASSWORD }, 'unknown role'],
      [{ name: ['v-6'], role: 'viewer', password: PASSWORD }, 'name not a string'],
      [{ name: 'v-7', role: 'viewer', password: null }, 'password null'],
      [{ name: '', role: 'viewer', password: PASSWORD }, 'empty name'],
      [{ name: 'a/../b', role: 'viewer', password: PASSWORD }, 'name with a slash'],
      [{ name: 'v\u0000x', role: 'viewer', password: PASSWORD }, 'name with NUL'],
    ];
    for (const [json, label] of cases) {
      assertProblem(await postUsers(JSON.stringify(json)), 400, 'validation', label);
    }
  });

  test('a short password is refused without being echoed', async () => {
    const pw = 'Sh0rt!pw';
    const res = await postUsers(JSON.stringify({ name: 'shorty', role: 'viewer', password: pw }));
    assertProblem(res, 400, 'validation');
    assert.ok(!res.text.includes(pw), `the password is not echoed: ${res.text}`);
    const broken = '{"name":"leaky","role":"viewer","password":"Hunter2-Hunter2-SECRET",';
    const res2 = await postUsers(broken);
    assertProblem(res2, 400, 'malformed-json');
    assert.ok(!res2.text.includes('Hunter2'), `no part of a broken body is echoed: ${res2.text}`);
  });

  test('a wrong or missing content type is 415 unsupported-media-type', async () => {
    const body = JSON.stringify({ name: 'ct-1', role: 'viewer', password: PASSWORD });
    for (const ct of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonx']) {
      assertProblem(await postUsers(body, ct), 415, 'unsupported-media-type', ct);
    }
    assertProblem(
      await server.request('POST', '/api/v1/users', { token: admin, body: Buffer.from(body) }),
      415,
      'unsupported-media-type',
      'no Content-Type',
    );
  });

  test('invalid UTF-8 in the body is 400 invalid-utf8', async () => {
    const bodies = [
      Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xff, 0xfe]), Buffer.from('","role":"viewer","password":"abcdefghijklmn"}')]),
      Buffer.concat([Buffer.from('{"name":"ab'), Buffer.from([0xc3]), Buffer.from('","role":"viewer","password":"abcdefghijklmn"}')]),
      // overlong encoding of '/'
      Buffer.concat([Buffer.from('{"name":"a'), Buffer.from([0xc0, 0xaf]), Buffer.from('","role":"viewer","password":"abcdefghijklmn"}')]),
      // UTF-16 surrogate encoded in UTF-8
      Buffer.concat([Buffer.from('{"name":"a'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('","role":"viewer","password":"abcdefghijklmn"}')]),
    ];
    for (const [i, body] of bodies.entries()) {
      assertProblem(await postUsers(body), 400, 'invalid-utf8', `invalid UTF-8 body #${i}`);
    }
  });

  test('a body over the limit (64 KiB) is 413 payload-too-large', async () => {
    const big = JSON.stringify({ name: 'big', role: 'viewer', password: 'x'.repeat(70_000) });
    assertProblem(await postUsers(big), 413, 'payload-too-large', '70 kB');
    const bigger = `{"pad":"${'a'.repeat(500_000)}"}`;
    assertProblem(await postUsers(bigger), 413, 'payload-too-large', '500 kB');
  });

  test('an unknown route is 404 not-found', async () => {
    for (const p of ['/api/v1/nope', '/api/v2/users', '/nope', '/api/v1/users/keeper-one', '/api/v1/users/keeper-one/explode', '/api']) {
      assertProblem(await server.request('GET', p, { token: admin }), 404, 'not-found', p);
    }
    assertProblem(await server.request('POST', '/api/v1/nope', { token: admin, json: {} }), 404, 'not-found', 'POST /api/v1/nope');
  });

  test('a wrong method is 405 method-not-allowed with an Allow header', async () => {
    const res = await server.request('PUT', '/api/v1/users', { token: admin, json: {} });
    assertProblem(res, 405, 'method-not-allowed');
    const allow = (res.headers.get('allow') ?? '').split(',').map((s) => s.trim());
    assert.ok(allow.includes('GET') && allow.includes('POST'), `Allow: ${res.headers.get('allow')}`);
    const del = await server.request('DELETE', '/api/v1/audit', { token: admin });
    assertProblem(del, 405, 'method-not-allowed');
    assert.equal(del.headers.get('allow'), 'GET');
    const patch = await server.request('PATCH', '/healthz');
    assertProblem(patch, 405, 'method-not-allowed');
    assert.match(patch.headers.get('allow') ?? '', /GET/);
  });

  test('missing or forged CSRF tokens are 403 csrf', async () => {
    const json = { name: 'csrf-x', role: 'viewer', password: PASSWORD };
    assertProblem(
      await server.request('POST', '/api/v1/users', { session: alice, csrf: false, json }),
      403,
      'csrf',
      'missing',
    );
    assertProblem(
      await server.request('POST', '/api/v1/users', { session: alice, csrf: 'forged-token', json }),
      403,
      'csrf',
      'forged',
    );
  });

  test('path traversal and NUL in paths are 400 invalid-path', async () => {
    const paths = [
      '/app/..%2f..%2fetc%2fpasswd',
      '/app/%2e%2e/x',
      '/app/%2E%2E/%2E%2E/etc/passwd',
      '/app/a%00b',
      '/app/assets/..%2f..%2f..%2fetc%2fpasswd',
      '/app/..%5c..%5cetc%5cpasswd',
      '/app/../../../etc/passwd',
      '/app/assets/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      '/api/v1/users/%2e%2e/disable',
    ];
    for (const p of paths) {
      const res = await server.raw('GET', p, { headers: { authorization: `Bearer ${admin}` } });
      assertProblem(res, 400, 'invalid-path', p);
      assert.ok(!res.text.includes('root:'), `${p} leaks no file`);
    }
  });

  test('an invalid limit is 400 validation; a bad cursor is 400 invalid-cursor', async () => {
    for (const q of ['limit=1000', 'limit=0', 'limit=-5', 'limit=abc', 'limit=1e3', 'limit=99999999999999999999']) {
      assertProblem(await server.request('GET', `/api/v1/users?${q}`, { token: admin }), 400, 'validation', q);
    }
    assertProblem(
      await server.request('GET', '/api/v1/users?cursor=not-a-cursor', { token: admin }),
      400,
      'invalid-cursor',
    );
  });

  test('weird headers and request shapes never produce a 5xx', async () => {
    const probes = [
      () => server.request('POST', '/api/v1/users', { token: admin, body: '{}', contentType: 'application/json; charset=latin1' }),
      () => server.request('GET', '/api/v1/users', { headers: { Authorization: 'Bearer' } }),
      () => server.request('GET', '/api/v1/users', { headers: { Authorization: 'Basic YWxpY2U6eA==' } }),
      () => server.request('GET', '/api/v1/users', { headers: { Authorization: `Bearer ${'x'.repeat(4000)}` } }),
      () => server.request('GET', '/api/v1/users', { cookie: 'vigil_session=' }),
      () => server.request('GET', '/api/v1/users', { cookie: `vigil_session=${'%'.repeat(100)}; vigil_session=x` }),
      () => server.request('POST', '/api/v1/session', { body: '{"name":"alice","password":"x"}', contentType: 'application/json', headers: { 'X-Forwarded-For': 'not-an-ip' } }),
      () => server.raw('GET', '/api/v1/users?limit=%zz&cursor=%ff%fe', { headers: { authorization: `Bearer ${admin}` } }),
      () => server.raw('GET', '/api/v1/users/%ff/disable', { headers: { authorization: `Bearer ${admin}` } }),
    ];
    for (const [i, probe] of probes.entries()) {
      const res = await probe();
      assert.ok(res.status >= 200 && res.status < 500, `probe #${i}: ${res.status} ${res.text?.slice(0, 200)}`);
    }
  });

  test('the server is still healthy and the earlier users still exist', async () => {
    const health = await server.request('GET', '/healthz');
    assert.equal(health.status, 200);
    assert.deepEqual(health.json, { status: 'ok' });
    const res = await server.request('GET', '/api/v1/users?limit=200', { token: admin });
    assert.equal(res.status, 200);
    const names = res.json.items.map((u) => u.name).sort();
    assert.deepEqual(names, ['alice', 'keeper-one', 'keeper-two'], 'exactly the users made at set-up');
    assert.equal(server.exitInfo(), null, 'the server did not exit');
  });
});
