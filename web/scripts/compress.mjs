// Writes a gzip copy (file.gz) beside each text file in dist/. `vigil serve` sends the .gz to
// browsers that accept gzip, so slow links carry about a third of the bytes.
import { readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, gzipSync } from 'node:zlib';

const DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.json']);

async function* files(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (COMPRESSIBLE.has(path.extname(entry.name))) yield full;
  }
}

let raw = 0;
let packed = 0;
for await (const file of files(DIST)) {
  const content = await readFile(file);
  const gzipped = gzipSync(content, { level: constants.Z_BEST_COMPRESSION });
  raw += content.length;
  if (gzipped.length >= content.length) continue;
  await writeFile(`${file}.gz`, gzipped);
  // Same mtime as the original, so the pair reads as one version.
  const { atime, mtime } = await stat(file);
  await utimes(`${file}.gz`, atime, mtime);
  packed += gzipped.length;
}
console.log(`compress: ${raw} bytes of text, gzip copies total ${packed} bytes`);
