import { occurrenceWeight, positionOf, readTsvector } from './tsvector';

/** The lexemes of `text` with their positions as [position, weight] pairs. */
function read(text: string): [string, [number, number][]][] {
  const entries: [string, [number, number][]][] = [];
  readTsvector(
    text,
    (lexeme) => {
      const entry: [string, [number, number][]] = [lexeme, []];
      entries.push(entry);
      return entry[1];
    },
    (positions, packed) => positions.push([positionOf(packed), occurrenceWeight(packed)]),
  );
  return entries;
}

describe(readTsvector.name, () => {
  it('should read lexemes with their positions and weight labels', () => {
    expect(read("'dns':1A,4 'record':2B,7C 'zone':9")).toEqual([
      [
        'dns',
        [
          [1, 2],
          [4, 1],
        ],
      ],
      [
        'record',
        [
          [2, 2],
          [7, 1],
        ],
      ],
      ['zone', [[9, 1]]],
    ]);
  });

  it('should unescape quotes and backslashes inside a lexeme', () => {
    expect(read("'o''neil':3 'a\\\\b':5 'it''s'").map(([lexeme]) => lexeme)).toEqual([
      "o'neil",
      'a\\b',
      "it's",
    ]);
  });

  it('should accept lexemes without positions and an empty vector', () => {
    expect(read("'alone' 'word':2")).toEqual([
      ['alone', []],
      ['word', [[2, 1]]],
    ]);
    expect(read('')).toEqual([]);
  });

  it('should refuse text that is not a tsvector', () => {
    expect(() => read('dns:1')).toThrow(SyntaxError);
    expect(() => read("'open")).toThrow(SyntaxError);
    expect(() => read("'open''")).toThrow(SyntaxError);
  });
});
