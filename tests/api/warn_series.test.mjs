// Warn series over HTTP against the real `vigil serve` with the repository's catalogue: the
// catalogue is listed, a tidy import by an analyst is stored and audited, its points and exports
// (CSV and HXL) read back, bad rows are refused naming the line with nothing stored, a viewer
// reads but may not import, and a UCDP file imported with the CLI shows up in the list.

import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { REPO_ROOT, assertProblem, header, readAudit, runVigil, signIn, startVigil } from './harness.mjs';

const CSV = [
  'area,indicator,period,value,source',
  'XT01,conflict-events,2024-01,3,"field report, north"',
  'XT01,conflict-events,2024-02,0,field report',
  'XT01,conflict-events,2024-03,7,field report',
].join('\n') + '\n';

describe('warn series over HTTP', () => {
  let server;
  let admin;
  let analyst;
  let viewer;

  before(async () => {
    server = await startVigil({
      users: [{ name: 'ana', role: 'analyst' }, { name: 'vera', role: 'viewer' }],
      tokens: [{ name: 'admin-bot', role: 'admin' }],
    });
    admin = server.tokens['admin-bot'];
    analyst = await signIn(server, 'ana');
    viewer = await signIn(server, 'vera');
  });
  after(async () => {
    await server?.close();
  });

  test('the catalogue lists every family with detector and source', async () => {
    const res = await server.request('GET', '/api/v1/warn/indicators', { session: viewer });
    assert.equal(res.status, 200, res.text);
    const byId = Object.fromEntries(res.json.items.map((item) => [item.id, item]));
    for (const id of ['conflict-events', 'conflict-fatalities', 'idp-stock']) assert.ok(byId[id], id);
    assert.equal(byId['conflict-events'].period, 'month');
    assert.equal(byId['conflict-events'].params.limit54, '5,4');
    assert.equal(byId['idp-stock'].unit, 'individuals');
    const families = new Set(res.json.items.map((item) => item.family));
    assert.equal(families.size, 7);
    assert.ok(res.json.items.every((item) => item.source.url.startsWith('https://')));
  });

  test('an analyst imports tidy CSV; points and exports read back', async () => {
    const res = await server.request('POST', '/api/v1/warn/series/import', {
      session: analyst,
      json: { format: 'tidy', csv: CSV },
    });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.json.series, 1);
    assert.equal(res.json.periods, 3);

    const points = await server.request('GET', '/api/v1/warn/series/XT01/conflict-events', { session: viewer });
    assert.equal(points.status, 200, points.text);
    assert.deepEqual(points.json.points.map((p) => p.value), [3, 0, 7]);
    assert.equal(points.json.points[0].source, 'field report, north');
    assert.equal(points.json.unit, 'events');

    const list = await server.request('GET', '/api/v1/warn/series?area=XT01', { session: viewer });
    assert.deepEqual(list.json.items, [{
      area: 'XT01', indicator: 'conflict-events', period: 'month', points: 3,
      first_period: '2024-01', last_period: '2024-03',
    }]);

    const csv = await server.request('GET', '/api/v1/warn/series/XT01/conflict-events/export?format=csv', { session: viewer });
    assert.equal(csv.status, 200);
    assert.match(header(csv, 'content-type'), /^text\/csv/);
    assert.equal(csv.text.split('\r\n')[1], 'XT01,conflict-events,2024-01,3,"field report, north"');
    const hxl = await server.request('GET', '/api/v1/warn/series/XT01/conflict-events/export?format=hxl', { session: viewer });
    assert.equal(hxl.text.split('\r\n')[1], '#loc+code,#indicator+code,#date,#indicator+value+num,#meta+source');

    // Re-importing the HXL export is accepted and changes nothing.
    const again = await server.request('POST', '/api/v1/warn/series/import', {
      session: analyst,
      json: { format: 'hxl', csv: hxl.text },
    });
    assert.equal(again.status, 200, again.text);
    const after = await server.request('GET', '/api/v1/warn/series/XT01/conflict-events', { session: viewer });
    assert.deepEqual(after.json.points, points.json.points);

    const audit = await readAudit(server, admin);
    const imports = audit.filter((e) => e.action === 'warn.series.import');
    assert.ok(imports.length >= 2);
    assert.equal(imports[0].actor, 'ana');
    assert.equal(imports[0].outcome, 'ok');
  });

  test('bad rows are refused naming the line; nothing is stored', async () => {
    const bad = 'area,indicator,period,value\nXT02,conflict-events,2024-01,1\nXT02,conflict-events,2024-03,2\n';
    const res = await server.request('POST', '/api/v1/warn/series/import', {
      session: analyst,
      json: { format: 'tidy', csv: bad },
    });
    assertProblem(res, 400, 'validation');
    assert.match(res.json.detail, /^line 3: gap in XT02 × conflict-events: 1 period missing before 2024-03 \(2024-02\)/);
    const list = await server.request('GET', '/api/v1/warn/series?area=XT02', { session: analyst });
    assert.deepEqual(list.json.items, []);
    const unknown = await server.request('POST', '/api/v1/warn/series/import', {
      session: analyst,
      json: { format: 'tidy', csv: 'area,indicator,period,value\nXT02,rainfall,2024-01,1\n' },
    });
    assertProblem(unknown, 400, 'validation');
    assert.match(unknown.json.detail, /line 2: indicator "rainfall" is not in the catalogue/);
    const extra = await server.request('POST', '/api/v1/warn/series/import', {
      session: analyst,
      json: { format: 'tidy', csv: 'a', sheet: 1 },
    });
    assertProblem(extra, 400, 'validation');
    const missing = await server.request('GET', '/api/v1/warn/series/XT02/conflict-events', { session: analyst });
    assertProblem(missing, 404, 'not-found');
  });

  test('a viewer reads but may not import', async () => {
    const res = await server.request('POST', '/api/v1/warn/series/import', {
      session: viewer,
      json: { format: 'tidy', csv: CSV },
    });
    assertProblem(res, 403, 'forbidden');
  });

  test('UCDP GED imported with the CLI shows up in the API', async () => {
    const file = path.join(REPO_ROOT, 'tests', 'warn', 'fixtures', 'ucdp_ged_conflict_data_BGD.csv');
    const run = await runVigil(['warn', 'import', '--format', 'ucdp-ged', file, '--db', server.dbPath,
      '--data', path.join(REPO_ROOT, 'data')]);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const area = encodeURIComponent('BGD:Chittagong Division');
    const points = await server.request('GET', `/api/v1/warn/series/${area}/conflict-fatalities`, { session: viewer });
    assert.equal(points.status, 200, points.text);
    assert.equal(points.json.points.length, 356);
    assert.equal(points.json.points.find((p) => p.period === '1992-04').value, 142);
  });
});
