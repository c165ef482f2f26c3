import type { CommonConfig, Environment } from '@deskpilot/config';
import { commonConfig, commonEnvironment, env, readEnvironment } from '@deskpilot/config';

const retrievalEnvironment = commonEnvironment.extend({
  PORT: env.port(),
});

export interface RetrievalConfig {
  readonly common: CommonConfig;
  readonly port: number;
}

export function loadRetrievalConfig(environment: Environment): RetrievalConfig {
  const vars = readEnvironment(retrievalEnvironment, environment);
  return {
    common: commonConfig(vars),
    port: vars.PORT ?? 3002,
  };
}
