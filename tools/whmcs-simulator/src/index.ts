export {
  DEFAULT_SIMULATOR_TIMEZONE,
  startWhmcsSimulator,
  type RunningWhmcsSimulator,
  type WhmcsSimulatorOptions,
} from './start-simulator';
export {
  LEGACY_LOGIN,
  READ_ONLY_CREDENTIALS,
  SIMULATOR_CREDENTIALS,
  SYNC_ROLE_ACTIONS,
} from './api/api-credentials';
export type { ApiCall } from './api/call-log';
export {
  SimulatorControl,
  type InjectReplyInput,
  type OpenTicketInput,
  type PostedReplyView,
  type SimulatorSummary,
  type StaffReplyInput,
} from './control/simulator-control';
export { FaultKind, type FaultRule, type FaultRuleInput } from './faults/fault-rules';
export { API_PATH, CONTROL_PREFIX } from './server/simulator-http-server';
export {
  API_ADMIN_ID,
  DEPT_ABUSE,
  DEPT_BILLING,
  DEPT_SALES,
  DEPT_TECHNICAL,
} from './seed/seed-directory';
export { SimulatorError } from './state/simulator-error';
export type { SimulatorQuirks } from './state/model';
