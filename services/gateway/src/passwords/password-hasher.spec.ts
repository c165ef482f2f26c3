import bcrypt from 'bcryptjs';

import { BCRYPT_COST, DUMMY_PASSWORD_HASH, PasswordHasher } from './password-hasher';

describe(PasswordHasher.name, () => {
  const sut = new PasswordHasher();

  it('should hash with a cost of at least 12', async () => {
    const hash = await sut.hash('Tidal-Hammock-Quartz-71');

    expect(BCRYPT_COST).toBeGreaterThanOrEqual(12);
    expect(bcrypt.getRounds(hash)).toBe(BCRYPT_COST);
    await expect(sut.verify('Tidal-Hammock-Quartz-71', hash)).resolves.toBe(true);
    await expect(sut.verify('tidal-hammock-quartz-71', hash)).resolves.toBe(false);
  });

  it('should spend a full check against the dummy hash when there is no account', async () => {
    const compare = jest.spyOn(bcrypt, 'compare');

    await expect(sut.verify('anything-at-all', undefined)).resolves.toBe(false);

    expect(compare).toHaveBeenCalledWith('anything-at-all', DUMMY_PASSWORD_HASH);
    expect(bcrypt.getRounds(DUMMY_PASSWORD_HASH)).toBe(BCRYPT_COST);
  });

  it('should ask for a rehash of weaker hashes only', () => {
    expect(sut.needsRehash(bcrypt.hashSync('x', 4))).toBe(true);
    expect(sut.needsRehash(DUMMY_PASSWORD_HASH)).toBe(false);
  });
});
