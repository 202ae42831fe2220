// Latency bookkeeping and HTTP helpers shared by the conversation-core benchmarks.
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { percentile, root } from './lib.mjs';

/** @typedef {{ n: number, p50: number, p95: number, p99: number, max: number }} Summary */

/** @param {number[]} values @returns {Summary} */
export function summarize(values) {
  return {
    n: values.length,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    p99: percentile(values, 99),
    max: values.length ? Math.max(...values) : 0,
  };
}

/** @param {number} ms */
export const ms = (ms) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));

/** One line of a latency table. @param {string} name @param {Summary} s @param {number} [width] */
export function line(name, s, width = 64) {
  return `${name.padEnd(width)} ${String(s.n).padStart(6)} ${ms(s.p50).padStart(8)} ${ms(s.p95).padStart(8)} ${ms(s.p99).padStart(8)} ${ms(s.max).padStart(8)}`;
}

/** @param {string} title @param {number} [width] */
export function header(title, width = 64) {
  return `\n${title.padEnd(width)} ${'n'.padStart(6)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'max ms'.padStart(8)}`;
}

/**
 * A timed GET whose body is read completely. Throws on an unexpected status.
 * @param {string} url
 * @param {Record<string, string>} headers
 * @returns {Promise<{ ms: number, status: number, body: any }>}
 */
export async function timedGet(url, headers) {
  const started = performance.now();
  const res = await fetch(url, { headers });
  const text = await res.text();
  const elapsed = performance.now() - started;
  if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}: ${text.slice(0, 300)}`);
  return { ms: elapsed, status: res.status, body: text ? JSON.parse(text) : null };
}

/**
 * Whether the node serves a route: anything but its "No route for" 404.
 * @param {string} url @param {RequestInit} [init]
 */
export async function routeExists(url, init) {
  const res = await fetch(url, init);
  const text = await res.text();
  return !(res.status === 404 && text.includes('No route for'));
}

/** Fisher–Yates with a seeded generator, so runs visit cases in the same order. @template T @param {T[]} list @param {() => number} random */
export function shuffle(list, random) {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = /** @type {[T, T]} */ ([out[j], out[i]]);
  }
  return out;
}

/** @param {number} seed */
export function seededRandom(seed) {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Saves a run's figures under bench/results/ (ignored by git). @param {string} name @param {unknown} data */
export function saveResults(name, data) {
  const dir = join(root, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
  return file;
}

/** The machine's 1/5/15-minute load averages (it is shared: figures taken under load say so). */
export const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');
