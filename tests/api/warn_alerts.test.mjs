// Warn areas and alerts over HTTP, end to end: a series imported with the CLI, `POST /warn/run`
// turns an area to warning, an alert is opened with the area's owner and notified to a webhook
// receiver (a tiny Node server here) with a valid HMAC signature after a retry; the owner walks
// the lifecycle while another screener and a viewer are refused; every step is audited.

import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { readFile, symlink, mkdir, writeFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import {
  REPO_ROOT,
  assertProblem,
  makeTempDir,
  readAudit,
  runVigil,
  signIn,
  startVigil,
} from './harness.mjs';

const SECRET = 'test-webhook-secret-0123456789';

// A test indicator added to the shipped catalogue: a plain threshold rule, so the expected
// alarms are known by hand (values above 10 alarm).
const TEST_INDICATOR = `
  - id: test-incidents
    family: displacement
    name: Test incidents (API test only)
    unit: incidents
    period: month
    detector: threshold
    params: {threshold: "10"}
    source: {key: test, url: "https://example.org/vigil-api-test"}
    verified: false
`;

const AREAS = `areas:
  - id: XB01
    name: Test North-West
    level: 0
    owner: fp-north
    indicators: [test-incidents]
    source: test fixture
    status: unverified
  - id: XB02
    name: Test North-East
    level: 0
    owner: fp-east
    indicators: [test-incidents]
    source: test fixture
    status: unverified
`;

const MONTHS = ['2023-07', '2023-08', '2023-09', '2023-10', '2023-11', '2023-12',
  '2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06'];
const NORTH = [2, 3, 1, 2, 4, 2, 3, 2, 1, 3, 25, 31]; // alarms in 2024-05 and 2024-06
const EAST = [2, 3, 1, 2, 4, 2, 3, 2, 1, 3, 2, 4];    // never above 10

/** Writes a data folder: the repository's data linked in, warn/ with our areas and catalogue. */
async function makeDataDir(dir) {
  const data = path.join(dir, 'data');
  await mkdir(path.join(data, 'warn'), { recursive: true });
  for (const entry of ['rulesets', 'knowledge', 'portal', 'hotlines.yaml']) {
    await symlink(path.join(REPO_ROOT, 'data', entry), path.join(data, entry));
  }
  const catalogue = await readFile(path.join(REPO_ROOT, 'data', 'warn', 'indicators.yaml'), 'utf8');
  await writeFile(path.join(data, 'warn', 'indicators.yaml'), catalogue.trimEnd() + '\n' + TEST_INDICATOR);
  await writeFile(path.join(data, 'warn', 'areas.yaml'), AREAS);
  await writeFile(path.join(data, 'warn', 'levels.yaml'), await readFile(
    path.join(REPO_ROOT, 'data', 'warn', 'levels.yaml'), 'utf8'));
  return data;
}

/** A webhook receiver answering 500 to the first POST and 200 afterwards; records every POST. */
function startReceiver() {
  const received = [];
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      received.push({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(received.length === 1 ? 500 : 200, { 'Content-Type': 'text/plain' });
      res.end(received.length === 1 ? 'try again' : 'ok');
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve({ server, received, port: server.address().port }));
  });
}

