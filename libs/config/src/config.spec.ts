import { z } from 'zod';

import { commonConfig, commonEnvironment } from './common';
import { ConfigError } from './config-error';
import { readEnvironment } from './read-config';
import { env } from './variables';

describe(readEnvironment.name, () => {
  const schema = commonEnvironment.extend({
    PORT: env.port(),
    MODE: env.oneOf(['local', 'openai']),
  });

  it('should treat unset and empty variables as defaults', () => {
    const vars = readEnvironment(schema, { PORT: '', DATA_DIR: undefined });

    const config = commonConfig(vars);

    expect(vars.PORT).toBeUndefined();
    expect(config.logLevel).toBe('info');
    expect(config.runMigrations).toBe(true);
    expect(config.bus).toEqual({ prefetch: undefined, maxAttempts: 5 });
  });

  it('should parse valid values into types', () => {
    const vars = readEnvironment(schema, {
      PORT: '8080',
      DB_MIGRATIONS: 'false',
      AMQP_URL: 'amqp://guest:guest@localhost:5672',
      MODE: 'openai',
      LOG_LEVEL: 'DEBUG',
    });

    expect(vars).toMatchObject({
      PORT: 8080,
      DB_MIGRATIONS: false,
      MODE: 'openai',
      LOG_LEVEL: 'debug',
    });
  });

  it('should name every invalid variable in one error', () => {
    const read = (): unknown =>
      readEnvironment(schema, {
        PORT: 'eighty',
        DATABASE_URL: 'mysql://localhost/db',
        BUS_PREFETCH: '0',
        MODE: 'magic',
      });

    expect(read).toThrow(ConfigError);
    try {
      read();
    } catch (error) {
      const problems = (error as ConfigError).problems.map((p) => p.variable).sort();
      expect(problems).toEqual(['BUS_PREFETCH', 'DATABASE_URL', 'MODE', 'PORT']);
      expect((error as Error).message).toContain(
        'PORT: must be a port number 0-65535 (got "eighty")',
      );
      expect((error as Error).message).toContain(
        'DATABASE_URL: must use postgres or postgresql://',
      );
    }
  });

  it('should ignore variables the schema does not name', () => {
    const vars = readEnvironment(z.object({ PORT: env.port() }), { PORT: '1', OTHER: 'x' });

    expect(vars).toEqual({ PORT: 1 });
  });
});
