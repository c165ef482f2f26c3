import { defaultCredentials } from './api/api-credentials';
import { ApiEndpoint } from './api/api-endpoint';
import { ControlRoutes } from './control/control-routes';
import { SimulatorControl } from './control/simulator-control';
import type { FaultRuleInput } from './faults/fault-rules';
import { WhmcsClock } from './php/whmcs-clock';
import { API_ADMIN_ID } from './seed/seed-directory';
import { API_PATH, CONTROL_PREFIX, SimulatorHttpServer } from './server/simulator-http-server';
import { SimulatorState } from './simulator-state';
import type { ApiCredential, SimulatorQuirks } from './state/model';
import { DEFAULT_QUIRKS } from './state/model';
import { StateFile } from './state/state-file';

export interface WhmcsSimulatorOptions {
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  readonly host?: string;
  /** Seed of every generated value (ticket numbers, backlog, fault draws). Default 1. */
  readonly seed?: number;
  /** Generated tickets waiting for a reply, on top of the hand-written ones. Default 0. */
  readonly backlog?: number;
  /** The WHMCS server's PHP timezone; dates in the API are local to it. Default Europe/Berlin. */
  readonly timeZone?: string;
  readonly version?: string;
  readonly credentials?: readonly ApiCredential[];
  readonly accessKey?: string;
  /** API IP Access Restriction. Default: loopback only. */
  readonly allowedIps?: readonly string[] | 'any';
  readonly banAfterFailures?: number;
  readonly quirks?: Partial<SimulatorQuirks>;
  readonly faults?: readonly FaultRuleInput[];
  /**
   * A JSON file that keeps the tickets across restarts (created if missing). Without it every
   * start begins from the seed.
   */
  readonly stateFile?: string;
  /** Where errors of the simulator itself go; default stderr. */
  readonly onError?: (error: unknown) => void;
}

export interface RunningWhmcsSimulator {
  /** Base URL, e.g. `http://127.0.0.1:40123`; the API is at `${url}/includes/api.php`. */
  readonly url: string;
  readonly apiUrl: string;
  readonly controlUrl: string;
  readonly timeZone: string;
  readonly control: SimulatorControl;
  close(): Promise<void>;
}

export const DEFAULT_SIMULATOR_TIMEZONE = 'Europe/Berlin';

const LOOPBACK = ['127.0.0.1', '::1', '::ffff:127.0.0.1'];

/** Starts a simulated WHMCS install, seeded with hosting tickets, on its own HTTP port. */
export async function startWhmcsSimulator(
  options: WhmcsSimulatorOptions = {},
): Promise<RunningWhmcsSimulator> {
  const timeZone = options.timeZone ?? DEFAULT_SIMULATOR_TIMEZONE;
  const state = new SimulatorState(
    {
      seed: options.seed ?? 1,
      backlog: options.backlog ?? 0,
      version: options.version ?? '8.10.1',
      quirks: { ...DEFAULT_QUIRKS, ...options.quirks },
      access: {
        credentials: options.credentials ?? defaultCredentials(API_ADMIN_ID),
        accessKey: options.accessKey,
        allowedIps: options.allowedIps ?? LOOPBACK,
        banAfterFailures: options.banAfterFailures ?? 5,
      },
      faults: options.faults ?? [],
    },
    new WhmcsClock(timeZone),
  );
  const onError =
    options.onError ??
    ((error: unknown) => {
      process.stderr.write(`whmcs-simulator: ${String(error)}\n`);
    });
  const keeper =
    options.stateFile === undefined ? undefined : keepState(state, options.stateFile, onError);
  const control = new SimulatorControl(state);
  const server = new SimulatorHttpServer(new ApiEndpoint(state), new ControlRoutes(control), {
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    onError,
    ...(keeper === undefined
      ? {}
      : {
          afterRequest: () => {
            keeper.scheduleSave();
          },
        }),
  });
  const url = await server.listen();
  return {
    url,
    apiUrl: `${url}${API_PATH}`,
    controlUrl: `${url}${CONTROL_PREFIX}`,
    timeZone,
    control,
    close: async () => {
      await server.close();
      keeper?.saveNow();
    },
  };
}

const SAVE_DELAY_MS = 100;

/** Restores the kept tickets, then saves them shortly after requests (which may change them). */
function keepState(
  state: SimulatorState,
  path: string,
  onError: (error: unknown) => void,
): { scheduleSave(): void; saveNow(): void } {
  const file = new StateFile(path);
  try {
    const kept = file.load(state.describe());
    if (kept !== undefined) {
      state.store.restore(kept);
    }
  } catch (error) {
    onError(error);
  }
  let timer: NodeJS.Timeout | undefined;
  const saveNow = (): void => {
    clearTimeout(timer);
    timer = undefined;
    file.save(state.describe(), state.store.snapshot());
  };
  return {
    scheduleSave() {
      timer ??= setTimeout(() => {
        try {
          saveNow();
        } catch (error) {
          onError(error);
        }
      }, SAVE_DELAY_MS);
    },
    saveNow,
  };
}
