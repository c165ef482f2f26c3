import { Bm25Index, plainTokens } from './bm25-index';

describe(Bm25Index.name, () => {
  it('should rank the document with the rarer matching term first', () => {
    const sut = new Bm25Index();
    sut.add('a', 'reset the router password');
    sut.add('b', 'reset the mailbox');
    sut.add('c', 'mailbox quota and mailbox size');

    expect(sut.search('reset router', 3).map((hit) => hit.id)).toEqual(['a', 'b']);
  });

  it('should return nothing when no term matches', () => {
    const sut = new Bm25Index();
    sut.add('a', 'dns zone');

    expect(sut.search('billing', 5)).toEqual([]);
  });
});

describe(plainTokens.name, () => {
  it('should lowercase and drop the small stop-word list', () => {
    expect(plainTokens('How do I reset the DNS?')).toEqual(['reset', 'dns']);
  });
});
