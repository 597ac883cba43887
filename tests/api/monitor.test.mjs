// The monitor over HTTP, end to end: batches of posts ingested (idempotent; bad posts rejected by
// index while the others are stored), clusters listed with filters and ranked by risk, a cluster's
// detail with contact details masked, raw values for analysts only (audited apart), reviews
// (audited), and no contact detail or post text in any response it should not be in, nor in logs.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { assertProblem, readAudit, startVigil } from './harness.mjs';

const PHONE = '+380 50 123 45 67';
const PHONE_DIGITS = '501234567';
const EMAIL = 'bike.seller@example.org';
const MASKED_PHONE = '+380•••••••67';

const LURE_A = {
  id: '1', source: 'tg-jobs', posted_at: '2024-05-01T10:00:00Z', region: 'UA', location: 'Lviv', lang: 'en',
  url: 'https://t.me/jobs_abroad_now/1',
  text: `Easy money! Warehouse work in Germany, no experience needed. Call ${PHONE}, again: ${PHONE}`,
};
const LURE_B = {
  id: 'a7', source: 'olx', posted_at: '2024-05-02T09:00:00Z', region: 'UA', location: 'Kyiv', lang: 'en',
  title: 'Easy money abroad',
  text: `Easy money for packing boxes, write on Viber ${PHONE}`,
};
const SOFA = { id: '2', source: 'tg-jobs', posted_at: '2024-05-02T11:00:00Z', text: 'Selling a sofa, good condition' };
const BIKE_1 = {
  id: 'b1', source: 'olx', posted_at: '2024-06-10T08:00:00Z', lang: 'uk',
  text: `Продам велосипед, майже новий, пишіть ${EMAIL}`,
};
const BIKE_2 = {
  id: 'b2', source: 'olx2', posted_at: '2024-06-11T08:00:00Z', lang: 'uk',
  text: `Велосипед недорого, самовивіз, пошта ${EMAIL}`,
};
const NO_TEXT = { id: '3', source: 'tg-jobs', posted_at: '2024-05-03T10:00:00Z' };
const BAD_DATE = { id: '4', source: 'tg-jobs', posted_at: 'yesterday-at-noon', text: 'Call 0671112233' };

const BATCH = [LURE_A, LURE_B, SOFA, NO_TEXT, BAD_DATE, BIKE_1, BIKE_2];

