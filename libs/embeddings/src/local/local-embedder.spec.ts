import { LocalEmbedder } from './local-embedder';

const dot = (a: Float32Array, b: Float32Array): number =>
  a.reduce((sum, value, i) => sum + value * (b[i] ?? 0), 0);

describe(LocalEmbedder.name, () => {
  const sut = new LocalEmbedder();

  describe('embedPassage', () => {
    it('should return identical vectors when the same passage is embedded twice', () => {
      const passage = { title: 'Email', text: 'Point the MX record at mail.example.com.' };

      expect(sut.embedPassage(passage)).toEqual(new LocalEmbedder().embedPassage(passage));
    });

    it('should return a vector of the configured dimension when given any text', () => {
      const vector = new LocalEmbedder({ dimension: 64 }).embedPassage({ text: 'DNS zone' });

      expect(vector).toHaveLength(64);
    });

    it('should return a zero vector when the text has no content words', () => {
      expect(sut.embedPassage({ text: 'the and of ...' }).every((v) => v === 0)).toBe(true);
    });

    it('should count the title more when a query matches the title rather than the body', () => {
      const query = sut.embedQueryNow('backups');
      const inTitle = sut.embedPassage({ title: 'Backups', text: 'Restore files from a copy.' });
      const inBody = sut.embedPassage({ title: 'Files', text: 'Restore backups from a copy.' });

      expect(dot(query, inTitle)).toBeGreaterThan(dot(query, inBody));
    });
  });

  describe('embedQueryNow', () => {
    const passages = {
      dns: sut.embedPassage({
        title: 'DNS',
        text: 'Add an MX record to the DNS zone of the domain.',
      }),
      ssl: sut.embedPassage({ title: 'SSL', text: 'Install a certificate for the domain.' }),
    };

    it('should score the passage sharing the query words highest when searching', () => {
      const query = sut.embedQueryNow('How do I add an MX record?');

      expect(dot(query, passages.dns)).toBeGreaterThan(dot(query, passages.ssl));
    });

    it('should match inflected forms when words share a stem', () => {
      const query = sut.embedQueryNow('installing certificates');

      expect(dot(query, passages.ssl)).toBeGreaterThan(dot(query, passages.dns));
    });

    it('should tolerate a misspelling when character n-grams overlap', () => {
      const query = sut.embedQueryNow('sertificate instal');

      expect(dot(query, passages.ssl)).toBeGreaterThan(dot(query, passages.dns));
    });

    it('should follow the rare term when collection weights are given', () => {
      const query = 'domain certificate';
      const weights = new Map([
        ['domain', 0.1],
        ['certif', 3],
      ]);
      const mx = sut.embedPassage({ text: 'domain domain domain certificate' });
      const cert = sut.embedPassage({ text: 'certificate certificate certificate domain' });

      expect(dot(sut.embedQueryNow(query, weights), cert)).toBeGreaterThan(
        dot(sut.embedQueryNow(query, weights), mx),
      );
    });

    it('should return a unit vector when the query has content words', () => {
      const query = sut.embedQueryNow('reset password');

      expect(Math.sqrt(dot(query, query))).toBeCloseTo(1, 5);
    });
  });

  describe('queryTerms', () => {
    it('should list distinct stems without stop words when given a question', () => {
      expect(sut.queryTerms('How do I configure the DNS records for my DNS?')).toEqual([
        'configur',
        'dns',
        'record',
      ]);
    });
  });

  describe('constructor', () => {
    it('should encode every setting in the id when options differ', () => {
      expect(new LocalEmbedder({ pairWeight: 1 }).id).not.toBe(sut.id);
      expect(sut.id).toMatch(/^local:bm25-hash-v2:384:/u);
    });

    it('should throw when the dimension is not a positive integer', () => {
      expect(() => new LocalEmbedder({ dimension: 0 })).toThrow(RangeError);
    });
  });
});
