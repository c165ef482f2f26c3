/** Errors the document RPCs answer with; the code reaches the gateway as the RemoteError code. */
export enum DocumentsErrorCode {
  NotFound = 'NOT_FOUND',
  Conflict = 'CONFLICT',
}

export class DocumentsException extends Error {
  constructor(
    readonly code: DocumentsErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DocumentsException';
  }

  static notFound(documentId: string): DocumentsException {
    return new DocumentsException(DocumentsErrorCode.NotFound, `No document ${documentId}`);
  }
}
