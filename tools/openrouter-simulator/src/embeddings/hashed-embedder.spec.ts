import { embedText, fromBase64, toBase64 } from './hashed-embedder';

function cosine(a: number[], b: number[]): number {
  return a.reduce((sum, value, index) => sum + value * (b[index] ?? 0), 0);
}

describe(embedText.name, () => {
  it('should give unit vectors of the asked length, the same for the same text', () => {
    const sut = embedText('restart apache in whm', 64);

    expect(sut).toHaveLength(64);
    expect(cosine(sut, sut)).toBeCloseTo(1, 6);
    expect(embedText('restart apache in whm', 64)).toEqual(sut);
  });

  it('should place texts that share words closer than unrelated texts', () => {
    const query = embedText('how to restart apache', 256);
    const related = embedText('restart the apache web server from whm', 256);
    const unrelated = embedText('invoices are due within seven days', 256);

    expect(cosine(query, related)).toBeGreaterThan(cosine(query, unrelated));
  });

  it('should round-trip through base64 as float32', () => {
    const vector = embedText('mail server', 16);

    const decoded = fromBase64(toBase64(vector));

    decoded.forEach((value, index) => {
      expect(value).toBeCloseTo(vector[index] ?? 0, 6);
    });
  });
});
