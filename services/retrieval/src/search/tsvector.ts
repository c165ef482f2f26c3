/** A lexeme of a `tsvector` with its positions, each packed with its weight label. */
export interface TsvectorEntry {
  readonly lexeme: string;
  /** `position | label << 14`, label 3 for A down to 0 for D (PostgreSQL's own packing). */
  readonly positions: readonly number[];
}

const POSITION_BITS = 14;
const POSITION_MASK = (1 << POSITION_BITS) - 1;
const LABELS: Readonly<Record<string, number>> = { A: 3, B: 2, C: 1, D: 0 };

export function positionOf(packed: number): number {
  return packed & POSITION_MASK;
}

/**
 * How much one occurrence counts: title (A) and heading path (B) twice, body text once, as the
 * label weights `{D 0.1, C 0.1, B 0.2, A 0.2}` of the full-text ranking had it.
 */
export function occurrenceWeight(packed: number): number {
  return packed >> POSITION_BITS >= 2 ? 2 : 1;
}

/**
 * Reads PostgreSQL's text output of a `tsvector`: `'lexeme':1A,5,7B 'other':3`. Quotes inside a
 * lexeme are doubled and backslashes escaped; a lexeme may have no positions.
 */
export function parseTsvector(text: string): TsvectorEntry[] {
  const entries: TsvectorEntry[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === ' ') {
      i += 1;
      continue;
    }
    if (text[i] !== "'") {
      throw new SyntaxError(`Unexpected "${text[i] ?? ''}" at ${i} in a tsvector`);
    }
    let lexeme = '';
    i += 1;
    for (;;) {
      const char = text[i];
      if (char === undefined) {
        throw new SyntaxError('Unterminated lexeme in a tsvector');
      }
      if (char === '\\') {
        lexeme += text[i + 1] ?? '';
        i += 2;
      } else if (char === "'" && text[i + 1] === "'") {
        lexeme += "'";
        i += 2;
      } else if (char === "'") {
        i += 1;
        break;
      } else {
        lexeme += char;
        i += 1;
      }
    }
    const positions: number[] = [];
    if (text[i] === ':') {
      i += 1;
      for (;;) {
        let position = 0;
        while (i < text.length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) {
          position = position * 10 + text.charCodeAt(i) - 48;
          i += 1;
        }
        const label = LABELS[text[i] ?? ''];
        if (label !== undefined) {
          i += 1;
        }
        positions.push(position | ((label ?? 0) << POSITION_BITS));
        if (text[i] !== ',') {
          break;
        }
        i += 1;
      }
    }
    entries.push({ lexeme, positions });
  }
  return entries;
}
