export enum InteractionsErrorCode {
  NotFound = 'NOT_FOUND',
  Conflict = 'CONFLICT',
  Validation = 'VALIDATION',
}

/** Carries a bus error code back to the caller (the gateway maps it to an HTTP status). */
export class InteractionsException extends Error {
  constructor(
    readonly code: InteractionsErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'InteractionsException';
  }

  static notFound(id: string): InteractionsException {
    return new InteractionsException(InteractionsErrorCode.NotFound, `No interaction ${id}`);
  }

  static duplicate(id: string): InteractionsException {
    return new InteractionsException(
      InteractionsErrorCode.Conflict,
      `Interaction ${id} already exists; every answer needs a new interactionId`,
    );
  }

  static badCursor(): InteractionsException {
    return new InteractionsException(InteractionsErrorCode.Validation, 'Invalid cursor');
  }
}
