// Sign-in latency through HTTP (dominated by argon2id), and the argon2id hash cost alone.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hash } from '@node-rs/argon2';
import { fmt, machine, percentile, startNode } from './lib.mjs';

const ATTEMPTS = Number(process.env.BENCH_SIGN_INS ?? 8);

export async function benchSignIn() {
  const hashes = [];
  for (let i = 0; i < 20; i++) {
    const started = performance.now();
    await hash(`password-${i}`, { algorithm: 2 });
    hashes.push(performance.now() - started);
  }

  const dir = mkdtempSync(join(tmpdir(), 'rockethub-bench-'));
  const node = await startNode({ DATA_DIR: join(dir, 'data') });
  try {
    const json = { 'content-type': 'application/json' };
    const email = 'bench@rockethub.test';
    const password = 'Bench-password-1';
    const created = await fetch(`${node.url}/api/v1/accounts`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ account_name: 'Bench', user_full_name: 'Bench', email, password }),
    });
    if (created.status !== 200) throw new Error(`sign-up failed: ${created.status}`);
    // Stay under the per-email limit (10 per 15 minutes): the limit is part of sign-in, not a cost.
    const latencies = [];
    for (let i = 0; i < ATTEMPTS; i++) {
      const started = performance.now();
      const res = await fetch(`${node.url}/auth/sign_in`, { method: 'POST', headers: json, body: JSON.stringify({ email, password }) });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`sign-in failed: ${res.status}`);
      latencies.push(performance.now() - started);
    }
    return {
      argon2idHashMs: { median: percentile(hashes, 50), p95: percentile(hashes, 95) },
      signInMs: { median: percentile(latencies, 50), p95: percentile(latencies, 95), attempts: ATTEMPTS },
    };
  } finally {
    await node.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchSignIn();
  console.log(`machine: ${machine()}`);
  console.log(`argon2id hash (m=19 MiB, t=2, p=1): median ${fmt(r.argon2idHashMs.median)}, p95 ${fmt(r.argon2idHashMs.p95)}`);
  console.log(`POST /auth/sign_in (${r.signInMs.attempts} sequential): median ${fmt(r.signInMs.median)}, p95 ${fmt(r.signInMs.p95)}`);
}
