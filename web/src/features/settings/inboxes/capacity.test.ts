import { describe, expect, it } from 'vitest';
import { capacityFrom } from './capacity';

describe('per-agent capacity', () => {
  it('blank is no limit; whole numbers from 1 to 1000 are a limit', () => {
    expect(capacityFrom('  ')).toEqual({ limit: null });
    expect(capacityFrom('10')).toEqual({ limit: 10 });
    expect(capacityFrom('1000')).toEqual({ limit: 1000 });
  });

  it('refuses what the server would', () => {
    for (const bad of ['0', '1001', '2.5', '-3', 'dez']) expect(capacityFrom(bad)).toEqual({ error: 'invalid' });
  });
});
