// Wall time of the README's `npm test`, embedded and (when DATABASE_URL/REDIS_URL are given)
// against PostgreSQL + Redis.
import { spawnSync } from 'node:child_process';
import { fmt, machine, root } from './lib.mjs';

/** @param {Record<string, string | undefined>} env */
function timeNpmTest(env) {
  const started = performance.now();
  const result = spawnSync('npm', ['test'], { cwd: root, env: { ...process.env, NO_COLOR: '1', ...env }, stdio: 'ignore' });
  if (result.status !== 0) throw new Error('npm test failed');
  return performance.now() - started;
}

export function benchTestSuite() {
  const embedded = timeNpmTest({ DATABASE_URL: '', REDIS_URL: '' });
  const servicesUrl = process.env.BENCH_DATABASE_URL;
  const services = servicesUrl
    ? timeNpmTest({ DATABASE_URL: servicesUrl, REDIS_URL: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379' })
    : undefined;
  return { embeddedMs: embedded, servicesMs: services };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = benchTestSuite();
  console.log(`machine: ${machine()}`);
  console.log(`npm test, embedded: ${fmt(r.embeddedMs)}`);
  if (r.servicesMs !== undefined) console.log(`npm test, PostgreSQL + Redis: ${fmt(r.servicesMs)}`);
}
