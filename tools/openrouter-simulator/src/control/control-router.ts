import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';

import { describeIssues } from '../api/api-context';
import { faultSpecSchema } from '../faults/fault-schema';
import { parseJson, readBody, sendJson } from '../http/http-io';
import { cannedRuleSchema, settingsPatchSchema } from './control-schemas';
import type { SimulatorControl } from './simulator-control';

export const CONTROL_PREFIX = '/_sim';

type Reply = readonly [status: number, body: unknown];

/**
 * The control API for tests in other processes and for people poking at the CLI simulator:
 * `GET|DELETE /_sim/requests`, `GET|POST|DELETE /_sim/faults[/:id]`, `GET|PATCH /_sim/settings`,
 * `GET|POST|DELETE /_sim/canned`, `POST /_sim/reset`.
 */
export async function routeControl(
  control: SimulatorControl,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
): Promise<void> {
  const raw = await readBody(request).catch(() => '');
  const json = parseJson(raw);
  const [status, body] = json.ok
    ? dispatch(control, request.method ?? 'GET', url, json.value)
    : ([400, { error: 'Body is not valid JSON' }] as const);
  sendJson(response, status, body);
}

function dispatch(control: SimulatorControl, method: string, url: URL, body: unknown): Reply {
  const path = url.pathname.slice(CONTROL_PREFIX.length);
  const route = `${method} ${path.replace(/^\/faults\/[^/]+$/, '/faults/:id')}`;
  switch (route) {
    case 'GET /requests': {
      const filter = {
        ...optional('path', url.searchParams.get('path')),
        ...optional('method', url.searchParams.get('method')),
      };
      return [200, { data: control.requests(filter) }];
    }
    case 'DELETE /requests':
      control.clearRequests();
      return [200, { ok: true }];
    case 'GET /faults':
      return [200, { data: control.faults() }];
    case 'POST /faults':
      return validated(faultSpecSchema, body, (spec) => [201, { id: control.addFault(spec) }]);
    case 'DELETE /faults':
      control.clearFaults();
      return [200, { ok: true }];
    case 'DELETE /faults/:id': {
      const removed = control.removeFault(decodeURIComponent(path.split('/')[2] ?? ''));
      return removed ? [200, { ok: true }] : [404, { error: 'No such fault' }];
    }
    case 'GET /settings':
      return [200, { data: control.settings }];
    case 'PATCH /settings':
      return validated(settingsPatchSchema, body, (patch) => [
        200,
        { data: control.updateSettings(patch) },
      ]);
    case 'GET /canned':
      return [200, { data: control.cannedAnswers() }];
    case 'POST /canned':
      return validated(cannedRuleSchema, body, (rule) => [
        201,
        { id: control.addCannedAnswer(rule) },
      ]);
    case 'POST /reset':
      control.reset();
      return [200, { ok: true }];
    default:
      return [404, { error: `No control route ${method} ${url.pathname}` }];
  }
}

function validated<T>(schema: z.ZodType<T>, body: unknown, act: (value: T) => Reply): Reply {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    return [400, { error: describeIssues(parsed.error.issues) }];
  }
  try {
    return act(parsed.data);
  } catch (error) {
    return [400, { error: error instanceof Error ? error.message : String(error) }];
  }
}

function optional(key: string, value: string | null): Record<string, string> {
  return value === null ? {} : { [key]: value };
}
