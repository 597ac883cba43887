// The route × role matrix, walked over HTTP from the server's own OpenAPI document: every operation
// is called with one API token per role (and with no credentials); a role listed in
// x-vigil-roles (or a public operation) must get through, any other role must get 403 forbidden
// and leave an audit entry with outcome "forbidden".

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { PASSWORD, ROLES, assertProblem, readAudit, startVigil } from './harness.mjs';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];
const PATH_PARAM_USER = 'matrix-target';

describe('route × role matrix', () => {
  let server;
  let spec;
  let operations;
  const forbiddenCalls = []; // { role, method, path, requestId }
  let signInCount = 0;
  let createCount = 0;

  before(async () => {
    server = await startVigil({
      users: [
        { name: 'alice', role: 'admin' },
        { name: PATH_PARAM_USER, role: 'viewer' },
        // One account per wrong-password sign-in, so that the per-account throttle never answers.
        ...[...ROLES, 'anonymous'].map((r) => ({ name: `signin-${r}`, role: 'viewer' })),
      ],
      tokens: ROLES.map((role) => ({ name: `token-${role}`, role })),
    });
    const res = await server.request('GET', '/api/v1/openapi.json');
    assert.equal(res.status, 200, res.text);
    spec = res.json;
    operations = [];
    for (const [p, item] of Object.entries(spec.paths)) {
      for (const m of METHODS) {
        if (item[m]) operations.push({ path: p, method: m.toUpperCase(), op: item[m] });
      }
    }
    // Sign-out last, in case a future change makes it revoke the caller's token.
    operations.sort((a, b) => rank(a) - rank(b));
  });
  after(async () => {
    await server?.close();
  });

  function rank(o) {
    return o.path === '/api/v1/session' && o.method === 'DELETE' ? 1 : 0;
  }

  function concretePath(p) {
    return p.replace(/\{[^}]+\}/g, encodeURIComponent(PATH_PARAM_USER));
  }

  function bodyFor(o, who) {
    if (o.method === 'POST' && o.path === '/api/v1/users') {
      createCount += 1;
      return { name: `matrix-${who}-${createCount}`, role: 'viewer', password: PASSWORD };
    }
    if (o.method === 'POST' && o.path === '/api/v1/session') {
      signInCount += 1;
      return { name: `signin-${who}`, password: `definitely wrong ${signInCount}` };
    }
    if (o.op.requestBody) return {};
    return undefined;
  }

  function call(o, who, token) {
    const json = bodyFor(o, who);
    return server.request(o.method, concretePath(o.path), { token, json });
  }

  test('the OpenAPI document is 3.1 and every operation declares known roles', () => {
    assert.match(spec.openapi, /^3\.1\./);
    assert.ok(operations.length >= 10, `found ${operations.length} operations`);
    for (const o of operations) {
      const roles = o.op['x-vigil-roles'];
      assert.ok(Array.isArray(roles), `${o.method} ${o.path} has x-vigil-roles`);
      for (const r of roles) assert.ok(ROLES.includes(r), `${o.method} ${o.path}: unknown role ${r}`);
      assert.equal(new Set(roles).size, roles.length, `${o.method} ${o.path}: no duplicate roles`);
    }
  });

  test('every documented path answers its documented methods, and 405 with Allow for others', async () => {
    for (const p of Object.keys(spec.paths)) {
      const documented = METHODS.filter((m) => spec.paths[p][m]).map((m) => m.toUpperCase());
      const undocumented = ['PUT', 'PATCH', 'DELETE', 'POST'].find((m) => !documented.includes(m));
      if (!undocumented) continue;
      const res = await server.request(undocumented, concretePath(p), { token: server.tokens['token-admin'] });
      assertProblem(res, 405, 'method-not-allowed', `${undocumented} ${p}`);
      const allow = (res.headers.get('allow') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
      for (const m of documented) assert.ok(allow.includes(m), `${p}: Allow ${allow} lists ${m}`);
      assert.ok(!allow.includes(undocumented), `${p}: Allow ${allow} does not list ${undocumented}`);
    }
  });

  test('each role gets through exactly the operations that list it, and 403 forbidden elsewhere', async () => {
    const failures = [];
    for (const role of ROLES) {
      const token = server.tokens[`token-${role}`];
      for (const o of operations) {
        const roles = o.op['x-vigil-roles'];
        const isPublic = roles.length === 0;
        const allowed = isPublic || roles.includes(role);
        const res = await call(o, role, token);
        const label = `${role} ${o.method} ${o.path} → ${res.status} ${res.text.slice(0, 160)}`;
        try {
          assert.ok(res.status < 500, 'never a 5xx');
          if (allowed) {
            if (o.method === 'POST' && o.path === '/api/v1/session') {
              assertProblem(res, 401, 'invalid-credentials', 'wrong password on sign-in');
            } else {
              assert.ok(res.status !== 401 && res.status !== 403, 'an allowed role gets through');
            }
          } else {
            assertProblem(res, 403, 'forbidden', 'a role not listed');
            forbiddenCalls.push({ role, method: o.method, path: o.path, requestId: res.requestId });
          }
        } catch (error) {
          failures.push(`${label}\n    ${error.message.split('\n')[0]}`);
        }
      }
    }
    assert.deepEqual(failures, [], `matrix failures:\n${failures.join('\n')}`);
    assert.ok(forbiddenCalls.length > 0, 'the matrix has forbidden cells');
  });

  test('without credentials, protected operations are 401 unauthenticated and public ones answer', async () => {
    const failures = [];
    for (const o of operations) {
      const isPublic = o.op['x-vigil-roles'].length === 0;
      const res = await call(o, 'anonymous', undefined);
      try {
        assert.ok(res.status < 500, 'never a 5xx');
        if (!isPublic) assertProblem(res, 401, 'unauthenticated');
        else if (o.method === 'POST' && o.path === '/api/v1/session') {
          assertProblem(res, 401, 'invalid-credentials');
        } else assert.ok(res.status !== 401 && res.status !== 403, 'public');
      } catch (error) {
        failures.push(`anonymous ${o.method} ${o.path} → ${res.status} ${res.text.slice(0, 160)}\n    ${error.message.split('\n')[0]}`);
      }
    }
    assert.deepEqual(failures, [], failures.join('\n'));
  });

  test('every forbidden call left an audit entry with outcome "forbidden"', async () => {
    assert.ok(forbiddenCalls.length > 0, 'the matrix test ran first');
    const entries = await readAudit(server, server.tokens['token-admin']);
    const byRequest = new Map();
    for (const e of entries) {
      if (!byRequest.has(e.request_id)) byRequest.set(e.request_id, []);
      byRequest.get(e.request_id).push(e);
    }
    const missing = [];
    for (const c of forbiddenCalls) {
      const found = (byRequest.get(c.requestId) ?? []).find((e) => e.outcome === 'forbidden');
      if (!found) {
        missing.push(`${c.role} ${c.method} ${c.path} (request ${c.requestId})`);
        continue;
      }
      assert.equal(found.actor, `token-${c.role}`, `actor of ${c.method} ${c.path}`);
      assert.equal(found.role, c.role, `role of ${c.method} ${c.path}`);
    }
    assert.deepEqual(missing, [], `forbidden calls without a "forbidden" audit entry:\n${missing.join('\n')}`);
  });
});
