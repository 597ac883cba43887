// Security headers on a sample of responses: 200 JSON, 401/404/405/400 problems, static files,
// 304, redirects.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { startVigil } from './harness.mjs';

function assertSecurityHeaders(res, label, { api }) {
  const h = (name) => {
    const v = res.headers[name];
    return Array.isArray(v) ? v.join(', ') : v;
  };
  const csp = h('content-security-policy');
  assert.ok(csp, `${label}: Content-Security-Policy present`);
  const directives = Object.fromEntries(
    csp.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
      const [name, ...values] = d.split(/\s+/);
      return [name.toLowerCase(), values];
    }),
  );
  assert.deepEqual(directives['default-src'], ["'self'"], `${label}: default-src 'self' (${csp})`);
  assert.deepEqual(directives['frame-ancestors'], ["'none'"], `${label}: frame-ancestors 'none' (${csp})`);
  assert.ok(!/unsafe-inline/i.test(csp), `${label}: no 'unsafe-inline' (${csp})`);
  assert.ok(!/unsafe-eval/i.test(csp), `${label}: no 'unsafe-eval' (${csp})`);
  assert.ok(!/https?:/i.test(csp), `${label}: no http(s) origins (${csp})`);
  assert.ok(!/(^|\s)\*(\s|;|$)/.test(csp), `${label}: no wildcard source (${csp})`);
  if (directives['script-src']) {
    assert.deepEqual(directives['script-src'], ["'self'"], `${label}: script-src 'self' only (${csp})`);
  }
  assert.equal(h('x-content-type-options'), 'nosniff', `${label}: X-Content-Type-Options`);
  assert.equal(h('referrer-policy'), 'no-referrer', `${label}: Referrer-Policy`);
  assert.ok((h('permissions-policy') ?? '').length > 0, `${label}: Permissions-Policy`);
  assert.match(h('x-request-id') ?? '', /^[0-9a-f]{16}$/, `${label}: X-Request-Id (${h('x-request-id')})`);
  if (api) assert.equal(h('cache-control'), 'no-store', `${label}: Cache-Control: no-store`);
  assert.equal(h('access-control-allow-origin'), undefined, `${label}: no CORS`);
}

describe('security headers', () => {
  let server;
  let etag;
  const seenIds = [];

  before(async () => {
    server = await startVigil({ tokens: [{ name: 'viewer-bot', role: 'viewer' }] });
    etag = (await server.raw('GET', '/app/assets/app-abc123.js')).headers.etag;
  });
  after(async () => {
    await server?.close();
  });

  const auth = () => ({ authorization: `Bearer ${server.tokens['viewer-bot']}` });
  const cases = [
    ['200 JSON /healthz', 'GET', '/healthz', {}, 200, true],
    ['200 JSON /readyz', 'GET', '/readyz', {}, 200, true],
    ['200 JSON /api/v1/version', 'GET', '/api/v1/version', {}, 200, true],
    ['200 JSON /api/v1/openapi.json', 'GET', '/api/v1/openapi.json', {}, 200, true],
    ['200 JSON session (bearer)', 'GET', '/api/v1/session', 'auth', 200, true],
    ['401 problem', 'GET', '/api/v1/users', {}, 401, true],
    ['403 problem', 'GET', '/api/v1/audit', 'auth', 403, true],
    ['404 problem (API)', 'GET', '/api/v1/nope', {}, 404, true],
    ['404 problem (static)', 'GET', '/app/missing.js', {}, 404, false],
    ['405 problem', 'PUT', '/healthz', {}, 405, true],
    ['400 invalid-path', 'GET', '/app/%2e%2e/x', {}, 400, false],
    ['302 redirect', 'GET', '/', {}, 302, false],
    ['200 index.html', 'GET', '/app/', {}, 200, false],
    ['200 static file', 'GET', '/app/assets/app-abc123.js', {}, 200, false],
    ['200 static file gzip', 'GET', '/app/assets/app-abc123.js', { 'accept-encoding': 'gzip' }, 200, false],
    ['304 not modified', 'GET', '/app/assets/app-abc123.js', 'etag', 304, false],
  ];

  for (const [label, method, p, headers, status, api] of cases) {
    test(label, async () => {
      let h = headers;
      if (headers === 'auth') h = auth();
      if (headers === 'etag') h = { 'if-none-match': etag };
      const res = await server.raw(method, p, { headers: h });
      assert.equal(res.status, status, `${label}: status (${res.text.slice(0, 200)})`);
      if (status >= 400) {
        assert.match(res.headers['content-type'] ?? '', /^application\/problem\+json/, `${label}: problem+json`);
        assert.equal(res.json?.request_id, res.headers['x-request-id'], `${label}: request_id matches`);
      }
      assertSecurityHeaders(res, label, { api });
      seenIds.push(res.headers['x-request-id']);
    });
  }

  test('security headers also on 413 and 415 answers', async () => {
    const big = await server.raw('POST', '/api/v1/users', {
      headers: { ...auth(), 'content-type': 'application/json' },
      body: 'x'.repeat(70_000),
    });
    assert.equal(big.status, 413);
    assertSecurityHeaders(big, '413', { api: true });
    const type = await server.raw('POST', '/api/v1/session', {
      headers: { 'content-type': 'text/plain' },
      body: '{}',
    });
    assert.equal(type.status, 415);
    assertSecurityHeaders(type, '415', { api: true });
  });

  test('request ids are unique per response and not taken from the client', async () => {
    assert.equal(new Set(seenIds).size, seenIds.length, `distinct ids: ${seenIds}`);
    const res = await server.raw('GET', '/healthz', { headers: { 'x-request-id': 'client-chosen-id' } });
    assert.match(res.headers['x-request-id'], /^[0-9a-f]{16}$/);
  });
});
