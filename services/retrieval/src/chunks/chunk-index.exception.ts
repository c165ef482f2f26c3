/** Why an index event cannot be applied yet. */
export enum ChunkIndexErrorCode {
  GenerationIncomplete = 'GENERATION_INCOMPLETE',
}

/** Thrown to have the bus retry the event later (for example while batches are still on the way). */
export class ChunkIndexException extends Error {
  constructor(
    readonly code: ChunkIndexErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ChunkIndexException';
  }
}
