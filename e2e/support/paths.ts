import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const E2E_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const REPO_ROOT = join(E2E_ROOT, '..');
/** Screenshots and the server log; gitignored, kept by CI. */
export const ARTIFACTS_DIR = join(E2E_ROOT, 'artifacts');
