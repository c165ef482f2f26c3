import { isStopWord } from './stop-words';

describe(isStopWord.name, () => {
  it('should be true when the token is a function word', () => {
    expect(['the', 'how', 'doesnt', 'yourself'].every((token) => isStopWord(token))).toBe(true);
  });

  it('should be false when the token carries a topic', () => {
    expect(['domain', 'id', 'dns', 'server', ''].some((token) => isStopWord(token))).toBe(false);
  });

  it('should use the stop words of the language given', () => {
    expect(isStopWord('und', 'german')).toBe(true);
    expect(isStopWord('und')).toBe(false);
    expect(isStopWord('the', 'german')).toBe(false);
  });
});
