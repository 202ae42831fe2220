import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The server package folder, found by walking up from this module, so paths work the same from
 * the TypeScript sources (tests, dev) and from the bundle in server/dist.
 */
function findServerRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === '@rockethub/server') return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('Cannot find the @rockethub/server package folder');
    dir = parent;
  }
}

export const serverRoot = findServerRoot();
export const repoRoot = dirname(serverRoot);
export const migrationsFolder = join(serverRoot, 'src/db/migrations');
export const webDistFolder = join(repoRoot, 'web/dist');

let version: string | undefined;
export function rocketHubVersion(): string {
  version ??= String(JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).version ?? '0.0.0');
  return version;
}
export const widgetDistFolder = join(repoRoot, 'widget/dist');
