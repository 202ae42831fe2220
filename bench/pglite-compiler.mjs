// The embedded database runs its WebAssembly on V8's baseline compiler (--liftoff-only) to save
// memory. This measures what that costs: the same query mix on PGlite with and without the flag,
// each in a fresh process, alternating, several rounds.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { machine, percentile } from './lib.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

async function workload() {
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create({ postgresqlconf: ['shared_buffers=16MB', 'max_connections=4'] });
  await db.exec('CREATE TABLE t (id serial PRIMARY KEY, a int, b text); CREATE INDEX t_a ON t (a)');
  /** @type {Record<string, number>} */
  const ms = {};
  const time = async (/** @type {string} */ name, /** @type {() => Promise<void>} */ fn) => {
    const started = performance.now();
    await fn();
    ms[name] = Math.round(performance.now() - started);
  };
  await time('2000 single-row inserts', async () => {
    for (let i = 0; i < 2000; i++) await db.query('INSERT INTO t (a, b) VALUES ($1, $2)', [i, `text ${i}`]);
  });
  await time('bulk insert 100k rows', async () => {
    await db.exec("INSERT INTO t (a, b) SELECT g % 5000, md5(g::text) FROM generate_series(1, 100000) g");
  });
  await time('2000 indexed lookups', async () => {
    for (let i = 0; i < 2000; i++) await db.query('SELECT * FROM t WHERE a = $1 LIMIT 20', [i % 5000]);
  });
  await time('100 aggregate scans', async () => {
    for (let i = 0; i < 100; i++) await db.query('SELECT count(*), max(b) FROM t WHERE a % 7 = $1', [i % 7]);
  });
  ms['rss MB'] = Math.round(process.memoryUsage().rss / 1_048_576);
  await db.close();
  return ms;
}

if (process.argv[2] === '--child') {
  console.log(JSON.stringify(await workload()));
} else {
  const self = fileURLToPath(import.meta.url);
  /** @type {{ optimising: Record<string, number[]>, 'baseline only': Record<string, number[]> }} */
  const results = { optimising: {}, 'baseline only': {} };
  for (let round = 0; round < ROUNDS; round++) {
    for (const [label, flags] of /** @type {const} */ ([['optimising', []], ['baseline only', ['--liftoff-only']]])) {
      const run = spawnSync(process.execPath, [...flags, self, '--child'], { encoding: 'utf8' });
      if (run.status !== 0) throw new Error(run.stderr);
      for (const [name, value] of Object.entries(JSON.parse(run.stdout))) (results[label][name] ??= []).push(value);
    }
  }
  console.log(`machine: ${machine()}; ${ROUNDS} rounds, median`);
  for (const name of Object.keys(results.optimising)) {
    const a = percentile(results.optimising[name] ?? [], 50);
    const b = percentile(results['baseline only'][name] ?? [], 50);
    console.log(`${name.padEnd(26)} optimising ${String(a).padStart(6)}   baseline only ${String(b).padStart(6)}`);
  }
}