describe('warn areas and alerts over HTTP', () => {
  let server;
  let receiver;
  let dataDir;
  let admin; // bearer token
  let analyst; // bearer token
  let owner; // session of fp-north (screener)
  let otherScreener; // session
  let viewer; // session
  let runBody;
  let alertId;

  before(async () => {
    receiver = await startReceiver();
    const dir = await makeTempDir('vigil-warn-');
    dataDir = await makeDataDir(dir);
    server = await startVigil({
      users: [
        { name: 'fp-north', role: 'screener' },
        { name: 'other-screener', role: 'screener' },
        { name: 'vera', role: 'viewer' },
      ],
      tokens: [
        { name: 'admin-bot', role: 'admin' },
        { name: 'analyst-bot', role: 'analyst' },
      ],
      args: ['--data', dataDir, '--warn-webhook-url', `http://127.0.0.1:${receiver.port}/hooks/vigil`,
        '--warn-webhook-backoff-ms', '50'],
      env: { VIGIL_WARN_WEBHOOK_SECRET: SECRET },
    });
    admin = server.tokens['admin-bot'];
    analyst = server.tokens['analyst-bot'];
    owner = await signIn(server, 'fp-north');
    otherScreener = await signIn(server, 'other-screener');
    viewer = await signIn(server, 'vera');

    const rows = ['area,indicator,period,value,source'];
    MONTHS.forEach((m, i) => rows.push(`XB01,test-incidents,${m},${NORTH[i]},api-test`));
    MONTHS.forEach((m, i) => rows.push(`XB02,test-incidents,${m},${EAST[i]},api-test`));
    const csv = path.join(dir, 'series.csv');
    await writeFile(csv, rows.join('\n') + '\n');
    const imported = await runVigil(['warn', 'import', '--format', 'tidy', csv, '--db', server.dbPath,
      '--data', dataDir]);
    assert.equal(imported.code, 0, `vigil warn import: ${imported.stdout}${imported.stderr}`);
  });
  after(async () => {
    await server?.close();
    receiver?.server.close();
  });

  test('before any run every area is at level none', async () => {
    const res = await server.request('GET', '/api/v1/warn/areas', { session: viewer });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.json.items.map((a) => [a.id, a.level, a.owner, a.open_alert]),
      [['XB01', 'none', 'fp-north', null], ['XB02', 'none', 'fp-east', null]]);
    assert.equal(res.json.items[0].evaluated_at, null);
  });

  test('viewers and screeners cannot start a run', async () => {
    assertProblem(await server.request('POST', '/api/v1/warn/run', { session: viewer, json: {} }), 403, 'forbidden');
    assertProblem(await server.request('POST', '/api/v1/warn/run', { session: owner, json: {} }), 403, 'forbidden');
  });

  test('a run turns XB01 to warning, opens one alert and notifies the webhook after a retry', async () => {
    const res = await server.request('POST', '/api/v1/warn/run', { token: analyst, json: {} });
    assert.equal(res.status, 200, res.text);
    runBody = res.json;
    const [north, east] = runBody.areas;
    assert.equal(north.id, 'XB01');
    assert.equal(north.previous_level, 'none');
    assert.equal(north.level, 'warning');
    assert.equal(north.reasons[0], 'warning: test-incidents alarmed 2 periods running (warning from 2)');
    assert.ok(north.reasons.includes('test-incidents alarmed in 2024-05 and 2024-06'), north.reasons.join(' | '));
    assert.deepEqual(north.indicators[0].alarms, ['2024-05', '2024-06']);
    assert.equal(north.indicators[0].method, 'threshold');
    assert.equal(typeof north.alert_opened, 'number');
    alertId = north.alert_opened;
    assert.equal(east.level, 'none');
    assert.equal(east.alert_opened, null);
    assert.deepEqual(runBody.alerts_opened, [alertId]);
    assert.deepEqual(runBody.notifications, [{ alert_id: alertId, outcome: 'delivered', attempts: 2 }]);
  });

  test('the webhook body is signed with HMAC-SHA256 and carries no personal data', () => {
    assert.equal(receiver.received.length, 2, 'one failed attempt (500), then one delivered');
    for (const hit of receiver.received) {
      assert.equal(hit.method, 'POST');
      assert.equal(hit.url, '/hooks/vigil');
      assert.match(hit.headers['content-type'], /^application\/json/);
      const expected = 'sha256=' + crypto.createHmac('sha256', SECRET).update(hit.body).digest('hex');
      assert.equal(hit.headers['x-vigil-signature'], expected);
      assert.ok(!JSON.stringify(hit.headers).includes(SECRET), 'the secret is never sent');
    }
    assert.deepEqual(receiver.received[0].body, receiver.received[1].body, 'a retry sends the same body');
    const body = JSON.parse(receiver.received[1].body.toString('utf8'));
    assert.deepEqual(Object.keys(body).sort(), ['alert_id', 'area', 'area_name', 'event', 'indicators',
      'level', 'link', 'opened_at', 'period', 'reasons']);
    assert.equal(body.event, 'alert.opened');
    assert.equal(body.alert_id, alertId);
    assert.equal(body.area, 'XB01');
    assert.equal(body.level, 'warning');
    assert.equal(body.period, '2024-06');
    assert.deepEqual(body.indicators, ['test-incidents']);
    assert.equal(body.link, `/app/#/warn/alerts/${alertId}`);
    assert.ok(!receiver.received[1].body.toString().includes('fp-north'), 'no account names');
  });

  test('the areas list shows the new level, its reasons and the open alert', async () => {
    const res = await server.request('GET', '/api/v1/warn/areas', { session: viewer });
    assert.equal(res.status, 200, res.text);
    const north = res.json.items.find((a) => a.id === 'XB01');
    assert.equal(north.level, 'warning');
    assert.equal(north.open_alert, alertId);
    assert.equal(north.period, '2024-06');
    assert.ok(north.reasons.includes('test-incidents alarmed in 2024-05 and 2024-06'));
    assert.match(north.evaluated_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  test('the inbox lists the alert as new, and filters by state', async () => {
    const res = await server.request('GET', '/api/v1/warn/alerts?state=new', { session: viewer });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.json.items.map((a) => [a.id, a.area, a.state, a.owner, a.level]),
      [[alertId, 'XB01', 'new', 'fp-north', 'warning']]);
    const closed = await server.request('GET', '/api/v1/warn/alerts?state=closed', { session: viewer });
    assert.deepEqual(closed.json.items, []);
    // "open" is every state but closed.
    const open = await server.request('GET', '/api/v1/warn/alerts?state=open', { session: viewer });
    assert.equal(open.status, 200, open.text);
    assert.deepEqual(open.json.items.map((a) => a.id), [alertId]);
    assertProblem(await server.request('GET', '/api/v1/warn/alerts?state=pending', { session: viewer }), 400, 'validation');
    assertProblem(await server.request('GET', '/api/v1/warn/alerts/99999', { session: viewer }), 404, 'not-found');
  });

  test('another screener and a viewer cannot acknowledge it; nothing changes', async () => {
    const url = `/api/v1/warn/alerts/${alertId}/acknowledge`;
    assertProblem(await server.request('POST', url, { session: otherScreener, json: {} }), 403, 'forbidden');
    assertProblem(await server.request('POST', url, { session: viewer, json: {} }), 403, 'forbidden');
    const res = await server.request('GET', `/api/v1/warn/alerts/${alertId}`, { session: viewer });
    assert.equal(res.json.state, 'new');
  });

  test('the owner cannot close before acknowledging (409), then walks the lifecycle', async () => {
    const base = `/api/v1/warn/alerts/${alertId}`;
    assertProblem(await server.request('POST', `${base}/close`, { session: owner, json: { text: 'done' } }),
      409, 'conflict');
    let res = await server.request('POST', `${base}/acknowledge`, { session: owner, json: {} });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.json.state, 'acknowledged');
    assertProblem(await server.request('POST', `${base}/acknowledge`, { session: owner, json: {} }), 409, 'conflict');
    assertProblem(await server.request('POST', `${base}/actions`, { session: owner, json: {} }), 400, 'validation');
    res = await server.request('POST', `${base}/actions`, { session: owner, json: { text: 'patrol requested' } });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.json.state, 'action_recorded');
    res = await server.request('POST', `${base}/notes`, { session: otherScreener, json: { text: 'market quiet today' } });
    assert.equal(res.status, 200, res.text);
    assertProblem(await server.request('POST', `${base}/close`, { session: otherScreener, json: { text: 'x' } }),
      403, 'forbidden');
    res = await server.request('POST', `${base}/close`, { session: owner, json: { text: 'patrol reported calm' } });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.json.state, 'closed');
    assert.deepEqual(res.json.events.map((e) => [e.kind, e.actor]), [
      ['opened', 'analyst-bot'], ['acknowledged', 'fp-north'], ['action', 'fp-north'],
      ['note', 'other-screener'], ['closed', 'fp-north']]);
    assert.equal(res.json.events[2].text, 'patrol requested');
    assert.deepEqual(res.json.deliveries.map((d) => [d.outcome, d.attempts, d.http_status]), [['delivered', 2, 200]]);
  });

  test('every step is in the audit trail, refusals included', async () => {
    const entries = (await readAudit(server, admin)).filter((e) => e.object_type === 'warn_alert');
    const seen = entries.map((e) => `${e.action} ${e.actor} ${e.outcome}`);
    for (const expected of [
      'warn.alert.open analyst-bot ok',
      'warn.alert.notify analyst-bot ok',
      'warn.alert.acknowledge other-screener forbidden',
      'warn.alert.close fp-north error',
      'warn.alert.acknowledge fp-north ok',
      'warn.alert.action fp-north ok',
      'warn.alert.note other-screener ok',
      'warn.alert.close other-screener forbidden',
      'warn.alert.close fp-north ok',
    ]) {
      assert.ok(seen.includes(expected), `audit has "${expected}"; got:\n${seen.join('\n')}`);
    }
    for (const e of entries) assert.equal(e.object_id, String(alertId));
    const all = await readAudit(server, admin);
    assert.ok(all.some((e) => e.action === 'warn.run' && e.actor === 'analyst-bot'), 'the run is audited');
  });

  test('a second run at the same level opens no new alert', async () => {
    const res = await server.request('POST', '/api/v1/warn/run', { token: admin, json: {} });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.json.areas[0].previous_level, 'warning');
    assert.equal(res.json.areas[0].level, 'warning');
    assert.deepEqual(res.json.alerts_opened, []);
    assert.equal(receiver.received.length, 2, 'no new notification');
  });

  test('`vigil warn run` prints the levels, reports progress on stderr and exits 0', async () => {
    const run = await runVigil(['warn', 'run', '--db', server.dbPath, '--data', dataDir]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^XB01 Test North-West: warning -> warning$/m);
    assert.match(run.stdout, /^ {2}test-incidents alarmed in 2024-05 and 2024-06$/m);
    assert.match(run.stdout, /^XB02 Test North-East: none -> none$/m);
    assert.match(run.stdout, /^2 areas evaluated; 0 alerts opened$/m);
    assert.match(run.stderr, /area 1\/2: XB01/);
  });

  test('a broken levels.yaml stops `vigil warn run` with the file and line (exit 2)', async () => {
    const broken = path.join(path.dirname(dataDir), 'broken-data');
    await mkdir(path.join(broken, 'warn'), { recursive: true });
    await writeFile(path.join(broken, 'warn', 'levels.yaml'), 'window_periods: 2\nwarning:\n  consecutive_periods: two\n');
    const run = await runVigil(['warn', 'run', '--db', server.dbPath, '--data', broken]);
    assert.equal(run.code, 2, run.stdout + run.stderr);
    assert.match(run.stderr, /levels\.yaml:3: "consecutive_periods" must be a whole number/);
  });

  test('POST /warn/detect runs a detector on a posted series', async () => {
    const observed = [5, 6, 4, 5, 7, 5, 6, 5, 4, 40];
    const res = await server.request('POST', '/api/v1/warn/detect', {
      token: analyst,
      json: { method: 'threshold', params: { threshold: 10 }, observed, frequency: 12 },
    });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.json.method, 'threshold');
    const alarms = res.json.points.filter((p) => p.alarm).map((p) => p.index);
    assert.deepEqual(alarms, [10]);
    for (const p of res.json.points) {
      for (const k of ['index', 'period', 'observed', 'expected', 'upper', 'alarm', 'score']) assert.ok(k in p, k);
    }
    assertProblem(await server.request('POST', '/api/v1/warn/detect', {
      token: analyst, json: { method: 'ears-c1', params: { nonsense: 1 }, observed },
    }), 400, 'validation');
    // Detection stores nothing: viewers may see a series' baseline and threshold too.
    const asViewer = await server.request('POST', '/api/v1/warn/detect', {
      session: viewer, json: { method: 'ears-c1', observed },
    });
    assert.equal(asViewer.status, 200, asViewer.text);
    assert.equal(asViewer.json.points.length, 3);
  });

  test('admin boundaries: imported from GeoJSON by the CLI, served as GeoJSON, bad files refused', async () => {
    let res = await server.request('GET', '/api/v1/warn/areas/boundaries', { session: viewer });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(JSON.parse(res.text), { type: 'FeatureCollection', features: [] });
    const fixture = path.join(REPO_ROOT, 'tests', 'warn', 'fixtures', 'admin1_fixture.geojson');
    const imported = await runVigil(['warn', 'areas', 'import', fixture, '--db', server.dbPath, '--data', dataDir]);
    assert.equal(imported.code, 0, imported.stderr);
    assert.match(imported.stdout, /imported 4 boundaries/);
    res = await server.request('GET', '/api/v1/warn/areas/boundaries', { session: viewer });
    assert.match(res.headers.get('content-type'), /^application\/geo\+json/);
    const doc = JSON.parse(res.text);
    assert.deepEqual(doc.features.map((f) => f.properties.pcode), ['XB01', 'XB02', 'XB03', 'XB04']);
    assert.equal(doc.features[3].geometry.type, 'MultiPolygon');

    const bad = path.join(path.dirname(dataDir), 'bad.geojson');
    await writeFile(bad, JSON.stringify({ type: 'FeatureCollection', features: [
      { type: 'Feature', properties: { pcode: 'Q1' }, geometry: { type: 'Point', coordinates: [90, 23] } }] }));
    const refused = await runVigil(['warn', 'areas', 'import', bad, '--db', server.dbPath, '--data', dataDir]);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /feature 1 \(Q1\): the geometry must be a Polygon or MultiPolygon/);
    res = await server.request('GET', '/api/v1/warn/areas/boundaries', { session: viewer });
    assert.equal(JSON.parse(res.text).features.length, 4, 'a refused file leaves the stored boundaries');
  });
});

