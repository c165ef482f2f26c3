/** Injection token of the `RetrievalConfig`. */
export const RETRIEVAL_CONFIG = Symbol('RETRIEVAL_CONFIG');
