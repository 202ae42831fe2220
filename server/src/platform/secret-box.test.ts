import { describe, expect, it } from 'vitest';
import { isSealed, openSecret, sealSecret } from './secret-box';

describe('secret box', () => {
  it('seals a value that only the same installation secret and purpose open', () => {
    const sealed = sealSecret('installation-a', 'totp', 'JBSWY3DPEHPK3PXP');
    expect(isSealed(sealed)).toBe(true);
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(openSecret('installation-a', 'totp', sealed)).toBe('JBSWY3DPEHPK3PXP');
    expect(openSecret('installation-b', 'totp', sealed)).toBeUndefined();
    expect(openSecret('installation-a', 'other', sealed)).toBeUndefined();
  });

  it('gives a different ciphertext each time', () => {
    expect(sealSecret('k', 'totp', 'same')).not.toBe(sealSecret('k', 'totp', 'same'));
  });

  it('reads values stored before encryption as they are', () => {
    expect(openSecret('k', 'totp', 'JBSWY3DPEHPK3PXP')).toBe('JBSWY3DPEHPK3PXP');
  });

  it('refuses a tampered value', () => {
    const sealed = sealSecret('k', 'totp', 'secret');
    const last = sealed.at(-1) === 'A' ? 'B' : 'A';
    expect(openSecret('k', 'totp', sealed.slice(0, -1) + last)).toBeUndefined();
    expect(openSecret('k', 'totp', 'enc:v1:short')).toBeUndefined();
  });
});
