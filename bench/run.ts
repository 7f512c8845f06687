/**
 * `npm run bench`: runs every bench/*.bench.ts in turn (or those named on the command line) and
 * prints their figures. Benchmarks measure; tests never time anything.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = path.dirname(new URL(import.meta.url).pathname);
const only = process.argv.slice(2);
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((name) => f.startsWith(name)))
  .sort();

for (const file of files) {
  console.log(`\n## ${file.replace('.bench.ts', '')}\n`);
  const bench = (await import(pathToFileURL(path.join(dir, file)).href)) as { default: () => Promise<void> };
  await bench.default();
}
