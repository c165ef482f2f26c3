export enum DraftsErrorCode {
  InProgress = 'DRAFT_IN_PROGRESS',
}

export class DraftsException extends Error {
  constructor(
    readonly code: DraftsErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DraftsException';
  }

  /** Another replica is drafting it; the request is retried later (delivery is at least once). */
  static inProgress(draftId: string): DraftsException {
    return new DraftsException(
      DraftsErrorCode.InProgress,
      `Draft ${draftId} is being written by another worker`,
    );
  }
}
