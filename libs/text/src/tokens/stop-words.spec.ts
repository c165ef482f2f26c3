import { isStopWord } from './stop-words';

describe(isStopWord.name, () => {
  it('should be true when the token is a function word', () => {
    expect(['the', 'how', 'doesnt', 'yourself'].every(isStopWord)).toBe(true);
  });

  it('should be false when the token carries a topic', () => {
    expect(['domain', 'id', 'dns', 'server', ''].some(isStopWord)).toBe(false);
  });
});
