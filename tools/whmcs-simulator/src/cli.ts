import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

import { SIMULATOR_CREDENTIALS } from './api/api-credentials';
import type { FaultRuleInput } from './faults/fault-rules';
import { startWhmcsSimulator } from './start-simulator';

const USAGE = `Usage: node tools/whmcs-simulator/dist/cli.js [options]

  --port <n>          port to listen on (default 8089; 0 picks a free one)
  --host <addr>       address to bind (default 127.0.0.1)
  --seed <n>          seed of the generated data (default 1)
  --backlog <n>       extra generated tickets awaiting a reply (default 0)
  --timezone <tz>     the WHMCS server's PHP timezone (default Europe/Berlin)
  --access-key <key>  accept accesskey=<key> from any IP
  --any-ip            accept calls from any IP (default: loopback only)
  --faults <file>     JSON file with fault rules (see the control API, PUT /_sim/faults)
  --state <file>      keep the tickets in this JSON file across restarts (default: none)
`;

function integer(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) {
    return fallback;
  }
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) {
    throw new Error(`--${name} must be a non-negative integer (got ${value})`);
  }
  return parsed;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      seed: { type: 'string' },
      backlog: { type: 'string' },
      timezone: { type: 'string' },
      'access-key': { type: 'string' },
      'any-ip': { type: 'boolean' },
      faults: { type: 'string' },
      state: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help === true) {
    process.stdout.write(USAGE);
    return;
  }
  const faults =
    values.faults === undefined
      ? []
      : (JSON.parse(readFileSync(values.faults, 'utf8')) as FaultRuleInput[]);
  const simulator = await startWhmcsSimulator({
    port: integer(values.port, 8089, 'port'),
    host: values.host ?? '127.0.0.1',
    seed: integer(values.seed, 1, 'seed'),
    backlog: integer(values.backlog, 0, 'backlog'),
    ...(values.timezone === undefined ? {} : { timeZone: values.timezone }),
    ...(values['access-key'] === undefined ? {} : { accessKey: values['access-key'] }),
    ...(values['any-ip'] === true ? { allowedIps: 'any' as const } : {}),
    ...(values.state === undefined ? {} : { stateFile: values.state }),
    faults,
  });
  const summary = simulator.control.summary();
  process.stdout.write(
    [
      `WHMCS simulator listening at ${simulator.url}`,
      `  API:       POST ${simulator.apiUrl}`,
      `  Control:   ${simulator.controlUrl}/state`,
      `  Timezone:  ${simulator.timeZone}`,
      `  Tickets:   ${summary.tickets} (${summary.awaitingReply} awaiting reply)`,
      `  WHMCS_URL=${simulator.url}`,
      `  WHMCS_IDENTIFIER=${SIMULATOR_CREDENTIALS.identifier}`,
      `  WHMCS_SECRET=${SIMULATOR_CREDENTIALS.secret}`,
      `  WHMCS_ADMIN_USERNAME=${SIMULATOR_CREDENTIALS.adminUsername}`,
      `  WHMCS_TIMEZONE=${simulator.timeZone}`,
      '',
    ].join('\n'),
  );
  const stop = (): void => {
    simulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `whmcs-simulator: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
