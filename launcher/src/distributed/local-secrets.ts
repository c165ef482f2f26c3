import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { Environment } from '@deskpilot/config';

export const LOCAL_ADMIN_EMAIL = 'admin@deskpilot.local';

export interface LocalGatewaySecrets {
  /** Variables to add to the gateway's environment. */
  readonly env: Record<string, string>;
  /** The administrator proposed to the gateway when none was configured. */
  readonly proposedAdmin: { readonly email: string; readonly password: string } | undefined;
}

/**
 * What a gateway in its own process needs but a local run is not given: a signing key kept under
 * the data directory (so sessions survive restarts) and, without ADMIN_EMAIL, an administrator
 * with a fresh random password. The gateway creates that administrator only if the account does
 * not exist yet.
 */
export async function localGatewaySecrets(
  dataDir: string,
  environment: Environment,
): Promise<LocalGatewaySecrets> {
  const env: Record<string, string> = {};
  if (!isSet(environment.JWT_SECRET)) {
    env.JWT_SECRET = await keptSecret(join(dataDir, 'launcher', 'jwt-secret'));
  }
  if (isSet(environment.ADMIN_EMAIL)) {
    return { env, proposedAdmin: undefined };
  }
  const proposedAdmin = {
    email: LOCAL_ADMIN_EMAIL,
    password: randomBytes(18).toString('base64url'),
  };
  env.ADMIN_EMAIL = proposedAdmin.email;
  env.ADMIN_PASSWORD = proposedAdmin.password;
  return { env, proposedAdmin };
}

/**
 * Whether the proposed administrator was created by this start: only then does its password sign
 * in, and only then is it worth showing.
 */
export async function wasCreatedNow(
  gatewayUrl: string,
  admin: { readonly email: string; readonly password: string },
): Promise<boolean> {
  const response = await fetch(`${gatewayUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(admin),
  });
  return response.ok;
}

function isSet(value: string | undefined): boolean {
  return value !== undefined && value !== '';
}

async function keptSecret(path: string): Promise<string> {
  const existing = await readFile(path, 'utf8').catch(() => undefined);
  if (existing !== undefined && existing.trim().length >= 32) {
    return existing.trim();
  }
  const secret = randomBytes(48).toString('base64url');
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, `${secret}\n`, { mode: 0o600 });
  await chmod(path, 0o600);
  return secret;
}
