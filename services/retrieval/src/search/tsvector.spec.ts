import { occurrenceWeight, parseTsvector, positionOf } from './tsvector';

describe(parseTsvector.name, () => {
  it('should read lexemes with their positions and weight labels', () => {
    const entries = parseTsvector("'dns':1A,4 'record':2B,7C 'zone':9");

    expect(entries.map((e) => e.lexeme)).toEqual(['dns', 'record', 'zone']);
    expect(entries.map((e) => e.positions.map(positionOf))).toEqual([[1, 4], [2, 7], [9]]);
    expect(entries.map((e) => e.positions.map(occurrenceWeight))).toEqual([[2, 1], [2, 1], [1]]);
  });

  it('should unescape quotes and backslashes inside a lexeme', () => {
    expect(parseTsvector("'o''neil':3 'a\\\\b':5").map((e) => e.lexeme)).toEqual([
      "o'neil",
      'a\\b',
    ]);
  });

  it('should accept lexemes without positions and an empty vector', () => {
    expect(parseTsvector("'alone' 'word':2")).toEqual([
      { lexeme: 'alone', positions: [] },
      { lexeme: 'word', positions: [2] },
    ]);
    expect(parseTsvector('')).toEqual([]);
  });

  it('should refuse text that is not a tsvector', () => {
    expect(() => parseTsvector('dns:1')).toThrow(SyntaxError);
    expect(() => parseTsvector("'open")).toThrow(SyntaxError);
  });
});
