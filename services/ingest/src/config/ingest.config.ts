import type { CommonConfig, Environment, S3Config } from '@deskpilot/config';
import {
  commonConfig,
  commonEnvironment,
  env,
  readEnvironment,
  s3Config,
  s3Environment,
} from '@deskpilot/config';

const ingestEnvironment = commonEnvironment.extend(s3Environment.shape).extend({
  PORT: env.port(),
});

export interface IngestConfig {
  readonly common: CommonConfig;
  readonly port: number;
  readonly s3: S3Config;
}

export function loadIngestConfig(environment: Environment): IngestConfig {
  const vars = readEnvironment(ingestEnvironment, environment);
  return { common: commonConfig(vars), port: vars.PORT ?? 3001, s3: s3Config(vars) };
}
