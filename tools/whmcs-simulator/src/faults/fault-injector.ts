import { normaliseActionName } from '../php/php-values';
import { SeededRandom } from '../php/seeded-random';
import type { FaultKind, FaultRule, FaultRuleInput } from './fault-rules';
import { FaultRules } from './fault-rules';

/** The faults chosen for one call: at most one delay and at most one failure. */
export interface FaultDecision {
  readonly delayMs: number;
  readonly failure: { readonly kind: Exclude<FaultKind, 'slow'>; readonly delayMs: number } | null;
}

interface ActiveRule {
  readonly rule: FaultRule;
  readonly actions: ReadonlySet<string> | null;
  remaining: number;
}

const NO_FAULT: FaultDecision = { delayMs: 0, failure: null };

/**
 * Decides, call by call, which configured faults strike. Rules are checked in order; the draw is
 * seeded, so a test run with the same seed sees the same faults on the same calls.
 */
export class FaultInjector {
  private rules: ActiveRule[] = [];
  private random: SeededRandom;

  constructor(
    private readonly seed: number,
    rules: readonly FaultRuleInput[] = [],
  ) {
    this.random = new SeededRandom(seed);
    this.set(rules);
  }

  /** Replaces every rule; invalid rules throw a zod error naming the problem. */
  set(rules: readonly FaultRuleInput[]): void {
    this.rules = FaultRules.parse(rules).map((rule) => ({
      rule,
      actions: rule.actions === undefined ? null : new Set(rule.actions.map(normaliseActionName)),
      remaining: rule.count ?? Number.POSITIVE_INFINITY,
    }));
  }

  add(rules: readonly FaultRuleInput[]): void {
    const current = this.list();
    this.set([...current, ...rules]);
  }

  clear(): void {
    this.rules = [];
    this.random = new SeededRandom(this.seed);
  }

  /** The rules still in force, with `count` showing how many hits are left. */
  list(): FaultRule[] {
    return this.rules
      .filter((active) => active.remaining > 0)
      .map(({ rule, remaining }) =>
        Number.isFinite(remaining) ? { ...rule, count: remaining } : rule,
      );
  }

  decide(action: string): FaultDecision {
    let delayMs = 0;
    let failure: FaultDecision['failure'] = null;
    for (const active of this.rules) {
      if (active.remaining <= 0 || (active.actions !== null && !active.actions.has(action))) {
        continue;
      }
      const { fault } = active.rule;
      if (fault !== 'slow' && failure !== null) {
        continue;
      }
      if (this.random.next() >= active.rule.rate) {
        continue;
      }
      active.remaining -= 1;
      if (fault === 'slow') {
        delayMs += active.rule.delayMs;
      } else {
        failure = { kind: fault, delayMs: active.rule.delayMs };
      }
    }
    return delayMs === 0 && failure === null ? NO_FAULT : { delayMs, failure };
  }
}
