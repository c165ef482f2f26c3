import { join } from 'node:path';

import type { CommonConfig, Environment, S3Config } from '@deskpilot/config';
import {
  commonConfig,
  commonEnvironment,
  env,
  readEnvironment,
  s3Config,
  s3Environment,
} from '@deskpilot/config';

const gatewayEnvironment = commonEnvironment.extend(s3Environment.shape).extend({
  PORT: env.port(),
  HOST: env.string(),
  JWT_SECRET: env.string(),
  ADMIN_EMAIL: env.email(),
  ADMIN_PASSWORD: env.string(),
  CORS_ORIGINS: env.string(),
  CONSOLE_DIR: env.string(),
});

export interface GatewayConfig {
  readonly common: CommonConfig;
  readonly port: number;
  readonly host: string;
  readonly s3: S3Config;
  readonly jwtSecret: string | undefined;
  readonly admin: { readonly email: string | undefined; readonly password: string | undefined };
  /** Browser origins allowed to call the API from elsewhere; the console itself is same-origin. */
  readonly corsOrigins: readonly string[];
  /** The built Angular console that the gateway serves. */
  readonly consoleDir: string;
}

export function loadGatewayConfig(environment: Environment): GatewayConfig {
  const vars = readEnvironment(gatewayEnvironment, environment);
  return {
    common: commonConfig(vars),
    port: vars.PORT ?? 3000,
    host: vars.HOST ?? '0.0.0.0',
    s3: s3Config(vars),
    jwtSecret: vars.JWT_SECRET,
    admin: { email: vars.ADMIN_EMAIL, password: vars.ADMIN_PASSWORD },
    corsOrigins: (vars.CORS_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter((origin) => origin.length > 0),
    consoleDir:
      vars.CONSOLE_DIR ?? join(__dirname, '..', '..', '..', '..', 'frontend', 'dist', 'browser'),
  };
}
