// The agent dashboard's weight before the first conversation list renders: gzip sizes (level 9)
// of the scripts `index.html` loads and preloads (the entry and its static imports), and of the
// stylesheet, from the production build, against the budget for the JavaScript. Pages
// other than the sign-in and the conversations are chunks of their own, fetched when visited.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { root } from './lib.mjs';

const BUDGET = 250 * 1024;

const { buildWeb } = await import(pathToFileURL(join(root, 'scripts/build.mjs')).href);
await buildWeb();

const dist = join(root, 'web/dist');
const html = readFileSync(join(dist, 'index.html'), 'utf8');
/** @param {RegExp} pattern */
const paths = (pattern) => [...html.matchAll(pattern)].map((m) => (m[1] ?? '').replace(/^\/app\//, ''));
const scripts = [...paths(/<script[^>]+src="([^"]+)"/g), ...paths(/<link rel="modulepreload"[^>]+href="([^"]+)"/g)];
const styles = paths(/<link rel="stylesheet"[^>]+href="([^"]+)"/g);

/** @param {string} name */
const size = (name) => {
  const body = readFileSync(join(dist, name));
  return { name, raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
};
/** @param {number} bytes */
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

const js = scripts.map(size).sort((a, b) => b.gzip - a.gzip);
const css = styles.map(size);
const total = js.reduce((sum, f) => sum + f.gzip, 0);
console.log('| file (loaded before the list) | raw | gzip |');
console.log('| --- | --- | --- |');
for (const f of [...js, ...css]) console.log(`| \`${f.name.replace(/^assets\//, '')}\` | ${kb(f.raw)} | ${kb(f.gzip)} |`);
console.log(`| **JavaScript before the list** | | **${kb(total)}** (budget ${kb(BUDGET)}) |`);
if (total > BUDGET) {
  console.error('over budget');
  process.exitCode = 1;
}
