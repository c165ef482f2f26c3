/** Why a file could not be turned into text; each code has a message for the uploader. */
export enum ExtractionErrorCode {
  Empty = 'EMPTY',
  TooLarge = 'TOO_LARGE',
  Unsupported = 'UNSUPPORTED',
  Encrypted = 'ENCRYPTED',
  Corrupt = 'CORRUPT',
  NoText = 'NO_TEXT',
}

/** The file itself is the problem: the document fails with this message and is not retried. */
export class ExtractionException extends Error {
  constructor(
    readonly code: ExtractionErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'ExtractionException';
  }
}
