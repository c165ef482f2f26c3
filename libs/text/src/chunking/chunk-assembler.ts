import { estimateTokens } from '../tokens/token-estimator';
import type { Atom, Unit } from './block-units';
import type { Chunk } from './chunk';

/**
 * Packs units greedily into chunks of one section, carrying trailing atoms of a full chunk into
 * the next one as overlap.
 */
export class ChunkAssembler {
  private readonly chunks: Chunk[] = [];
  private atoms: Atom[] = [];
  private tokens = 0;
  private fresh = false;
  private headingPath: string[] = [];

  constructor(
    private readonly maxTokens: number,
    private readonly overlapTokens: number,
  ) {}

  /** Ends the current section; later units belong to `headingPath`, with no overlap. */
  startSection(headingPath: string[]): void {
    this.flush();
    this.atoms = [];
    this.tokens = 0;
    this.headingPath = [...headingPath];
  }

  add(unit: Unit): void {
    const cost = unit.reduce((sum, atom) => sum + atom.tokens, 0);
    if (this.tokens + cost > this.maxTokens) {
      this.flush();
      this.atoms = this.overlap(this.maxTokens - cost);
      this.tokens = this.atoms.reduce((sum, atom) => sum + atom.tokens, 0);
    }
    this.atoms.push(...unit);
    this.tokens += cost;
    this.fresh = true;
  }

  finish(): Chunk[] {
    this.flush();
    return this.chunks;
  }

  private flush(): void {
    if (!this.fresh) {
      return;
    }
    const text = this.atoms.map((atom, i) => (i === 0 ? '' : atom.separator) + atom.text).join('');
    this.chunks.push({
      index: this.chunks.length,
      headingPath: [...this.headingPath],
      text,
      tokenCount: estimateTokens(text),
    });
    this.fresh = false;
  }

  /** The longest run of trailing atoms within the overlap budget and `room`. */
  private overlap(room: number): Atom[] {
    const limit = Math.min(this.overlapTokens, room);
    let tokens = 0;
    let start = this.atoms.length;
    while (start > 0) {
      const atom = this.atoms[start - 1] as Atom;
      if (tokens + atom.tokens > limit) {
        break;
      }
      tokens += atom.tokens;
      start -= 1;
    }
    return this.atoms.slice(start);
  }
}
