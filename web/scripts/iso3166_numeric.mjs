// Writes src/components/warn/iso3166_numeric.json: ISO 3166-1 numeric code → alpha-3 code.
// world-atlas names each country by its numeric code ("004"); Vigil's areas use alpha-3 ("AFG").
// Source: Debian's iso-codes package (/usr/share/iso-codes/json/iso_3166-1.json), which tracks
// the ISO 3166 Maintenance Agency's list. Run again after an iso-codes update:
//   node scripts/iso3166_numeric.mjs [path/to/iso_3166-1.json]
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const source = process.argv[2] ?? '/usr/share/iso-codes/json/iso_3166-1.json';
const target = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'src/components/warn/iso3166_numeric.json',
);

const { '3166-1': countries } = JSON.parse(await readFile(source, 'utf8'));
const table = {};
for (const { numeric, alpha_3: alpha3 } of countries) {
  if (!/^\d{3}$/.test(numeric) || !/^[A-Z]{3}$/.test(alpha3)) {
    throw new Error(`unexpected entry in ${source}: ${numeric} ${alpha3}`);
  }
  table[numeric] = alpha3;
}
const sorted = Object.fromEntries(Object.entries(table).sort(([a], [b]) => a.localeCompare(b)));
await writeFile(target, `${JSON.stringify(sorted, null, 0)}\n`);
console.log(`iso3166_numeric: ${Object.keys(sorted).length} countries from ${source}`);
