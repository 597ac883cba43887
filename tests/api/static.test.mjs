// The web app at /app: redirects, index fallback, MIME types, ETag and 304, gzip siblings, 404s.
// Uses node:http (rawHttp) so that paths and Accept-Encoding go out exactly as written.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import zlib from 'node:zlib';

import { FAKE_APP_JS, FAKE_INDEX_HTML, assertProblem, startVigil } from './harness.mjs';

const JS = '/app/assets/app-abc123.js';

describe('static files', () => {
  let server;
  before(async () => {
    server = await startVigil();
  });
  after(async () => {
    await server?.close();
  });

  // "/" belongs to the public portal (tests/e2e/portal.test.mjs): it redirects to /{lang}/.
  test('/app redirects to /app/ and / to the portal', async () => {
    for (const [p, expected] of [['/app', '/app/'], ['/', '/en/']]) {
      const res = await server.raw('GET', p);
      assert.equal(res.status, 302, `${p} → ${res.status}`);
      const target = new URL(res.headers.location, server.baseUrl);
      assert.equal(target.origin, server.baseUrl, `${p} redirects within the site`);
      assert.equal(target.pathname, expected, `${p} redirects to ${expected}`);
    }
  });

  test('/app/ serves index.html as text/html', async () => {
    const res = await server.raw('GET', '/app/');
    assert.equal(res.status, 200);
    assert.match(res.headers['content-type'], /^text\/html(;|$)/);
    assert.equal(res.text, FAKE_INDEX_HTML);
  });

  test('an unknown app route without a dot serves index.html', async () => {
    for (const p of ['/app/some/route', '/app/cases/42', '/app/settings']) {
      const res = await server.raw('GET', p);
      assert.equal(res.status, 200, `${p} → ${res.status}`);
      assert.match(res.headers['content-type'], /^text\/html/, p);
      assert.equal(res.text, FAKE_INDEX_HTML, p);
    }
  });

  test('a missing file is 404 not-found, not the index', async () => {
    for (const p of ['/app/missing.js', '/app/assets/missing.css', '/app/assets/app-abc124.js']) {
      assertProblem(await server.raw('GET', p), 404, 'not-found', p);
    }
  });

  test('an asset is served as text/javascript with an ETag; If-None-Match gives 304', async () => {
    const res = await server.raw('GET', JS);
    assert.equal(res.status, 200);
    assert.match(res.headers['content-type'], /^text\/javascript(;|$)/);
    assert.equal(res.headers['content-encoding'], undefined, 'identity without Accept-Encoding');
    assert.equal(res.text, FAKE_APP_JS);
    const etag = res.headers.etag;
    assert.match(etag ?? '', /^(W\/)?"[^"]+"$/, `a quoted ETag: ${etag}`);

    const again = await server.raw('GET', JS, { headers: { 'if-none-match': etag } });
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0, '304 has no body');
    assert.equal(again.headers.etag, etag, '304 repeats the ETag');

    const stale = await server.raw('GET', JS, { headers: { 'if-none-match': '"something-else"' } });
    assert.equal(stale.status, 200, 'a different ETag gets the full file');
    assert.equal(stale.text, FAKE_APP_JS);

    const listed = await server.raw('GET', JS, { headers: { 'if-none-match': `"x", ${etag}` } });
    assert.equal(listed.status, 304, 'an ETag in a list matches');
  });

  test('Accept-Encoding: gzip serves the .gz sibling with Content-Encoding: gzip', async () => {
    const res = await server.raw('GET', JS, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-encoding'], 'gzip');
    assert.match(res.headers['content-type'], /^text\/javascript/, 'the type of the original, not gzip');
    assert.match(res.headers.vary ?? '', /accept-encoding/i, 'Vary: Accept-Encoding');
    assert.equal(zlib.gunzipSync(res.body).toString('utf8'), FAKE_APP_JS);
    assert.ok(res.body.length < Buffer.byteLength(FAKE_APP_JS), 'smaller than the original');

    const plain = await server.raw('GET', JS);
    assert.notEqual(res.headers.etag, plain.headers.etag, 'gzip and identity have different ETags');

    const notModified = await server.raw('GET', JS, {
      headers: { 'accept-encoding': 'gzip', 'if-none-match': res.headers.etag },
    });
    assert.equal(notModified.status, 304);

    const refused = await server.raw('GET', JS, { headers: { 'accept-encoding': 'gzip;q=0' } });
    assert.equal(refused.status, 200);
    assert.notEqual(refused.headers['content-encoding'], 'gzip', 'gzip;q=0 refuses gzip');
    assert.equal(refused.text, FAKE_APP_JS);
  });

  test('traversal and NUL are 400 invalid-path', async () => {
    for (const p of ['/app/..%2f..%2fetc%2fpasswd', '/app/%2e%2e/x', '/app/a%00b', '/app/assets/%2e%2e%2f%2e%2e%2findex.html']) {
      const res = await server.raw('GET', p);
      assertProblem(res, 400, 'invalid-path', p);
    }
  });
});
