// The website widget's weight as a visitor downloads it: gzip sizes of the loader (sdk.js, what
// every page of the customer's site loads) and of the whole widget app (app.js + app.css, loaded
// on first open or when the page is idle), from the production build, against the budgets.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { root } from './lib.mjs';

const BUDGET = { loader: 4 * 1024, app: 40 * 1024 };

const { buildWidget } = await import(pathToFileURL(join(root, 'scripts/build.mjs')).href);
await buildWidget();

const dist = join(root, 'widget/dist');
/** @param {string} name */
const size = (name) => {
  const body = readFileSync(join(dist, name));
  return { raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
};
/** @param {number} bytes */
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

const loader = size('sdk.js');
const js = size('app.js');
const css = size('app.css');
const app = { raw: js.raw + css.raw, gzip: js.gzip + css.gzip };

console.log('| file | raw | gzip | budget (gzip) |');
console.log('| --- | --- | --- | --- |');
console.log(`| loader \`sdk.js\` | ${kb(loader.raw)} | ${kb(loader.gzip)} | ${kb(BUDGET.loader)} |`);
console.log(`| app \`app.js\` | ${kb(js.raw)} | ${kb(js.gzip)} | |`);
console.log(`| app \`app.css\` | ${kb(css.raw)} | ${kb(css.gzip)} | |`);
console.log(`| whole app | ${kb(app.raw)} | ${kb(app.gzip)} | ${kb(BUDGET.app)} |`);

const over = [loader.gzip > BUDGET.loader && 'loader', app.gzip > BUDGET.app && 'app'].filter(Boolean);
if (over.length > 0) {
  console.error(`over budget: ${over.join(', ')}`);
  process.exitCode = 1;
}
