import type { CannedAnswerEntry, CannedAnswerRule } from '../answers/canned-answer-book';
import type { ActiveFault } from '../faults/fault-plan';
import type { FaultSpec } from '../faults/fault-spec';
import type { RecordedRequest, RequestFilter } from '../recording/request-recorder';
import type { SimulatorSettings } from '../server/simulator-options';
import type { SimulatorState } from '../server/simulator-state';

/**
 * What a test (or the `/_sim` HTTP API) may do while the simulator runs: read what "the model"
 * received, plan faults, change timings and answers, and reset everything.
 */
export class SimulatorControl {
  constructor(private readonly state: SimulatorState) {}

  /** Every API request received, oldest first; filter by path end and method. */
  requests(filter: RequestFilter = {}): RecordedRequest[] {
    return this.state.recorder.list(filter);
  }

  /** The chat completion requests received, oldest first. */
  chatRequests(): RecordedRequest[] {
    return this.requests({ path: '/chat/completions', method: 'POST' });
  }

  lastRequest(filter: RequestFilter = {}): RecordedRequest | undefined {
    return this.requests(filter).at(-1);
  }

  clearRequests(): void {
    this.state.recorder.clear();
  }

  /** Plans a fault; returns its id. See `FaultSpec` for kinds and targeting. */
  addFault(spec: FaultSpec): string {
    return this.state.faults.add(spec);
  }

  removeFault(id: string): boolean {
    return this.state.faults.remove(id);
  }

  faults(): ActiveFault[] {
    return this.state.faults.list();
  }

  clearFaults(): void {
    this.state.faults.clear();
  }

  get settings(): SimulatorSettings {
    return this.state.settings;
  }

  updateSettings(patch: Partial<SimulatorSettings>): SimulatorSettings {
    return this.state.updateSettings(patch);
  }

  addCannedAnswer(rule: CannedAnswerRule): string {
    return this.state.canned.add(rule);
  }

  setDefaultAnswer(answer: string | undefined): void {
    this.state.canned.setDefault(answer);
  }

  cannedAnswers(): CannedAnswerEntry[] {
    return this.state.canned.list();
  }

  /** Credits spent by a key, in USD. */
  spent(apiKey: string): number {
    return this.state.ledger.usage(apiKey);
  }

  /** No faults, canned answers, records or spending; settings as at start. */
  reset(): void {
    this.state.reset();
  }
}
