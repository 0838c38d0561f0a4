import { describe, expect, it } from 'vitest';
import { DEFAULT_SCRYPT_COST, hashPassword, verifyPassword } from '../../../src/serve/auth/password.js';

describe('password hashing (scrypt)', () => {
  it('stores the parameters and a fresh salt; verifies only the right password', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{86}$/);
    expect(DEFAULT_SCRYPT_COST.N).toBe(2 ** 15);
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse batterz', a)).toBe(false);
    expect(await verifyPassword('', a)).toBe(false);
  });

  it('verifies a hash made with other parameters, and rejects tampered or foreign formats', async () => {
    const cheap = await hashPassword('密码也可以是中文的', { N: 2 ** 10, r: 8, p: 1 });
    expect(cheap.startsWith('scrypt$1024$8$1$')).toBe(true);
    expect(await verifyPassword('密码也可以是中文的', cheap)).toBe(true);
    // NFKC: the full-width form of a password is the same password.
    const ascii = await hashPassword('Passw0rd-123', { N: 2 ** 10, r: 8, p: 1 });
    expect(await verifyPassword('Ｐａｓｓｗ０ｒｄ－１２３', ascii)).toBe(true);
    const parts = cheap.split('$');
    parts[5] = `${parts[5].slice(0, -2)}AA`;
    expect(await verifyPassword('密码也可以是中文的', parts.join('$'))).toBe(false);
    expect(await verifyPassword('x', 'bcrypt$2b$10$abc')).toBe(false);
  });
});
