import type { AnsweredAsk } from './similar-asks';
import { mostAlike } from './similar-asks';

const EARLIER: AnsweredAsk[] = [
  {
    replyId: 'newest-cpanel',
    subject: 'cPanel login fails',
    question: 'I cannot log in to cPanel, it says the password is wrong.',
  },
  {
    replyId: 'invoice',
    subject: 'Invoice paid twice',
    question: 'My card was charged twice for invoice 4711. Please refund one payment.',
  },
  {
    replyId: 'older-cpanel',
    subject: 'cPanel login fails',
    question: 'I cannot log in to cPanel, it says the password is wrong.',
  },
  {
    replyId: 'dns',
    subject: 'Website not reachable after nameserver change',
    question: 'I changed the nameservers yesterday and the site still shows the old host.',
  },
];

describe(mostAlike.name, () => {
  it('should find the earlier tickets that ask the same, the newer reply first', () => {
    const ask = {
      subject: 'Cannot log in to cPanel',
      question: 'Hello, my cPanel password is not accepted since this morning.',
    };

    expect(mostAlike(ask, EARLIER, 3)).toEqual(['newest-cpanel', 'older-cpanel']);
  });

  it('should leave out a ticket whose subject shares no word, though its message does', () => {
    const ask = {
      subject: 'Invoice #10482 charged twice',
      question: 'The statement says both payments went through.',
    };
    const mentions = {
      replyId: 'spam',
      subject: 'Our emails land in spam',
      question: 'Our invoices say they come from our address, yet Outlook says spam.',
    };

    expect(mostAlike(ask, [...EARLIER, mentions], 3)).toEqual(['invoice']);
  });

  it('should keep at most the limit', () => {
    const ask = { subject: 'cPanel login', question: 'The cPanel password is wrong.' };

    expect(mostAlike(ask, EARLIER, 1)).toEqual(['newest-cpanel']);
  });

  it('should leave out tickets that share a single word', () => {
    const ask = { subject: 'Password reset for webmail', question: 'How do I reset it?' };

    expect(mostAlike(ask, EARLIER, 3)).toEqual([]);
  });

  it('should find nothing without earlier replies', () => {
    expect(mostAlike({ subject: 'cPanel login', question: '' }, [], 3)).toEqual([]);
  });

  it('should find an earlier German ticket that asks the same in other forms of its words', () => {
    const german: AnsweredAsk[] = [
      {
        replyId: 'postfach',
        subject: 'Postfächer voll',
        question: 'Unsere Postfächer sind voll und nehmen keine Mails mehr an.',
      },
      ...EARLIER,
    ];
    const ask = {
      subject: 'Postfach läuft über',
      question: 'Hallo, mein Postfach nimmt seit heute keine Mail mehr an.',
    };

    expect(mostAlike(ask, german, 3)).toEqual(['postfach']);
  });
});
