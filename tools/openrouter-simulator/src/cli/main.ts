import { parseArgs } from 'node:util';

import { startOpenRouterSimulator } from '../server/openrouter-simulator';

const USAGE = `Usage: node tools/openrouter-simulator/dist/cli/main.js [options]
  --port <n>              port to listen on (default 4010; 0 picks a free one)
  --host <addr>           address to bind (default 127.0.0.1)
  --key <key>             accepted API key (repeatable; default sk-or-v1-deskpilot-simulator-key)
  --token-delay <ms>      pause between streamed tokens (default 0)
  --first-token-delay <ms> pause before the first token (default 0)
  --credit-limit <usd>    credit limit per key; above it requests get 402
Faults, settings and recorded requests are under /_sim (see README.md).`;

function main(): void {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4010' },
      host: { type: 'string', default: '127.0.0.1' },
      key: { type: 'string', multiple: true },
      'token-delay': { type: 'string' },
      'first-token-delay': { type: 'string' },
      'credit-limit': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  startOpenRouterSimulator({
    port: number('--port', values.port),
    host: values.host,
    ...(values.key ? { apiKeys: values.key } : {}),
    ...optionalNumber('tokenDelayMs', '--token-delay', values['token-delay']),
    ...optionalNumber('firstTokenDelayMs', '--first-token-delay', values['first-token-delay']),
    ...optionalNumber('creditLimit', '--credit-limit', values['credit-limit']),
  }).then(
    (simulator) => {
      process.stdout.write(
        `OpenRouter simulator listening: OPENROUTER_BASE_URL=${simulator.baseUrl} ` +
          `OPENROUTER_API_KEY=${simulator.apiKey}\n`,
      );
      const stop = (): void => {
        void simulator.close().then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    },
    (error: unknown) => {
      process.stderr.write(`Cannot start: ${String(error)}\n`);
      process.exit(1);
    },
  );
}

function number(flag: string, value: string | undefined): number {
  const parsed = Number(value);
  if (value === undefined || !Number.isFinite(parsed) || parsed < 0) {
    process.stderr.write(`${flag} must be a non-negative number (got ${String(value)})\n`);
    process.exit(2);
  }
  return parsed;
}

function optionalNumber(
  key: string,
  flag: string,
  value: string | undefined,
): Record<string, number> {
  return value === undefined ? {} : { [key]: number(flag, value) };
}

main();
