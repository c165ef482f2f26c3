import { Injectable } from '@nestjs/common';
import bcrypt from 'bcryptjs';

/** bcrypt work factor: about 0.3 s per hash or check on this hardware. */
export const BCRYPT_COST = 12;

/**
 * A cost-12 hash of a random value nobody knows. Checking a password against it when the account
 * does not exist takes as long as a real check, so response time does not reveal which emails
 * have accounts.
 */
export const DUMMY_PASSWORD_HASH = '$2b$12$zmhwZXr.jKwOhYePydHoteaGrM6qeKDbcBXrN6Q/kZ97o0DvU3/Um';

@Injectable()
export class PasswordHasher {
  hash(password: string): Promise<string> {
    return bcrypt.hash(password, BCRYPT_COST);
  }

  /**
   * Whether the password matches; without a hash (unknown account) it still spends the time of a
   * check. bcryptjs compares the digests in constant time.
   */
  async verify(password: string, hash: string | undefined): Promise<boolean> {
    const matches = await bcrypt.compare(password, hash ?? DUMMY_PASSWORD_HASH);
    return hash !== undefined && matches;
  }

  /** A hash made with a lower cost than today's is upgraded at the next successful sign-in. */
  needsRehash(hash: string): boolean {
    return bcrypt.getRounds(hash) < BCRYPT_COST;
  }
}
