// The audit trail over HTTP: what gets recorded, pagination, and `vigil audit verify` afterwards.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';

import {
  PASSWORD,
  assertProblem,
  readAudit,
  runVigil,
  signIn,
  startVigil,
  walkPages,
} from './harness.mjs';

describe('audit trail over HTTP', () => {
  let server;
  let admin; // bearer token
  let alice; // admin session

  const findByRequest = (entries, requestId) => entries.filter((e) => e.request_id === requestId);

  before(async () => {
    server = await startVigil({
      users: [
        { name: 'alice', role: 'admin' },
        { name: 'carol', role: 'coordinator' },
      ],
      tokens: [
        { name: 'auditor', role: 'admin' },
        { name: 'coord-bot', role: 'coordinator' },
      ],
    });
    admin = server.tokens.auditor;
    alice = await signIn(server, 'alice');
  });
  after(async () => {
    await server?.close();
  });

  test('entries have the documented fields', async () => {
    const entries = await readAudit(server, admin);
    assert.ok(entries.length >= 4, 'the CLI set-up is audited');
    for (const e of entries) {
      assert.equal(typeof e.seq, 'number');
      assert.ok(Number.isInteger(e.seq) && e.seq > 0);
      for (const k of ['actor', 'role', 'action', 'object_type', 'object_id', 'outcome', 'request_id']) {
        assert.equal(typeof e[k], 'string', `${k} of entry ${e.seq} is a string`);
      }
      assert.equal(typeof e.time_ms, 'number');
      assert.ok(e.time_ms > 1.6e12, `time_ms of entry ${e.seq} is epoch milliseconds`);
      assert.match(e.hash, /^[0-9a-f]{64}$/, `hash of entry ${e.seq}`);
    }
    assert.equal(new Set(entries.map((e) => e.hash)).size, entries.length, 'hashes are distinct');
  });

  test('a failed sign-in is audited with outcome "denied"', async () => {
    const res = await server.request('POST', '/api/v1/session', {
      json: { name: 'carol', password: 'not the password at all' },
    });
    assertProblem(res, 401, 'invalid-credentials');
    const entries = findByRequest(await readAudit(server, admin), res.requestId);
    assert.equal(entries.length, 1, `one entry for request ${res.requestId}: ${JSON.stringify(entries)}`);
    assert.equal(entries[0].outcome, 'denied');
    assert.equal(entries[0].object_type, 'session');
    assert.ok(!JSON.stringify(entries[0]).includes('not the password'), 'no password in the audit');
  });

  test('a user creation is audited with actor, role, object and request id', async () => {
    const viaToken = await server.request('POST', '/api/v1/users', {
      token: admin,
      json: { name: 'created-by-token', role: 'viewer', password: PASSWORD },
    });
    assert.equal(viaToken.status, 201, viaToken.text);
    const viaSession = await server.request('POST', '/api/v1/users', {
      session: alice,
      json: { name: 'created-by-alice', role: 'screener', password: PASSWORD },
    });
    assert.equal(viaSession.status, 201, viaSession.text);

    const entries = await readAudit(server, admin);
    const [t] = findByRequest(entries, viaToken.requestId);
    assert.ok(t, `an entry for request ${viaToken.requestId}`);
    assert.deepEqual(
      { actor: t.actor, role: t.role, object_type: t.object_type, object_id: t.object_id, outcome: t.outcome },
      { actor: 'auditor', role: 'admin', object_type: 'user', object_id: String(viaToken.json.id), outcome: 'ok' },
    );
    assert.match(t.action, /user/);
    const [s] = findByRequest(entries, viaSession.requestId);
    assert.ok(s, `an entry for request ${viaSession.requestId}`);
    assert.deepEqual(
      { actor: s.actor, role: s.role, object_type: s.object_type, object_id: s.object_id, outcome: s.outcome },
      { actor: 'alice', role: 'admin', object_type: 'user', object_id: String(viaSession.json.id), outcome: 'ok' },
    );
    assert.ok(!JSON.stringify(entries).includes(PASSWORD), 'no password anywhere in the audit');
  });

  test('reading the audit is itself audited', async () => {
    const first = await server.request('GET', '/api/v1/audit?limit=1', { token: admin });
    assert.equal(first.status, 200, first.text);
    const entries = await readAudit(server, admin);
    const mine = findByRequest(entries, first.requestId);
    assert.equal(mine.length, 1, `one entry for the audit read ${first.requestId}`);
    assert.equal(mine[0].outcome, 'ok');
    assert.equal(mine[0].actor, 'auditor');
    assert.equal(mine[0].object_type, 'audit');
  });

  test('a coordinator may not read the audit, and the refusal is audited', async () => {
    const res = await server.request('GET', '/api/v1/audit', { token: server.tokens['coord-bot'] });
    assertProblem(res, 403, 'forbidden');
    const [e] = findByRequest(await readAudit(server, admin), res.requestId);
    assert.ok(e, 'an entry for the refused read');
    assert.equal(e.outcome, 'forbidden');
    assert.equal(e.actor, 'coord-bot');
    assert.equal(e.role, 'coordinator');
  });

  test('pagination with limit=2 walks every entry exactly once, in order', async () => {
    // Make sure there are plenty of entries.
    for (let i = 0; i < 3; i += 1) {
      await server.request('GET', '/api/v1/users?limit=1', { token: admin });
    }
    const { items, pages } = await walkPages(server, '/api/v1/audit', { limit: 2, auth: { token: admin } });
    assert.ok(pages.length >= 5, `several pages (${pages.length})`);
    const seqs = items.map((e) => e.seq);
    assert.equal(new Set(seqs).size, seqs.length, `no entry twice: ${seqs}`);
    for (let i = 0; i < seqs.length; i += 1) {
      assert.equal(seqs[i], i + 1, `entry ${i} has seq ${i + 1} (no gap, no reordering): ${seqs}`);
    }
    for (const p of pages.slice(0, -1)) assert.equal(p.json.items.length, 2, 'full pages hold 2');

    // The same entries, read in one go, are identical.
    const all = await readAudit(server, admin);
    assert.deepEqual(all.slice(0, items.length), items, 'paged and unpaged reads agree');
    // Each page read appended one audit.read entry: the walk saw all but the ones it caused last.
    assert.ok(all.length > items.length);
  });

  test('a bad cursor is 400 invalid-cursor; a bad limit is 400 validation', async () => {
    for (const cursor of ['garbage', 'djE6OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk', '%00', '-1', 'a'.repeat(300)]) {
      assertProblem(
        await server.request('GET', `/api/v1/audit?cursor=${encodeURIComponent(cursor)}`, { token: admin }),
        400,
        'invalid-cursor',
        `cursor ${cursor.slice(0, 20)}`,
      );
    }
    for (const limit of ['0', '-1', 'abc', '1000', '1.5']) {
      assertProblem(
        await server.request('GET', `/api/v1/audit?limit=${limit}`, { token: admin }),
        400,
        'validation',
        `limit ${limit}`,
      );
    }
  });

  test('after a clean stop, `vigil audit verify` says the chain is intact; a forged head is caught', async () => {
    const before = await readAudit(server, admin);
    await server.stop();
    assert.equal(server.exitInfo().code, 0, 'the server exits 0 on SIGTERM');

    const ok = await runVigil(['audit', 'verify', '--db', server.dbPath]);
    assert.equal(ok.code, 0, `verify exit code\n${ok.stdout}${ok.stderr}`);
    assert.match(`${ok.stdout}${ok.stderr}`, /intact/);
    // The count it names covers everything we saw, including the final read.
    const m = /(\d+) entries/.exec(`${ok.stdout}${ok.stderr}`);
    if (m) assert.ok(Number(m[1]) >= before.length, `verify counted ${m[1]} entries`);

    // A chain head kept outside the database: forging it (as if the tail had been cut) is noticed.
    const headFile = `${server.dbPath}.key.audit-head`;
    if (!existsSync(headFile)) return; // kept elsewhere by a later layout: nothing more to forge here
    const head = await readFile(headFile, 'utf8');
    const [count] = head.trim().split(/\s+/);
    await writeFile(headFile, `${count} ${'0'.repeat(64)}\n`);
    const bad = await runVigil(['audit', 'verify', '--db', server.dbPath]);
    assert.equal(bad.code, 1, `verify must fail on a forged head\n${bad.stdout}${bad.stderr}`);
    await writeFile(headFile, head);
  });
});
