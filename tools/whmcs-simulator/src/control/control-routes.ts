import { z } from 'zod';

import { FaultRules } from '../faults/fault-rules';
import { SimulatorError } from '../state/simulator-error';
import type { SimulatorControl } from './simulator-control';

export interface ControlRequest {
  readonly method: string;
  /** Path below the control prefix, e.g. `/tickets/12/customer-replies`. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly body: unknown;
}

export interface ControlResponse {
  readonly status: number;
  readonly body: unknown;
}

const Via = z.enum(['email', 'web']).optional();
const ReplyBody = z.object({ message: z.string(), via: Via });
const StaffReplyBody = z.object({
  message: z.string(),
  admin: z.string().optional(),
  status: z.string().optional(),
});
const OpenBody = z.object({
  deptId: z.number().int(),
  clientId: z.number().int().optional(),
  name: z.string().optional(),
  email: z.string().optional(),
  subject: z.string(),
  message: z.string(),
  via: Via,
  priority: z.enum(['Low', 'Medium', 'High']).optional(),
});
const ResetBody = z.object({
  seed: z.number().int().optional(),
  backlog: z.number().int().min(0).max(20_000).optional(),
});
const FaultsBody = z.object({ rules: FaultRules });
const StatusBody = z.object({ status: z.string() });
const ClockBody = z.object({ seconds: z.number().positive() });
const BanBody = z.object({ ip: z.string().min(1) });

type Route = (request: ControlRequest, params: string[]) => ControlResponse;

const ok = (body: unknown, status = 200): ControlResponse => ({ status, body });

/**
 * The control API under `/_sim`: JSON in, JSON out, for tests and demos. Not part of WHMCS.
 */
export class ControlRoutes {
  private readonly routes: [string, RegExp, Route][];

  constructor(private readonly control: SimulatorControl) {
    const c = this.control;
    this.routes = [
      ['GET', /^\/state$/, () => ok(c.summary())],
      ['POST', /^\/reset$/, (r) => ok(c.reset(ResetBody.parse(r.body ?? {})))],
      ['GET', /^\/tickets\/awaiting$/, () => ok({ ticketIds: c.awaitingTicketIds() })],
      ['POST', /^\/tickets$/, (r) => ok(c.openTicket(OpenBody.parse(r.body)), 201)],
      [
        'GET',
        /^\/tickets\/by-key\/([\w-]+)$/,
        (_r, [key]) => ok({ id: c.ticketIdByKey(key ?? '') }),
      ],
      ['GET', /^\/tickets\/(\d+)$/, (_r, [id]) => ok(c.ticket(id ?? ''))],
      [
        'POST',
        /^\/tickets\/(\d+)\/customer-replies$/,
        (r, [id]) => ok(c.injectCustomerReply(id ?? '', ReplyBody.parse(r.body)), 201),
      ],
      [
        'POST',
        /^\/tickets\/(\d+)\/staff-replies$/,
        (r, [id]) => ok(c.addStaffReply(id ?? '', StaffReplyBody.parse(r.body)), 201),
      ],
      [
        'PUT',
        /^\/tickets\/(\d+)\/status$/,
        (r, [id]) => {
          c.setStatus(id ?? '', StatusBody.parse(r.body).status);
          return ok(c.ticket(id ?? ''));
        },
      ],
      [
        'GET',
        /^\/replies$/,
        (r) => ok({ replies: c.postedReplies(r.query.get('ticketId') ?? undefined) }),
      ],
      ['GET', /^\/faults$/, () => ok({ rules: c.faults() })],
      ['PUT', /^\/faults$/, (r) => ok({ rules: c.setFaults(FaultsBody.parse(r.body).rules) })],
      ['POST', /^\/faults$/, (r) => ok({ rules: c.addFaults(FaultsBody.parse(r.body).rules) })],
      [
        'DELETE',
        /^\/faults$/,
        () => {
          c.clearFaults();
          return ok({ rules: [] });
        },
      ],
      [
        'GET',
        /^\/calls$/,
        (r) => ok({ counts: c.callCounts(), calls: c.calls(r.query.get('action') ?? undefined) }),
      ],
      [
        'DELETE',
        /^\/calls$/,
        () => {
          c.clearCalls();
          return ok({ counts: {} });
        },
      ],
      [
        'POST',
        /^\/clock\/advance$/,
        (r) => {
          c.advanceClock(ClockBody.parse(r.body).seconds);
          return ok({});
        },
      ],
      [
        'POST',
        /^\/bans$/,
        (r) => {
          c.ban(BanBody.parse(r.body).ip);
          return ok(c.summary());
        },
      ],
      [
        'DELETE',
        /^\/bans$/,
        () => {
          c.clearBans();
          return ok(c.summary());
        },
      ],
    ];
  }

  handle(request: ControlRequest): ControlResponse {
    const matches = this.routes
      .map(([method, pattern, route]) => ({ method, match: pattern.exec(request.path), route }))
      .filter((candidate) => candidate.match !== null);
    if (matches.length === 0) {
      return { status: 404, body: { error: `No control route ${request.path}` } };
    }
    const found = matches.find((candidate) => candidate.method === request.method);
    if (found === undefined || found.match === null) {
      return { status: 405, body: { error: `${request.method} is not allowed here` } };
    }
    try {
      return found.route(request, found.match.slice(1));
    } catch (error) {
      return errorResponse(error);
    }
  }
}

function errorResponse(error: unknown): ControlResponse {
  if (error instanceof SimulatorError) {
    const status = error.code === 'not-found' ? 404 : error.code === 'invalid' ? 400 : 409;
    return { status, body: { error: error.message } };
  }
  if (error instanceof z.ZodError) {
    return { status: 400, body: { error: z.prettifyError(error) } };
  }
  throw error;
}
