import type { AccessSettings } from './api/api-gatekeeper';
import { ApiGatekeeper } from './api/api-gatekeeper';
import { CallLog } from './api/call-log';
import { FaultInjector } from './faults/fault-injector';
import type { FaultRuleInput } from './faults/fault-rules';
import type { WhmcsClock } from './php/whmcs-clock';
import { buildSeededStore } from './seed/seed-builder';
import type { SimulatorQuirks } from './state/model';
import type { TicketStore } from './state/ticket-store';

export interface SimulatorSettings {
  readonly seed: number;
  readonly backlog: number;
  /** WHMCS version reported by GetAdminDetails and the XML envelope. */
  readonly version: string;
  readonly quirks: SimulatorQuirks;
  readonly access: AccessSettings;
  readonly faults: readonly FaultRuleInput[];
}

export interface ResetOptions {
  readonly seed?: number;
  readonly backlog?: number;
}

/** Everything the API and the control API share; `reset` rebuilds it from the seed. */
export class SimulatorState {
  readonly gatekeeper: ApiGatekeeper;
  readonly faults: FaultInjector;
  readonly calls = new CallLog();
  private current: TicketStore;
  private seed: number;
  private backlog: number;

  constructor(
    readonly settings: SimulatorSettings,
    readonly clock: WhmcsClock,
  ) {
    this.seed = settings.seed;
    this.backlog = settings.backlog;
    this.current = this.build();
    this.gatekeeper = new ApiGatekeeper(settings.access, () => this.current.directory.admins);
    this.faults = new FaultInjector(settings.seed, settings.faults);
  }

  get store(): TicketStore {
    return this.current;
  }

  reset(options: ResetOptions = {}): void {
    this.seed = options.seed ?? this.seed;
    this.backlog = options.backlog ?? this.backlog;
    this.current = this.build();
    this.gatekeeper.reset();
    this.faults.clear();
    this.calls.clear();
  }

  describe(): { seed: number; backlog: number } {
    return { seed: this.seed, backlog: this.backlog };
  }

  private build(): TicketStore {
    return buildSeededStore(
      { seed: this.seed, backlog: this.backlog, anchor: this.clock.now() },
      this.clock,
      this.settings.quirks,
    );
  }
}
