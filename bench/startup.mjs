// Time from `rockethub start` to GET /ready = 200, first run (new data directory) and restart,
// and the idle resident memory of one node. Embedded PGlite by default; with DATABASE_URL, that
// PostgreSQL (first run = empty database).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { fmt, machine, percentile, rssMb, startNode } from './lib.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 10);

/** @param {string} url @param {string} name */
async function dropDatabase(url, name) {
  const admin = new pg.Client({ connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
}

/** @param {string} url @param {string} name */
async function freshDatabase(url, name) {
  const admin = new pg.Client({ connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  return Object.assign(new URL(url), { pathname: `/${name}` }).toString();
}

export async function benchStartup() {
  const first = [];
  const restart = [];
  const idle = [];
  const npmFirst = [];
  const npmRestart = [];
  for (let run = 0; run < RUNS; run++) {
    const dir = mkdtempSync(join(tmpdir(), 'rockethub-bench-'));
    /** @type {Record<string, string>} */
    const env = process.env.DATABASE_URL
      ? { DATABASE_URL: await freshDatabase(process.env.DATABASE_URL, `rockethub_bench_${process.pid}_${run}`) }
      : { DATA_DIR: join(dir, 'data') };
    let node = await startNode(env);
    first.push(node.readyMs);
    await node.stop();
    node = await startNode(env);
    restart.push(node.readyMs);
    await new Promise((resolve) => setTimeout(resolve, IDLE_SECONDS * 1000));
    idle.push(rssMb(node.pid));
    await node.stop();
    rmSync(dir, { recursive: true, force: true });
    if (process.env.DATABASE_URL) await dropDatabase(process.env.DATABASE_URL, `rockethub_bench_${process.pid}_${run}`);
    if (!process.env.DATABASE_URL) {
      // As a user runs it: `npm start` (npm, the up-to-date check of the build, then the app).
      const npmEnv = { DATA_DIR: join(dir, 'npm-data') };
      let viaNpm = await startNode(npmEnv, { viaNpm: true });
      npmFirst.push(viaNpm.readyMs);
      await viaNpm.stop();
      viaNpm = await startNode(npmEnv, { viaNpm: true });
      npmRestart.push(viaNpm.readyMs);
      await viaNpm.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return {
    mode: process.env.DATABASE_URL ? 'postgres' : 'embedded',
    runs: RUNS,
    firstRunToReadyMs: { median: percentile(first, 50), max: Math.max(...first) },
    restartToReadyMs: { median: percentile(restart, 50), max: Math.max(...restart) },
    idleRssMb: { median: percentile(idle, 50), max: Math.max(...idle) },
    npmStartFirstRunMs: npmFirst.length ? { median: percentile(npmFirst, 50), max: Math.max(...npmFirst) } : undefined,
    npmStartRestartMs: npmRestart.length ? { median: percentile(npmRestart, 50), max: Math.max(...npmRestart) } : undefined,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchStartup();
  console.log(`machine: ${machine()}`);
  console.log(`mode: ${r.mode}, ${r.runs} runs`);
  console.log(`start → /ready, first run: median ${fmt(r.firstRunToReadyMs.median)}, max ${fmt(r.firstRunToReadyMs.max)}`);
  console.log(`start → /ready, restart:   median ${fmt(r.restartToReadyMs.median)}, max ${fmt(r.restartToReadyMs.max)}`);
  console.log(`idle RSS after ${IDLE_SECONDS}s: median ${r.idleRssMb.median.toFixed(0)} MB, max ${r.idleRssMb.max.toFixed(0)} MB`);
  if (r.npmStartFirstRunMs && r.npmStartRestartMs) {
    console.log(`npm start → /ready, first run: median ${fmt(r.npmStartFirstRunMs.median)}, max ${fmt(r.npmStartFirstRunMs.max)}`);
    console.log(`npm start → /ready, restart:   median ${fmt(r.npmStartRestartMs.median)}, max ${fmt(r.npmStartRestartMs.max)}`);
  }
}
