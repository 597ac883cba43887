// Graceful shutdown: SIGTERM while sign-ins (Argon2id, tens of ms each) are in flight lets them
// finish with 200, then the process exits 0 with its database intact.

import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, test } from 'node:test';

import { PASSWORD, runVigil, sleep, startVigil } from './harness.mjs';

describe('graceful shutdown', () => {
  let server;
  before(async () => {
    server = await startVigil({
      users: [
        { name: 'alice', role: 'admin' },
        { name: 'bob', role: 'viewer' },
      ],
    });
  });
  after(async () => {
    await server?.close();
  });

  test('SIGTERM during sign-ins: they still get 200, then the process exits 0', async () => {
    let killedAt = 0;
    const signIns = ['alice', 'bob', 'alice'].map((name) =>
      server
        .request('POST', '/api/v1/session', { json: { name, password: PASSWORD } })
        .then((res) => ({ res, at: Date.now() }))
        .catch((error) => ({ error, at: Date.now() })),
    );
    // Let the requests reach the server and start hashing (≈70 ms each), then ask it to stop.
    await sleep(25);
    killedAt = Date.now();
    const stopping = server.stop('SIGTERM');

    const results = await Promise.all(signIns);
    for (const [i, r] of results.entries()) {
      assert.equal(r.error, undefined, `sign-in #${i} failed: ${r.error?.cause?.code ?? r.error}`);
      assert.equal(r.res.status, 200, `sign-in #${i}: ${r.res.status} ${r.res.text}`);
      assert.equal(typeof r.res.json.csrf_token, 'string');
      assert.ok(r.res.setCookies.some((c) => c.startsWith('vigil_session=')), 'a session cookie');
    }
    // At least one answer came after the signal, i.e. it really was in flight.
    assert.ok(
      results.some((r) => r.at >= killedAt),
      'a sign-in finished after SIGTERM (otherwise nothing was in flight)',
    );

    const exit = await stopping;
    assert.deepEqual({ code: exit.code, signal: exit.signal }, { code: 0, signal: null }, server.stderr());
  });

  test('after exit the port is closed and the log ends cleanly', async () => {
    const refused = await new Promise((resolve) => {
      const s = net.connect({ host: '127.0.0.1', port: server.port });
      s.on('connect', () => {
        s.destroy();
        resolve(false);
      });
      s.on('error', (e) => resolve(e.code === 'ECONNREFUSED'));
    });
    assert.equal(refused, true, 'nothing listens on the port any more');
    const entries = server.logLines().map((l) => JSON.parse(l));
    const signIns = entries.filter((e) => e.route === '/api/v1/session' && e.method === 'POST');
    assert.equal(signIns.length, 3, 'the three sign-ins were logged');
    for (const e of signIns) assert.equal(e.status, 200);
    assert.ok(!entries.some((e) => e.level === 'error'), `no error lines: ${server.stderr()}`);
  });

  test('the database was closed cleanly: the audit chain verifies', async () => {
    const r = await runVigil(['audit', 'verify', '--db', server.dbPath]);
    assert.equal(r.code, 0, `${r.stdout}${r.stderr}`);
    assert.match(`${r.stdout}${r.stderr}`, /intact/);
    const users = await runVigil(['user', 'list', '--db', server.dbPath]);
    assert.equal(users.code, 0, users.stderr);
    assert.match(users.stdout, /alice/);
  });
});
