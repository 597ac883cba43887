// Monitor server ingest benchmark (not a test): starts `vigil serve` on a temporary database,
// posts a JSON Lines corpus in batches of BATCH posts to POST /api/v1/monitor/posts with an
// analyst token, and prints the wall time of each tenth batch (milliseconds) with the posts stored
// so far, then the totals and the database size. Usage:
//   VIGIL_BIN=build/vigil node bench/monitor/server_ingest.mjs CORPUS.jsonl [BATCH=1000]
// (CORPUS from build/bench/monitor_scan_corpus N SEED > CORPUS.jsonl).

import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import { startVigil } from '../../tests/api/harness.mjs';

const [corpusPath, batchArg] = process.argv.slice(2);
if (!corpusPath) {
  console.error('usage: VIGIL_BIN=build/vigil node bench/monitor/server_ingest.mjs CORPUS.jsonl [BATCH]');
  process.exit(2);
}
const batchSize = Number(batchArg ?? 1000);
const posts = readFileSync(corpusPath, 'utf8').split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line));

const server = await startVigil({ tokens: [{ name: 'bench', role: 'analyst' }] });
const token = server.tokens.bench;
const started = performance.now();
let stored = 0;
let clusters = 0;
const times = [];
try {
  for (let from = 0; from < posts.length; from += batchSize) {
    const batch = posts.slice(from, from + batchSize);
    const t0 = performance.now();
    const res = await server.request('POST', '/api/v1/monitor/posts', { token, json: { posts: batch }, timeoutMs: 120_000 });
    const ms = performance.now() - t0;
    if (res.status !== 200) throw new Error(`batch at ${from}: ${res.status} ${res.text.slice(0, 300)}`);
    stored += res.json.accepted;
    times.push(ms);
    if (times.length % 10 === 0 || from + batchSize >= posts.length) {
      console.log(`after ${stored} posts: batch ${times.length} took ${ms.toFixed(0)} ms`);
    }
  }
  const list = await server.request('GET', '/api/v1/monitor/clusters?limit=1', { token });
  clusters = list.json.total;
  const t0 = performance.now();
  const detail = await server.request('GET', `/api/v1/monitor/clusters/${list.json.clusters[0].id}`, { token });
  const detailMs = performance.now() - t0;
  const seconds = (performance.now() - started) / 1000;
  const sorted = [...times].sort((a, b) => a - b);
  console.log(`posts ${stored} in ${times.length} batches of ${batchSize}: ${seconds.toFixed(1)} s, ` +
    `${(stored / seconds).toFixed(0)} posts/s; batch median ${sorted[Math.floor(sorted.length / 2)].toFixed(0)} ms, ` +
    `last ${times.at(-1).toFixed(0)} ms; clusters ${clusters}; top cluster detail (${detail.json.size} posts) ${detailMs.toFixed(0)} ms; ` +
    `database ${(statSync(path.join(server.dir, 'vigil.db')).size / 1e6).toFixed(0)} MB`);
} finally {
  await server.close();
}
