// Builds RocketHub as `npm start` does, runs the real server on a fresh data directory and a free
// port for the whole suite, and offers the journeys a way to restart it (POST <controlUrl>/restart).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TestProject } from 'vitest/node';
import { AppServer, freePort } from './app-server';
import { ARTIFACTS_DIR, REPO_ROOT } from './paths';
import './provided-context';

type BuildAll = () => Promise<{ server: boolean; web: boolean; widget: boolean }>;

async function build(): Promise<void> {
  const { buildAll } = (await import(pathToFileURL(join(REPO_ROOT, 'scripts/build.mjs')).href)) as { buildAll: BuildAll };
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  const started = Date.now();
  try {
    const built = await buildAll();
    console.log(
      `[e2e] build: server ${built.server ? 'rebuilt' : 'up to date'}, web ${built.web ? 'rebuilt' : 'up to date'}, widget ${built.widget ? 'rebuilt' : 'up to date'} (${Date.now() - started} ms)`,
    );
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}

/** A tiny HTTP endpoint in this process, so a journey (in a worker) can restart the server it shares. */
async function startControl(server: AppServer): Promise<{ url: string; close: () => Promise<void> }> {
  let queue: Promise<unknown> = Promise.resolve();
  const control: Server = createServer((request, response) => {
    if (request.method !== 'POST' || request.url !== '/restart') {
      response.writeHead(404).end();
      return;
    }
    const restart = queue.then(() => server.restart());
    queue = restart.catch(() => undefined);
    restart.then(
      () => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ starts: server.starts, pid: server.pid })),
      (error: unknown) => response.writeHead(500, { 'content-type': 'text/plain' }).end(String(error instanceof Error ? error.message : error)),
    );
  });
  const port = await freePort();
  await new Promise<void>((resolve) => control.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => control.close(() => resolve())),
  };
}

export default async function setup(project: TestProject) {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const logFile = join(ARTIFACTS_DIR, 'server.log');
  rmSync(logFile, { force: true });

  await build();

  const dataDir = mkdtempSync(join(tmpdir(), 'rockethub-e2e-'));
  const removeData = () => {
    if (!process.env.E2E_KEEP_DATA) rmSync(dataDir, { recursive: true, force: true });
  };
  const server = new AppServer({ dataDir, port: await freePort(), logFile });
  const killOnExit = () => server.killNow();
  process.once('exit', killOnExit);
  const started = Date.now();
  try {
    await server.start();
  } catch (error) {
    await server.close().catch(() => undefined);
    process.off('exit', killOnExit);
    removeData();
    throw error;
  }
  console.log(`[e2e] RocketHub ready at ${server.baseUrl} in ${Date.now() - started} ms (data in ${dataDir}, log in ${logFile})`);
  const control = await startControl(server);

  project.provide('baseUrl', server.baseUrl);
  project.provide('controlUrl', control.url);

  return async () => {
    try {
      await control.close();
      await server.close();
    } finally {
      process.off('exit', killOnExit);
      removeData();
    }
  };
}
