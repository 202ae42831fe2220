import { spawn } from 'node:child_process';
import { basename, join } from 'node:path';
import { mkdirSync, readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { serverRoot } from '../src/paths';

const outDir = join(serverRoot, '.test-scripts');

/**
 * Bundles a TypeScript entry (test fixture or the CLI) to plain JS inside the repository, so a
 * child process can run it with node and resolve the installed packages.
 */
export async function bundleScript(entry: string): Promise<string> {
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, `${basename(entry, '.ts')}-${process.pid}.mjs`);
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: installedPackages(),
    logLevel: 'error',
  });
  return outfile;
}

/** Installed packages stay imports; the workspace's own TypeScript packages are bundled in. */
function installedPackages(): string[] {
  const manifest = JSON.parse(readFileSync(join(serverRoot, 'package.json'), 'utf8'));
  return Object.keys({ ...manifest.dependencies, ...manifest.devDependencies }).filter((name) => !name.startsWith('@rockethub/'));
}

export type ChildRun = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };

/** Runs a bundled script to its end (or its death) and collects its output. */
export function runScript(file: string, env: Record<string, string>, args: string[] = [], timeoutMs = 60_000): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [file, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`script timed out: ${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}
