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
    const raw = Buffer.from(sealed.slice('enc:v1:'.length), 'base64url');
    // One bit of the ciphertext, then one of the tag, flipped (a base64 character may carry unused bits).
    for (const at of [raw.length - 1, 12]) {
      const tampered = Buffer.from(raw);
      tampered[at] = tampered[at]! ^ 1;
      expect(openSecret('k', 'totp', `enc:v1:${tampered.toString('base64url')}`)).toBeUndefined();
    }
    expect(openSecret('k', 'totp', 'enc:v1:short')).toBeUndefined();
  });
});
