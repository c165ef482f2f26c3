export enum DraftsErrorCode {
  NotFound = 'NOT_FOUND',
  /** The draft is not in a state that allows the action, or changed since it was read. */
  Conflict = 'CONFLICT',
  /** The request names something WHMCS does not have (an unknown ticket status). */
  Invalid = 'INVALID_REQUEST',
  /** WHMCS cannot be reached (or polling is stopped after a 403). */
  Unavailable = 'UNAVAILABLE',
}

/** A console action on a draft failed; `code` reaches the gateway as the RemoteError code. */
export class DraftsException extends Error {
  constructor(
    readonly code: DraftsErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DraftsException';
  }

  static notFound(draftId: string): DraftsException {
    return new DraftsException(DraftsErrorCode.NotFound, `Draft ${draftId} not found`);
  }

  static conflict(message: string): DraftsException {
    return new DraftsException(DraftsErrorCode.Conflict, message);
  }

  static invalid(message: string): DraftsException {
    return new DraftsException(DraftsErrorCode.Invalid, message);
  }
}
