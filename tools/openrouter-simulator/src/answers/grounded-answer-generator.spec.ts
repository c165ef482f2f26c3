import { GroundedAnswerGenerator, cite } from './grounded-answer-generator';

describe(GroundedAnswerGenerator.name, () => {
  const sut = new GroundedAnswerGenerator();

  it('should quote the passages that share words with the question and cite them', () => {
    const answer = sut.answer({
      question: 'How do I restart Apache?',
      passages: [
        { number: 1, text: 'Invoices are due within seven days.' },
        { number: 2, text: 'To restart Apache, open WHM and choose Restart Services. Then wait.' },
      ],
    });

    expect(answer.citations).toEqual([2]);
    expect(answer.text).toBe('To restart Apache, open WHM and choose Restart Services [2].');
  });

  it('should say it cannot answer when no passage matches', () => {
    const answer = sut.answer({
      question: 'quantum chromodynamics',
      passages: [{ number: 1, text: 'Invoices are due within seven days.' }],
    });

    expect(answer.citations).toEqual([]);
    expect(answer.text).toContain("couldn't find");
  });

  it('should give back the question of a prompt without passages, as a task on it alone', () => {
    const answer = sut.answer({ question: '  How do I reset a webmail password? ', passages: [] });

    expect(answer).toEqual({ text: 'How do I reset a webmail password?', citations: [] });
  });

  describe(cite.name, () => {
    it('should put the citation before the closing punctuation', () => {
      expect(cite('Restart it!', 3)).toBe('Restart it [3]!');
    });
  });
});