describe('warn webhook without a configured secret', () => {
  let server;
  let receiver;
  let dataDir;

  before(async () => {
    receiver = await startReceiver();
    const dir = await makeTempDir('vigil-warn-key-');
    dataDir = await makeDataDir(dir);
    server = await startVigil({
      tokens: [{ name: 'analyst-bot', role: 'analyst' }],
      args: ['--data', dataDir, '--warn-webhook-url', `http://127.0.0.1:${receiver.port}/`,
        '--warn-webhook-backoff-ms', '10'],
    });
    const csv = path.join(dir, 'series.csv');
    await writeFile(csv, ['area,indicator,period,value',
      ...MONTHS.map((m, i) => `XB01,test-incidents,${m},${NORTH[i]}`)].join('\n') + '\n');
    const imported = await runVigil(['warn', 'import', '--format', 'tidy', csv, '--db', server.dbPath,
      '--data', dataDir]);
    assert.equal(imported.code, 0, imported.stderr);
  });
  after(async () => {
    await server?.close();
    receiver?.server.close();
  });

  test('signs with the secret derived from the key file, which `vigil warn webhook-secret` prints', async () => {
    const printed = await runVigil(['warn', 'webhook-secret', '--db', server.dbPath]);
    assert.equal(printed.code, 0, printed.stderr);
    const secret = printed.stdout.trim();
    assert.match(secret, /^[0-9a-f]{64}$/);
    const res = await server.request('POST', '/api/v1/warn/run', { token: server.tokens['analyst-bot'], json: {} });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.json.alerts_opened.length, 1);
    const last = receiver.received.at(-1);
    const expected = 'sha256=' + crypto.createHmac('sha256', secret).update(last.body).digest('hex');
    assert.equal(last.headers['x-vigil-signature'], expected);
    assert.ok(!server.stderr().includes(secret), 'the secret never reaches the log');
  });
});
