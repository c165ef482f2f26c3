import type { CommonConfig, Environment } from '@deskpilot/config';
import { commonConfig, commonEnvironment, env, readEnvironment } from '@deskpilot/config';

const whmcsSyncEnvironment = commonEnvironment.extend({
  PORT: env.port(),
  WHMCS_URL: env.url(['http', 'https']),
  WHMCS_IDENTIFIER: env.string(),
  WHMCS_SECRET: env.string(),
  WHMCS_ACCESS_KEY: env.string(),
  WHMCS_ADMIN_USERNAME: env.string(),
  WHMCS_POLL_SECONDS: env.int(5, 3600),
});

export interface WhmcsSyncConfig {
  readonly common: CommonConfig;
  readonly port: number;
  readonly whmcs: {
    /** Unset in the embedded mode, which starts the built-in WHMCS simulator instead. */
    readonly url: string | undefined;
    readonly identifier: string | undefined;
    readonly secret: string | undefined;
    readonly accessKey: string | undefined;
    readonly adminUsername: string | undefined;
    readonly pollSeconds: number;
  };
}

export function loadWhmcsSyncConfig(environment: Environment): WhmcsSyncConfig {
  const vars = readEnvironment(whmcsSyncEnvironment, environment);
  return {
    common: commonConfig(vars),
    port: vars.PORT ?? 3004,
    whmcs: {
      url: vars.WHMCS_URL,
      identifier: vars.WHMCS_IDENTIFIER,
      secret: vars.WHMCS_SECRET,
      accessKey: vars.WHMCS_ACCESS_KEY,
      adminUsername: vars.WHMCS_ADMIN_USERNAME,
      pollSeconds: vars.WHMCS_POLL_SECONDS ?? 60,
    },
  };
}
