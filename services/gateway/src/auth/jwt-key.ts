import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

import type { Logger } from '@deskpilot/observability';

import type { GatewayConfig } from '../config/gateway.config';

/** Injection token of the HS256 key that signs and verifies access tokens. */
export const JWT_KEY = Symbol('JWT_KEY');

export const MIN_JWT_SECRET_LENGTH = 32;

/**
 * JWT_SECRET when set. Otherwise (embedded mode only: the config refuses a standalone gateway
 * without it) a random key kept under DATA_DIR, so sessions survive restarts.
 */
export async function resolveJwtKey(config: GatewayConfig, logger: Logger): Promise<string> {
  if (config.jwtSecret !== undefined) {
    return config.jwtSecret;
  }
  const file = join(config.common.dataDir, 'gateway', 'jwt-secret');
  const existing = await readKey(file);
  if (existing !== undefined) {
    return existing;
  }
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const key = randomBytes(48).toString('base64url');
  try {
    await writeFile(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
    logger.info({ file }, 'Generated the key that signs access tokens');
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      const written = await readKey(file);
      if (written !== undefined) {
        return written;
      }
    }
    throw error;
  }
}

async function readKey(file: string): Promise<string | undefined> {
  let content: string;
  try {
    content = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return undefined;
    }
    throw error;
  }
  const key = content.trim();
  if (key.length < MIN_JWT_SECRET_LENGTH) {
    throw new Error(
      `${file} holds no usable key (fewer than ${MIN_JWT_SECRET_LENGTH} characters): delete it to generate a new one, or set JWT_SECRET`,
    );
  }
  return key;
}
