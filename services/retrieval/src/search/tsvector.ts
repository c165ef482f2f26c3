const POSITION_BITS = 14;
const POSITION_MASK = (1 << POSITION_BITS) - 1;
const QUOTE = 39;
const BACKSLASH = 92;
const COLON = 58;
const COMMA = 44;
const SPACE = 32;
const ZERO = 48;
const NINE = 57;
/* Weight labels as PostgreSQL packs them above the position: A 3, B 2, C 1, D (unprinted) 0. */
const LABEL_A = 65;
const LABEL_C = 67;

export function positionOf(packed: number): number {
  return packed & POSITION_MASK;
}

/** The weight label of a packed position: 3 for A down to 0 for D. */
export function labelOf(packed: number): number {
  return packed >> POSITION_BITS;
}

export function packPosition(position: number, label: number): number {
  return position | (label << POSITION_BITS);
}

/**
 * How much one occurrence counts: title (A) and heading path (B) twice, body text once, as the
 * label weights `{D 0.1, C 0.1, B 0.2, A 0.2}` of the full-text ranking had it.
 */
export function occurrenceWeight(packed: number): number {
  return labelOf(packed) >= 2 ? 2 : 1;
}

/**
 * Reads PostgreSQL's text output of a `tsvector` (`'lexeme':1A,5,7B 'other':3`; quotes inside a
 * lexeme doubled, backslashes escaped; a lexeme may have no positions) without building objects:
 * `lexeme` is called once per lexeme and returns a key that `occurrence` then gets with each
 * position packed as `position | label << 14`.
 */
export function readTsvector<K>(
  text: string,
  lexeme: (value: string) => K,
  occurrence: (key: K, packed: number) => void,
): void {
  let i = 0;
  const end = text.length;
  while (i < end) {
    if (text.charCodeAt(i) === SPACE) {
      i += 1;
      continue;
    }
    if (text.charCodeAt(i) !== QUOTE) {
      throw new SyntaxError(`Unexpected "${text[i] ?? ''}" at ${i} in a tsvector`);
    }
    const start = i + 1;
    let close = text.indexOf("'", start);
    let value: string;
    const plain = text.indexOf('\\', start);
    if (close >= 0 && text.charCodeAt(close + 1) !== QUOTE && (plain < 0 || plain > close)) {
      value = text.slice(start, close);
    } else {
      value = '';
      close = start;
      for (;;) {
        const char = text.charCodeAt(close);
        if (Number.isNaN(char)) {
          throw new SyntaxError('Unterminated lexeme in a tsvector');
        }
        if (char === BACKSLASH) {
          value += text[close + 1] ?? '';
          close += 2;
        } else if (char === QUOTE && text.charCodeAt(close + 1) === QUOTE) {
          value += "'";
          close += 2;
        } else if (char === QUOTE) {
          break;
        } else {
          value += text[close] ?? '';
          close += 1;
        }
      }
    }
    const key = lexeme(value);
    i = close + 1;
    if (text.charCodeAt(i) !== COLON) {
      continue;
    }
    i += 1;
    for (;;) {
      let position = 0;
      let char = text.charCodeAt(i);
      while (char >= ZERO && char <= NINE) {
        position = position * 10 + char - ZERO;
        i += 1;
        char = text.charCodeAt(i);
      }
      let label = 0;
      if (char >= LABEL_A && char <= LABEL_C) {
        label = 3 - (char - LABEL_A);
        i += 1;
      }
      occurrence(key, packPosition(position, label));
      if (text.charCodeAt(i) !== COMMA) {
        break;
      }
      i += 1;
    }
  }
}
