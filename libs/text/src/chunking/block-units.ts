import type { BodyBlock } from '../blocks/block';
import { estimateTokens } from '../tokens/token-estimator';
import { splitSentences } from './sentence-splitter';

/** The smallest piece of text a chunk is built from: a sentence, a line, or a word window. */
export interface Atom {
  readonly text: string;
  readonly tokens: number;
  /** What joins this atom to the one before it in the same chunk. */
  readonly separator: string;
}

/** Atoms that must stay in one chunk. */
export type Unit = readonly Atom[];

const BLOCK_SEPARATOR = '\n\n';

/**
 * Cuts a body block into units: the whole block when it fits `maxTokens`, otherwise one unit per
 * sentence (prose) or line (lists, tables, code), and word windows for pieces still too long.
 */
export function blockUnits(block: BodyBlock, maxTokens: number): Unit[] {
  const atoms = blockAtoms(block);
  const total = atoms.reduce((sum, atom) => sum + atom.tokens, 0);
  if (total <= maxTokens) {
    return atoms.length > 0 ? [atoms] : [];
  }
  return atoms.flatMap((atom) => fitAtom(atom, maxTokens).map((piece) => [piece]));
}

function blockAtoms(block: BodyBlock): Atom[] {
  const prose = block.kind === 'paragraph' || block.kind === 'quote';
  const atoms: Atom[] = [];
  for (const line of block.text.split('\n')) {
    const pieces = prose ? splitSentences(line) : [line.trimEnd()].filter((l) => l.trim() !== '');
    pieces.forEach((piece, i) => {
      const separator = atoms.length === 0 ? BLOCK_SEPARATOR : i === 0 ? '\n' : ' ';
      atoms.push({ text: piece, tokens: estimateTokens(piece), separator });
    });
  }
  return atoms;
}

/**
 * Splits an atom over the budget into windows of whole words; a word over the budget on its own
 * is cut into pieces that are glued back without a space.
 */
function fitAtom(atom: Atom, maxTokens: number): Atom[] {
  if (atom.tokens <= maxTokens) {
    return [atom];
  }
  const windows: Atom[] = [];
  let text = '';
  let tokens = 0;
  let separator = atom.separator;
  for (const word of atom.text.split(/\s+/u).flatMap((w) => wordPieces(w, maxTokens))) {
    if (text.length > 0 && tokens + word.tokens > maxTokens) {
      windows.push({ text, tokens, separator });
      text = '';
      tokens = 0;
      separator = word.glue;
    }
    text += text.length > 0 ? word.glue + word.text : word.text;
    tokens += word.tokens;
  }
  if (text.length > 0) {
    windows.push({ text, tokens, separator });
  }
  return windows;
}

interface WordPiece {
  readonly text: string;
  readonly tokens: number;
  readonly glue: string;
}

// No character costs more than one estimated token, so maxTokens characters always fit.
function wordPieces(word: string, maxTokens: number): WordPiece[] {
  const tokens = estimateTokens(word);
  if (word.length === 0) {
    return [];
  }
  if (tokens <= maxTokens) {
    return [{ text: word, tokens, glue: ' ' }];
  }
  const chars = Array.from(word);
  const pieces: WordPiece[] = [];
  for (let i = 0; i < chars.length; i += maxTokens) {
    const text = chars.slice(i, i + maxTokens).join('');
    pieces.push({ text, tokens: estimateTokens(text), glue: i === 0 ? ' ' : '' });
  }
  return pieces;
}
