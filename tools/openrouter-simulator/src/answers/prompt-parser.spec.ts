import { parsePrompt } from './prompt-parser';

describe(parsePrompt.name, () => {
  it('should read numbered passages and a tagged question when the prompt delimits them', () => {
    const sut = parsePrompt([
      { role: 'system', content: 'Answer from the passages. Cite them as [n].' },
      {
        role: 'user',
        content: [
          '<passages>',
          '[1] Restart Apache from WHM.',
          'It takes a minute.',
          '[2] (Source: Billing › Terms) Invoices are due in 7 days.',
          '</passages>',
          '<question>',
          'How do I restart [1] Apache?',
          '</question>',
        ].join('\n'),
      },
    ]);

    expect(sut.passages).toEqual([
      { number: 1, text: 'Restart Apache from WHM. It takes a minute.' },
      { number: 2, text: 'Invoices are due in 7 days.' },
    ]);
    expect(sut.question).toBe('How do I restart [1] Apache?');
  });

  it('should take the text after a Question marker when there is one', () => {
    const sut = parsePrompt([
      { role: 'user', content: '[1] DNS changes take up to 24 hours.\nQuestion: why is DNS slow?' },
    ]);

    expect(sut.question).toBe('why is DNS slow?');
    expect(sut.passages).toHaveLength(1);
  });

  it('should use the last user message outside its passages when it has no marker', () => {
    const sut = parsePrompt([
      { role: 'user', content: 'first question' },
      { role: 'assistant', content: 'an answer' },
      { role: 'user', content: [{ type: 'text', text: 'second question' }] },
    ]);

    expect(sut.question).toBe('second question');
  });
});
