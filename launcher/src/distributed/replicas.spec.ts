import { parseReplicas } from './replicas';

describe(parseReplicas.name, () => {
  it('should return no replicas when the option is absent', () => {
    expect(parseReplicas(['--verbose'])).toEqual({});
  });

  it('should read one count per worker service', () => {
    expect(parseReplicas(['--replicas', 'ingest=2,llm=3,retrieval=2'])).toEqual({
      ingest: 2,
      llm: 3,
      retrieval: 2,
    });
  });

  it('should refuse the gateway and unknown services', () => {
    expect(() => parseReplicas(['--replicas', 'gateway=2'])).toThrow(
      'unknown worker service "gateway"',
    );
    expect(() => parseReplicas(['--replicas', 'mailer=1'])).toThrow(
      'unknown worker service "mailer"',
    );
  });

  it('should refuse counts that are not small positive integers', () => {
    expect(() => parseReplicas(['--replicas', 'llm=0'])).toThrow('llm needs a count from 1 to 16');
    expect(() => parseReplicas(['--replicas', 'llm=two'])).toThrow('got "two"');
  });

  it('should refuse a missing value', () => {
    expect(() => parseReplicas(['--replicas'])).toThrow('--replicas needs a value');
  });
});
