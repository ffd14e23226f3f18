import { describe, expect, it } from 'vitest';
import { hashPassword, passwordWeakness, scryptDefaults, verifyPassword } from '../../src/staff/password.ts';

const cheap = { N: 2 ** 10, r: 8, p: 1 };

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('Correct-horse-12', cheap);
    expect(await verifyPassword('Correct-horse-12', stored)).toBe(true);
    expect(await verifyPassword('Correct-horse-13', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('salts: the same password hashes differently each time', async () => {
    const [a, b] = await Promise.all([hashPassword('Correct-horse-12', cheap), hashPassword('Correct-horse-12', cheap)]);
    expect(a).not.toBe(b);
    expect(await verifyPassword('Correct-horse-12', b)).toBe(true);
  });

  it('stores its parameters with the hash, so they can be raised later', async () => {
    expect(await hashPassword('Correct-horse-12', cheap)).toMatch(/^scrypt\$N=1024,r=8,p=1\$[\w-]{22}\$[\w-]{43}$/);
    expect(await hashPassword('Correct-horse-12')).toMatch(/^scrypt\$N=131072,r=8,p=1\$/);
    expect(scryptDefaults).toEqual({ N: 131072, r: 8, p: 1 });
  });

  it('refuses a stored form it does not know', async () => {
    await expect(verifyPassword('x', 'md5$abc')).rejects.toThrow('not in scrypt$N=…,r=…,p=…$salt$key form');
  });
});

describe('password policy', () => {
  it('asks for 12 characters', () => {
    expect(passwordWeakness('Short-pw-1')).toBe('The password must be at least 12 characters long.');
  });

  it('asks for more than one kind of character', () => {
    expect(passwordWeakness('abcdefghijklmn')).toContain('at least two kinds of characters');
    expect(passwordWeakness('123456789012')).toContain('at least two kinds of characters');
  });

  it('accepts a long mixed password, and a passphrase with spaces', () => {
    expect(passwordWeakness('Correct-horse-12')).toBeNull();
    expect(passwordWeakness('correct horse battery staple')).toBeNull();
  });
});
