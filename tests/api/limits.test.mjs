// Limits on header and body size, and the read timeout (slow-loris), over raw sockets.
// The tests in this file run concurrently, so the ~15 s slow-loris wait overlaps the others.

import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, test } from 'node:test';

import { startVigil } from './harness.mjs';

const MIB = 1024 * 1024;

/** A raw-socket outcome is acceptable if the connection was closed or answered with a 4xx. */
function assertRefused(r, label) {
  const summary = `${label}: ${JSON.stringify({ status: r.status, closed: r.closed, timedOut: r.timedOut, error: r.error, head: r.response.slice(0, 120) })}`;
  assert.equal(r.timedOut, false, `the server answered or closed in time; ${summary}`);
  if (r.status !== undefined) {
    assert.ok(r.status >= 400 && r.status < 500, `a 4xx, never a 5xx or a success; ${summary}`);
  } else {
    assert.equal(r.closed, true, `closed without a response; ${summary}`);
    assert.equal(r.response, '', `no partial garbage; ${summary}`);
  }
}

describe('limits', { concurrency: true }, () => {
  let server;
  let auth;

  before(async () => {
    server = await startVigil({ tokens: [{ name: 'robot', role: 'admin' }] });
    auth = `Authorization: Bearer ${server.tokens.robot}\r\n`;
  });
  after(async () => {
    await server?.close();
  });

  async function assertHealthy(label) {
    const res = await server.request('GET', '/healthz');
    assert.equal(res.status, 200, `healthy after ${label}`);
    assert.equal(server.exitInfo(), null, `the server is still running after ${label}`);
  }

  test('a header value over 8 KiB is refused (closed or 4xx)', async () => {
    const big = 'a'.repeat(9 * 1024);
    const r = await server.socket(
      `GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${big}\r\nConnection: close\r\n\r\n`,
    );
    assertRefused(r, '9 KiB header value');
    const cookie = await server.socket(
      `GET /api/v1/session HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: vigil_session=${'b'.repeat(64 * 1024)}\r\nConnection: close\r\n\r\n`,
    );
    assertRefused(cookie, '64 KiB cookie');
    const many = Array.from({ length: 3000 }, (_, i) => `X-H${i}: v\r\n`).join('');
    assertRefused(
      await server.socket(`GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n${many}Connection: close\r\n\r\n`),
      '3000 headers',
    );
    await assertHealthy('huge headers');
  });

  test('a body over 1 MiB is refused (closed or 4xx), whatever its framing', async () => {
    const body = Buffer.alloc(2 * MIB, 0x61);
    const parts = [];
    for (let i = 0; i < body.length; i += 64 * 1024) parts.push(body.subarray(i, i + 64 * 1024));
    const withLength = await server.socket([
      `POST /api/v1/users HTTP/1.1\r\nHost: 127.0.0.1\r\n${auth}Content-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`,
      ...parts,
    ]);
    assertRefused(withLength, '2 MiB with Content-Length');

    const chunked = [
      `POST /api/v1/users HTTP/1.1\r\nHost: 127.0.0.1\r\n${auth}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n`,
    ];
    for (const p of parts) chunked.push(`${p.length.toString(16)}\r\n`, p, '\r\n');
    chunked.push('0\r\n\r\n');
    assertRefused(await server.socket(chunked), '2 MiB chunked');

    // A huge declared length with hardly any body must not make the server wait or allocate.
    const declared = await server.socket(
      `POST /api/v1/users HTTP/1.1\r\nHost: 127.0.0.1\r\n${auth}Content-Type: application/json\r\nContent-Length: 10000000000\r\n\r\n{"a":`,
      { timeoutMs: 5000 },
    );
    assertRefused(declared, 'Content-Length 10 GB, body 5 bytes');
    await assertHealthy('huge bodies');
  });

  test('a body between 64 KiB and 1 MiB gets 413 payload-too-large', async () => {
    const body = 'a'.repeat(200_000);
    const r = await server.socket([
      `POST /api/v1/users HTTP/1.1\r\nHost: 127.0.0.1\r\n${auth}Content-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`,
      body,
    ]);
    assert.equal(r.status, 413, r.response.slice(0, 200));
    assert.match(r.response, /content-type: application\/problem\+json/i);
    assert.match(r.response, /urn:vigil:problem:payload-too-large/);
    await assertHealthy('a 200 kB body');
  });

  test('garbage and ambiguous framing are refused, not crashes', async () => {
    const probes = [
      ['TLS hello', Buffer.from([0x16, 0x03, 0x01, 0x00, 0xa5, 0x01, 0x00, 0x00, 0xa1, 0x03, 0x03])],
      ['not HTTP', 'HELLO WORLD\r\n\r\n'],
      ['Content-Length with Transfer-Encoding', `POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n0\r\n\r\n`],
      ['two Content-Lengths', `POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\nContent-Length: 5\r\nConnection: close\r\n\r\n{}`],
      ['bad chunk size', `POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`],
    ];
    for (const [label, data] of probes) {
      assertRefused(await server.socket(data, { timeoutMs: 5000 }), label);
    }
    await assertHealthy('garbage');
  });

  test('slow-loris: partial, idle and dribbling connections are closed by the read timeout', { timeout: 40_000 }, async () => {
    const LIMIT_MS = 20_000;
    const open = (label, first, dribbleMs) =>
      new Promise((resolve) => {
        const started = Date.now();
        const socket = net.connect({ host: '127.0.0.1', port: server.port });
        let timer;
        let received = '';
        socket.on('error', () => {});
        socket.on('data', (d) => (received += d.toString('latin1')));
        socket.on('connect', () => {
          if (first) socket.write(first);
          if (dribbleMs) {
            timer = setInterval(() => {
              if (!socket.destroyed) socket.write('X-Slow: 1\r\n', () => {});
            }, dribbleMs);
          }
        });
        const guard = setTimeout(() => {
          clearInterval(timer);
          socket.destroy();
          resolve({ label, closed: false, ms: Date.now() - started, received });
        }, LIMIT_MS + 2000);
        socket.on('close', () => {
          clearInterval(timer);
          clearTimeout(guard);
          resolve({ label, closed: true, ms: Date.now() - started, received });
        });
      });

    const slow = Promise.all([
      open('partial request line', 'GET /healthz HTT'),
      open('idle, nothing sent', null),
      open('headers dribbled every 2 s', 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n', 2000),
    ]);
    // Meanwhile the server keeps serving others.
    await new Promise((r) => setTimeout(r, 500));
    await assertHealthy('opening slow connections');
    const results = await slow;
    for (const r of results) {
      assert.equal(r.closed, true, `${r.label}: closed by the server within ${LIMIT_MS} ms (${JSON.stringify(r)})`);
      assert.ok(r.ms <= LIMIT_MS, `${r.label}: closed after ${r.ms} ms`);
      assert.ok(!/^HTTP\/1\.[01] 5/.test(r.received), `${r.label}: no 5xx (${r.received.slice(0, 80)})`);
    }
    await assertHealthy('slow connections');
  });
});
