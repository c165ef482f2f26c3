import { SIMULATOR_CREDENTIALS, defaultCredentials } from '../src/api/api-credentials';
import type { ApiOutcome } from '../src/api/api-endpoint';
import { ApiEndpoint } from '../src/api/api-endpoint';
import { SimulatorControl } from '../src/control/simulator-control';
import type { FaultRuleInput } from '../src/faults/fault-rules';
import { RequestParams } from '../src/php/request-params';
import { WhmcsClock } from '../src/php/whmcs-clock';
import { API_ADMIN_ID } from '../src/seed/seed-directory';
import { SimulatorState } from '../src/simulator-state';
import type { SimulatorQuirks } from '../src/state/model';
import { DEFAULT_QUIRKS } from '../src/state/model';

export interface HarnessOptions {
  readonly backlog?: number;
  readonly seed?: number;
  readonly quirks?: Partial<SimulatorQuirks>;
  readonly faults?: readonly FaultRuleInput[];
  readonly accessKey?: string;
  readonly allowedIps?: readonly string[] | 'any';
  readonly banAfterFailures?: number;
}

export interface CallResult {
  readonly status: number;
  readonly contentType: string;
  readonly text: string;
  /** The parsed JSON body (throws when the answer is not JSON). */
  readonly json: Record<string, unknown>;
}

export const LOCAL_IP = '127.0.0.1';

/** The simulator without HTTP: calls go straight to the API endpoint. */
export function createHarness(options: HarnessOptions = {}) {
  const state = new SimulatorState(
    {
      seed: options.seed ?? 1,
      backlog: options.backlog ?? 0,
      version: '8.10.1',
      quirks: { ...DEFAULT_QUIRKS, ...options.quirks },
      access: {
        credentials: defaultCredentials(API_ADMIN_ID),
        accessKey: options.accessKey,
        allowedIps: options.allowedIps ?? [LOCAL_IP],
        banAfterFailures: options.banAfterFailures ?? 5,
      },
      faults: options.faults ?? [],
    },
    new WhmcsClock('Europe/Berlin'),
  );
  const endpoint = new ApiEndpoint(state);
  const control = new SimulatorControl(state);

  /** Calls an action with the default credential and `responsetype=json` unless overridden. */
  async function raw(params: Record<string, string | number>, ip = LOCAL_IP): Promise<ApiOutcome> {
    const values = new Map(Object.entries(params).map(([key, value]) => [key, String(value)]));
    return endpoint.handle(new RequestParams(values), ip);
  }

  async function call(
    action: string,
    params: Record<string, string | number> = {},
    ip = LOCAL_IP,
  ): Promise<CallResult> {
    const outcome = await raw(
      {
        action,
        identifier: SIMULATOR_CREDENTIALS.identifier,
        secret: SIMULATOR_CREDENTIALS.secret,
        responsetype: 'json',
        ...params,
      },
      ip,
    );
    if (outcome.kind !== 'respond') {
      throw new Error(`The call hung (${outcome.holdMs} ms)`);
    }
    const { status, contentType, text } = outcome.response;
    return {
      status,
      contentType,
      text,
      get json() {
        return JSON.parse(text) as Record<string, unknown>;
      },
    };
  }

  return { state, endpoint, control, raw, call };
}

export type Harness = ReturnType<typeof createHarness>;

/** `tickets.ticket` of a GetTickets answer, or an empty list when the wrapper is absent. */
export function listedTickets(body: Record<string, unknown>): Record<string, string>[] {
  const wrapper = body['tickets'] as { ticket: Record<string, string>[] } | undefined;
  return wrapper?.ticket ?? [];
}

export function replies(body: Record<string, unknown>): Record<string, unknown>[] {
  return (body['replies'] as { reply: Record<string, unknown>[] }).reply;
}
