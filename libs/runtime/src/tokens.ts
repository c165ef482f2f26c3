/** Injection tokens shared by every service. */
export const SERVICE_IDENTITY = Symbol('SERVICE_IDENTITY');
export const LOGGER = Symbol('LOGGER');

export interface ServiceIdentity {
  readonly service: string;
  readonly instanceId: string;
  readonly version: string;
  readonly startedAt: Date;
}
