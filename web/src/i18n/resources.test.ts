import { describe, expect, it } from 'vitest';
import { type Messages, resources } from './resources';

function keys(messages: Messages, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`)));
}

describe('UI texts', () => {
  it('exist in pt-BR and English alike, none empty', () => {
    const pt = keys(resources['pt-BR'].translation);
    const en = keys(resources.en.translation);
    expect(pt.filter((k) => !en.includes(k))).toEqual([]);
    expect(en.filter((k) => !pt.includes(k))).toEqual([]);
    expect(pt.length).toBeGreaterThan(100);
  });
});
