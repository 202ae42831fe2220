import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirInUseError } from './data-dir-lock';

describe('data directory lock', () => {
  const dirs: string[] = [];
  const freshDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'rockethub-lock-'));
    dirs.push(dir);
    return join(dir, 'db');
  };
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('refuses a second opener with a message that says what to do', () => {
    const dataDir = freshDir();
    const lock = acquireDataDirLock(dataDir);
    let caught: unknown;
    try {
      acquireDataDirLock(dataDir);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DataDirInUseError);
    expect((caught as Error).message).toContain(`pid ${process.pid}`);
    expect((caught as Error).message).toContain('DATA_DIR');
    lock.release();
  });

  it('is free again once released', () => {
    const dataDir = freshDir();
    acquireDataDirLock(dataDir).release();
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
    const again = acquireDataDirLock(dataDir);
    expect(readFileSync(`${dataDir}.lock`, 'utf8')).toBe(String(process.pid));
    again.release();
  });

  it('takes over a lock left by a process that died (kill -9)', () => {
    const dataDir = freshDir();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(`${dataDir}.lock`, dead.stdout);
    const lock = acquireDataDirLock(dataDir);
    expect(readFileSync(`${dataDir}.lock`, 'utf8')).toBe(String(process.pid));
    lock.release();
  });
});
