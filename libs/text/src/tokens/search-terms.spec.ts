import { searchTerms } from './search-terms';

describe(searchTerms.name, () => {
  it('should drop stop words and stem the rest when given a question', () => {
    expect(searchTerms('How do I configure the DNS records for my domains?')).toEqual([
      'configur',
      'dns',
      'record',
      'domain',
    ]);
  });

  it('should map inflections to one term when words share a stem', () => {
    expect(new Set(searchTerms('configuring configured configures'))).toEqual(
      new Set(['configur']),
    );
  });

  it('should leave identifiers unstemmed when tokens contain digits or joiners', () => {
    expect(searchTerms('php8.1 ipv6 max_execution_time settings')).toEqual([
      'php8.1',
      'ipv6',
      'max_execution_time',
      'set',
    ]);
  });

  it('should drop German stop words and stem German words when the text is German', () => {
    expect(searchTerms('Wo finde ich die Rechnungen meiner Domains?', 'german')).toEqual([
      'find',
      'rechnung',
      'domain',
    ]);
  });
});
