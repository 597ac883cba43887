// Sign-in throttling: 5 failures for one account in 15 minutes lock that account (429 with
// Retry-After), other accounts from the same address still sign in; 20 failures from one address
// lock the address.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { PASSWORD, assertProblem, startVigil } from './harness.mjs';

const ACCOUNT_LIMIT = 5;
const ADDRESS_LIMIT = 20;

describe('sign-in throttling', () => {
  let server;
  let failures = 0; // failed sign-ins (401) sent from this address so far

  const signIn = (name, password) => server.request('POST', '/api/v1/session', { json: { name, password } });

  function assertThrottled(res, label) {
    assertProblem(res, 429, 'too-many-requests', label);
    const retry = res.headers.get('retry-after');
    assert.match(retry ?? '', /^\d+$/, `${label}: Retry-After is delta-seconds (${retry})`);
    assert.ok(Number(retry) > 0, `${label}: Retry-After > 0`);
    assert.ok(Number(retry) <= 15 * 60, `${label}: Retry-After within the 15 min window (${retry})`);
    assert.ok(!res.setCookies.some((c) => /^vigil_session=[^;]+/.test(c)), `${label}: no session cookie`);
  }

  before(async () => {
    server = await startVigil({
      users: [
        { name: 'target', role: 'viewer' },
        { name: 'bystander', role: 'viewer' },
        { name: 'latecomer', role: 'caseworker' },
      ],
    });
  });
  after(async () => {
    await server?.close();
  });

  test('five wrong passwords, then even the right one is 429 with Retry-After', async () => {
    for (let i = 1; i <= ACCOUNT_LIMIT; i += 1) {
      const res = await signIn('target', `wrong password number ${i}`);
      assertProblem(res, 401, 'invalid-credentials', `failure ${i}`);
      failures += 1;
    }
    assertThrottled(await signIn('target', PASSWORD), 'sixth attempt, right password');
    assertThrottled(await signIn('target', 'wrong once more'), 'seventh attempt, wrong password');
  });

  test('a different account from the same address is still allowed', async () => {
    const res = await signIn('bystander', PASSWORD);
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.json.user, { name: 'bystander', role: 'viewer' });
  });

  test(`${ADDRESS_LIMIT} failures from one address lock the address for every account`, async () => {
    let first429 = null;
    for (let i = 0; i < ADDRESS_LIMIT + 5 && first429 === null; i += 1) {
      const res = await signIn(`nobody-${i}`, 'wrong password here');
      if (res.status === 429) {
        first429 = res;
        break;
      }
      assertProblem(res, 401, 'invalid-credentials', `distinct account ${i}`);
      failures += 1;
    }
    assert.ok(first429, 'the address was throttled');
    assertThrottled(first429, 'address limit');
    assert.equal(failures, ADDRESS_LIMIT, `the address is locked after exactly ${ADDRESS_LIMIT} failures`);
    assertThrottled(await signIn('latecomer', PASSWORD), 'an untouched account, right password');
    // Throttling is about sign-in only: the server stays healthy.
    assert.equal((await server.request('GET', '/healthz')).status, 200);
  });
});
