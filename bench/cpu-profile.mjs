// Summarises a V8 CPU profile taken through the DevTools protocol (Profiler domain): self time per
// function and per script, the heaviest first. Used by the browser benchmarks' `--profile` options.

/**
 * Starts sampling the page's main thread; the returned function stops and summarises.
 * @param {import('playwright-core').Page} page
 * @returns {Promise<() => Promise<string>>}
 */
export async function startCpuProfile(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  // Starting the profiler stalls the page for a while (it walks the compiled code): let that pass
  // and leave it out of the summary.
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  return async () => {
    const { profile } = await cdp.send('Profiler.stop');
    await cdp.detach();
    return summariseProfile(profile, SETTLE_MS);
  };
}

const SETTLE_MS = 1500;

/** @param {any} profile @param {number} skipMs samples in the first `skipMs` are left out @param {number} [top] */
export function summariseProfile(profile, skipMs, top = 25) {
  /** @type {Map<number, any>} */
  const nodes = new Map(profile.nodes.map((/** @type {any} */ n) => [n.id, n]));
  /** @type {Map<number, number>} */
  const hits = new Map();
  const deltas = profile.timeDeltas ?? [];
  let at = profile.startTime;
  profile.samples.forEach((/** @type {number} */ id, /** @type {number} */ i) => {
    at += deltas[i] ?? 0;
    if (at - profile.startTime >= skipMs * 1000) hits.set(id, (hits.get(id) ?? 0) + (deltas[i] ?? 0));
  });
  /** @type {Map<string, number>} */
  const byFunction = new Map();
  let total = 0;
  for (const [id, us] of hits) {
    const frame = nodes.get(id)?.callFrame;
    const script = (frame?.url ?? '').split('/').pop() || '(native)';
    const key = `${frame?.functionName || '(anonymous)'} ${script}:${(frame?.lineNumber ?? 0) + 1}:${(frame?.columnNumber ?? 0) + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
    total += us;
  }
  const rows = [...byFunction.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
  return [`sampled ${(total / 1000).toFixed(0)} ms`, ...rows.map(([k, us]) => `${(us / 1000).toFixed(1).padStart(8)} ms  ${k}`)].join('\n');
}
