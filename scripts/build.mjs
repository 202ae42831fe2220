// Builds what `npm start` runs: the server bundle (esbuild) and the dashboard (Vite).
// Each part is rebuilt only when its sources changed since the last build, so a restart is fast.
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const force = process.argv.includes('--force');

function newestMtime(paths) {
  let newest = 0;
  const visit = (path) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) if (entry !== 'node_modules' && entry !== 'dist') visit(join(path, entry));
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  paths.forEach((p) => visit(join(root, p)));
  return newest;
}

function isStale(stampFile, sources) {
  if (force || !existsSync(stampFile)) return true;
  return newestMtime(sources) > Number(readFileSync(stampFile, 'utf8'));
}

function stamp(stampFile, sources) {
  mkdirSync(dirname(stampFile), { recursive: true });
  writeFileSync(stampFile, String(newestMtime(sources)));
}

export async function buildServer() {
  const sources = ['server/src', 'packages/shared/src', 'server/package.json', 'package-lock.json'];
  const stampFile = join(root, 'server/dist/.build-stamp');
  if (!isStale(stampFile, sources)) return false;
  const { build } = await import('esbuild');
  const manifest = JSON.parse(readFileSync(join(root, 'server/package.json'), 'utf8'));
  // Installed packages stay imports; the workspace's own TypeScript packages are bundled in.
  const external = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies }).filter((name) => !name.startsWith('@rockethub/'));
  await build({
    entryPoints: [join(root, 'server/src/main.ts')],
    outfile: join(root, 'server/dist/main.js'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    external,
    logLevel: 'warning',
  });
  stamp(stampFile, sources);
  return true;
}

export async function buildWeb() {
  const sources = ['web/src', 'web/index.html', 'web/vite.config.ts', 'web/public', 'packages/shared/src', 'package-lock.json'];
  const stampFile = join(root, 'web/dist/.build-stamp');
  if (!existsSync(join(root, 'web/index.html'))) return false;
  if (!isStale(stampFile, sources)) return false;
  const { build } = await import('vite');
  await build({ root: join(root, 'web'), configFile: join(root, 'web/vite.config.ts'), logLevel: 'warn' });
  stamp(stampFile, sources);
  return true;
}

/** The website widget: the loader (`sdk.js`, an IIFE for any page) and the Preact app of its iframe (`app.js`, `app.css`). */
export async function buildWidget() {
  const sources = ['widget/src', 'widget/package.json', 'package-lock.json'];
  const stampFile = join(root, 'widget/dist/.build-stamp');
  if (!isStale(stampFile, sources)) return false;
  const { build } = await import('esbuild');
  const common = { bundle: true, minify: true, legalComments: 'none', logLevel: 'warning', define: { 'process.env.NODE_ENV': '"production"' } };
  await build({ ...common, entryPoints: [join(root, 'widget/src/loader.ts')], outfile: join(root, 'widget/dist/sdk.js'), format: 'iife', target: 'es2019' });
  await build({
    ...common,
    entryPoints: [join(root, 'widget/src/app/main.tsx')],
    outfile: join(root, 'widget/dist/app.js'),
    format: 'esm',
    target: 'es2020',
    jsx: 'automatic',
    jsxImportSource: 'preact',
  });
  stamp(stampFile, sources);
  return true;
}

export async function buildAll() {
  const server = await buildServer();
  const web = await buildWeb();
  const widget = await buildWidget();
  return { server, web, widget };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  const built = await buildAll();
  console.log(
    `build: server ${built.server ? 'rebuilt' : 'up to date'}, web ${built.web ? 'rebuilt' : 'up to date'}, widget ${built.widget ? 'rebuilt' : 'up to date'} (${Date.now() - started} ms)`,
  );
}
