/** Shape of the HNSW graph and how hard a search looks. */
export interface HnswSettings {
  /** Links per node. */
  readonly m: number;
  /** Candidate list size while inserting. */
  readonly efConstruction: number;
  /** Candidate list size while searching (at least the number of results asked for). */
  readonly efSearch: number;
}
