export type SimulatorErrorCode = 'not-found' | 'invalid' | 'rejected';

/** A control-API failure; the HTTP layer maps the code to 404, 400 or 409. */
export class SimulatorError extends Error {
  constructor(
    readonly code: SimulatorErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SimulatorError';
  }
}
