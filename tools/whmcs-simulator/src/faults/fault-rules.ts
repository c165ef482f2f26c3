import { z } from 'zod';

/**
 * What can go wrong with a call, as seen from the client:
 * - `http-500`: a PHP fatal error page with status 500; the action did not run.
 * - `html-page`: status 200 with an HTML error page instead of JSON; the action did not run.
 * - `slow`: the answer comes `delayMs` late (the action runs after the delay).
 * - `hang`: no answer until `delayMs` passes, then the connection drops; the action did not run.
 * - `ip-banned`, `auth-failed`: WHMCS refuses the call with HTTP 403 and that message.
 * - `waf-403`: a web application firewall in front of WHMCS answers 403 with an HTML page.
 * - `written-then-500`: the action runs (the reply is stored), then the call answers HTTP 500.
 * - `written-then-error`: the action runs, then the call answers `result: error`.
 * - `written-then-hang`: the action runs, then no answer until `delayMs`, then the connection drops.
 */
export const FaultKind = z.enum([
  'http-500',
  'html-page',
  'slow',
  'hang',
  'ip-banned',
  'auth-failed',
  'waf-403',
  'written-then-500',
  'written-then-error',
  'written-then-hang',
]);
export type FaultKind = z.infer<typeof FaultKind>;

export const FaultRule = z.object({
  fault: FaultKind,
  /** Share of matching calls hit, 0 to 1. Defaults to every matching call. */
  rate: z.number().min(0).max(1).default(1),
  /** Hit only this many more calls, then the rule is used up. Unlimited when omitted. */
  count: z.number().int().positive().optional(),
  /** Action names (any case) the rule applies to; every action when omitted. */
  actions: z.array(z.string().min(1)).optional(),
  /** Delay of `slow` and how long `hang` / `written-then-hang` hold the connection. */
  delayMs: z.number().int().nonnegative().max(600_000).default(30_000),
});
export type FaultRule = z.infer<typeof FaultRule>;
export type FaultRuleInput = z.input<typeof FaultRule>;

export const FaultRules = z.array(FaultRule);

/** Faults that store the action's effect before failing. */
export const WRITE_FIRST_FAULTS: ReadonlySet<FaultKind> = new Set([
  'written-then-500',
  'written-then-error',
  'written-then-hang',
]);