describe('monitor API', () => {
  let server;
  let tokens;

  before(async () => {
    server = await startVigil({
      tokens: ['admin', 'analyst', 'coordinator', 'caseworker', 'viewer'].map((role) => ({ name: `t-${role}`, role })),
    });
    tokens = server.tokens;
  });
  after(async () => {
    await server?.close();
  });

  const as = (role) => ({ token: tokens[`t-${role}`] });
  const get = (role, path) => server.request('GET', path, as(role));
  const post = (role, path, json) => server.request('POST', path, { ...as(role), json });
  const audit = async () => readAudit(server, tokens['t-admin']);

  test('a batch stores its good posts, rejects bad ones by index and field, and is idempotent', async () => {
    const res = await post('analyst', '/api/v1/monitor/posts', { posts: BATCH });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.json.accepted, 5);
    assert.equal(res.json.duplicates, 0);
    assert.equal(res.json.truncated, 0);
    assert.equal(res.json.clusters_changed, 2);
    assert.deepEqual(res.json.rejected.map((r) => r.index), [3, 4]);
    assert.match(res.json.rejected[0].reason, /"text"/);
    assert.match(res.json.rejected[1].reason, /"posted_at"/);
    assert.ok(!res.text.includes('yesterday') && !res.text.includes('0671112233'), 'no rejected value echoed');

    const before = await get('analyst', '/api/v1/monitor/clusters');
    const again = await post('coordinator', '/api/v1/monitor/posts', { posts: BATCH });
    assert.equal(again.status, 200, again.text);
    assert.deepEqual(
      { accepted: again.json.accepted, duplicates: again.json.duplicates, changed: again.json.clusters_changed },
      { accepted: 0, duplicates: 5, changed: 0 },
    );
    const after = await get('analyst', '/api/v1/monitor/clusters');
    assert.deepEqual(after.json, before.json, 'the same batch twice changes nothing');

    const entries = (await audit()).filter((e) => e.action === 'monitor.ingest');
    assert.equal(entries.length, 2);
    assert.equal(entries[0].object_id, 'posts=7 rejected=2 accepted=5 duplicates=0');
    assert.equal(entries[1].outcome, 'ok');
  });

  test('bodies that are not a batch are refused whole', async () => {
    assertProblem(await server.request('POST', '/api/v1/monitor/posts', { ...as('admin'), body: '{"posts": [', contentType: 'application/json' }), 400, 'malformed-json');
    assertProblem(await post('admin', '/api/v1/monitor/posts', { posts: 5 }), 400, 'validation');
    const many = Array.from({ length: 1001 }, (_, i) => ({ id: `m${i}`, source: 's', posted_at: '2024-05-01T10:00:00Z', text: 'x' }));
    const res = await post('admin', '/api/v1/monitor/posts', { posts: many });
    assertProblem(res, 400, 'validation');
    assert.match(res.json.detail, /1000/);
    const list = await get('admin', '/api/v1/monitor/clusters?source=s');
    assert.equal(list.json.total, 0);
  });

  test('invalid UTF-8 is repaired, an over-long text cut and counted, a body over 64 KiB taken', async () => {
    const json = JSON.stringify({ posts: [
      { id: 'u1', source: 'raw', posted_at: '2024-05-05T10:00:00Z', text: 'broken BYTE here' },
      { id: 'u2', source: 'raw', posted_at: '2024-05-05T10:00:00Z', text: 'long '.repeat(14_000) },
    ] });
    const body = Buffer.concat(json.split('BYTE').flatMap((part, i) => (i === 0 ? [Buffer.from(part)] : [Buffer.from([0xff, 0xfe]), Buffer.from(part)])));
    assert.ok(body.length > 64 * 1024);
    const res = await server.request('POST', '/api/v1/monitor/posts', { ...as('analyst'), body, contentType: 'application/json' });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual([res.json.accepted, res.json.truncated, res.json.rejected.length], [2, 1, 0]);
  });

  test('clusters are ranked by risk, filtered, and their identifiers masked', async () => {
    const res = await get('coordinator', '/api/v1/monitor/clusters');
    assert.equal(res.status, 200, res.text);
    assert.equal(res.json.total, 2);
    const [lure, bike] = res.json.clusters;
    assert.ok(lure.risk > bike.risk, 'riskier first');
    assert.equal(lure.id, 1, 'the id is the smallest post number');
    assert.equal(lure.size, 2);
    assert.deepEqual(lure.sources, ['olx', 'tg-jobs']);
    assert.deepEqual(lure.cities, ['Kyiv', 'Lviv']);
    assert.ok(lure.categories.includes('pay'), JSON.stringify(lure.categories));
    assert.equal(lure.status, 'unreviewed');
    assert.equal(lure.first_seen, '2024-05-01T10:00:00Z');
    assert.equal(lure.last_seen, '2024-05-02T09:00:00Z');
    assert.deepEqual(lure.shared_identifiers, [{ type: 'phone', value: MASKED_PHONE, posts: 2 }]);
    assert.ok(lure.reasons.some((r) => r.code === 'top-post'));
    assert.deepEqual(bike.languages, ['uk']);
    assert.ok(!res.text.includes(PHONE_DIGITS) && !res.text.includes(EMAIL), 'no raw identifier in the list');

    const ids = async (query) => (await get('analyst', `/api/v1/monitor/clusters?${query}`)).json.clusters.map((c) => c.id);
    assert.deepEqual(await ids('lang=uk'), [bike.id]);
    assert.deepEqual(await ids('category=pay'), [lure.id]);
    assert.deepEqual(await ids('source=olx2'), [bike.id]);
    assert.deepEqual(await ids('from=2024-06-01'), [bike.id]);
    assert.deepEqual(await ids('to=2024-05-01'), [lure.id]);
    assert.deepEqual(await ids('status=reported'), []);
    assert.deepEqual(await ids('limit=1&offset=1'), [bike.id]);
    for (const bad of ['status=maybe', 'limit=0', 'limit=201', 'from=2024-6-1', 'offset=-1']) {
      assertProblem(await get('analyst', `/api/v1/monitor/clusters?${bad}`), 400, 'validation', bad);
    }
  });

  test('the detail masks every contact detail; raw is for analysts and audited apart', async () => {
    const res = await get('coordinator', '/api/v1/monitor/clusters/1');
    assert.equal(res.status, 200, res.text);
    assert.ok(!res.text.includes(PHONE_DIGITS), 'no raw number in the masked detail');
    assert.ok(!res.text.includes('jobs_abroad_now'), 'the url is masked too');
    assert.equal(res.json.posts.length, 2);
    const first = res.json.posts[0];
    assert.deepEqual([first.source, first.id, first.location], ['tg-jobs', '1', 'Lviv']);
    const text = first.segments.map((s) => s.text).join('');
    assert.equal(text, `Easy money! Warehouse work in Germany, no experience needed. Call ${MASKED_PHONE}, again: ${MASKED_PHONE}`);
    assert.equal(first.segments.filter((s) => s.kind === 'identifier' && s.type === 'phone').length, 2);
    assert.ok(first.segments.some((s) => s.kind === 'indicator' && s.indicator && s.category));
    assert.ok(first.indicators.some((i) => i.category === 'pay' && i.field === 'text'));
    assert.ok(Array.isArray(res.json.posts[1].title_segments));
    assert.ok(res.json.template.parts.length > 0 && typeof res.json.template.shared_words === 'number');
    assert.deepEqual(res.json.reviews, []);

    assertProblem(await get('coordinator', '/api/v1/monitor/clusters/1?raw=1'), 403, 'forbidden');
    assertProblem(await get('analyst', '/api/v1/monitor/clusters/1?raw=yes'), 400, 'validation');
    assertProblem(await get('analyst', '/api/v1/monitor/clusters/999'), 404, 'not-found');
    const raw = await get('analyst', '/api/v1/monitor/clusters/1?raw=1');
    assert.equal(raw.status, 200, raw.text);
    assert.ok(raw.json.posts[0].segments.map((s) => s.text).join('').includes(PHONE));
    assert.equal(raw.json.posts[0].url, LURE_A.url);
    assert.deepEqual(raw.json.shared_identifiers, [{ type: 'phone', value: '+380501234567', posts: 2 }]);

    const views = (await audit()).filter((e) => e.action.startsWith('monitor.clusters.view'));
    const seen = views.map((e) => `${e.action} ${e.actor} ${e.object_id} ${e.outcome}`);
    assert.ok(seen.includes('monitor.clusters.view t-coordinator 1 ok'), seen.join('\n'));
    assert.ok(seen.includes('monitor.clusters.view_raw t-coordinator 1 forbidden'), seen.join('\n'));
    assert.ok(seen.includes('monitor.clusters.view_raw t-analyst 1 ok'), seen.join('\n'));
  });

  test('reviews are stored with their note, change the status and are audited', async () => {
    const res = await post('analyst', '/api/v1/monitor/clusters/1/review', { status: 'suspicious', note: 'same number as last week' });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.json.status, 'suspicious');
    assert.equal(res.json.reviews.length, 1);
    assert.deepEqual([res.json.reviews[0].status, res.json.reviews[0].note, res.json.reviews[0].by],
      ['suspicious', 'same number as last week', 't-analyst']);
    assert.ok(!res.text.includes(PHONE_DIGITS), 'the answer is the masked detail');
    const listed = await get('coordinator', '/api/v1/monitor/clusters?status=suspicious');
    assert.deepEqual(listed.json.clusters.map((c) => c.id), [1]);

    assertProblem(await post('analyst', '/api/v1/monitor/clusters/1/review', { status: 'maybe' }), 400, 'validation');
    assertProblem(await post('analyst', '/api/v1/monitor/clusters/1/review', { status: 'benign', note: 'x'.repeat(2001) }), 400, 'validation');
    assertProblem(await post('analyst', '/api/v1/monitor/clusters/999/review', { status: 'benign' }), 404, 'not-found');
    const reviews = (await audit()).filter((e) => e.action === 'monitor.clusters.review');
    assert.deepEqual(reviews.map((e) => `${e.actor} ${e.object_id} ${e.outcome}`),
      ['t-analyst 1 ok', 't-analyst 1 error', 't-analyst 999 error']);
  });

  test('a later post bridging both clusters merges them under the older id, reviews kept', async () => {
    const bridge = { id: 'x1', source: 'fb', posted_at: '2024-06-12T08:00:00Z', text: `Call ${PHONE} or mail ${EMAIL}` };
    const res = await post('admin', '/api/v1/monitor/posts', { posts: [bridge] });
    assert.equal(res.json.clusters_changed, 1);
    const list = await get('admin', '/api/v1/monitor/clusters');
    assert.equal(list.json.total, 1);
    assert.equal(list.json.clusters[0].id, 1);
    assert.equal(list.json.clusters[0].size, 5);
    assert.equal(list.json.clusters[0].status, 'suspicious');
    const detail = await get('admin', '/api/v1/monitor/clusters/1');
    assert.equal(detail.json.reviews.length, 1);
  });

  test('other roles are refused', async () => {
    for (const role of ['viewer', 'caseworker']) {
      assertProblem(await get(role, '/api/v1/monitor/clusters'), 403, 'forbidden', role);
      assertProblem(await get(role, '/api/v1/monitor/clusters/1'), 403, 'forbidden', role);
      assertProblem(await post(role, '/api/v1/monitor/posts', { posts: [SOFA] }), 403, 'forbidden', role);
      assertProblem(await post(role, '/api/v1/monitor/clusters/1/review', { status: 'benign' }), 403, 'forbidden', role);
    }
  });

  test('no contact detail or post text reaches the log', () => {
    const log = server.logLines().join('\n');
    for (const secret of [PHONE_DIGITS, EMAIL, 'Easy money', 'велосипед', 'same number as last week']) {
      assert.ok(!log.includes(secret), `the log holds "${secret}"`);
    }
  });
});
