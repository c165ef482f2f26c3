import type { TicketDetail, TicketReply } from '../whmcs/whmcs-responses';
import { findPostedReply, newestReplyId, whyStale } from './posted-reply.matcher';

function reply(replyid: string, message: string, admin = ''): TicketReply {
  return {
    replyid,
    userid: '1',
    name: admin === '' ? 'Daniel' : '',
    email: '',
    requestor_name: '',
    requestor_type: admin === '' ? 'Owner' : 'Operator',
    date: '2025-01-01 10:00:00',
    message,
    admin,
    attachments: [],
  };
}

function ticket(status: string, replies: TicketReply[]): TicketDetail {
  return {
    ticketid: '1',
    tid: '123456',
    deptid: '1',
    deptname: 'Technical Support',
    userid: '1',
    name: 'Daniel',
    email: 'd@example.com',
    requestor_name: 'Daniel',
    subject: 'Login',
    status,
    priority: 'Medium',
    date: '',
    lastreply: '',
    replies,
    notes: [],
  };
}

describe('posted reply checks', () => {
  describe(findPostedReply.name, () => {
    it('should find our staff reply after the baseline, whatever the entities and line ends', () => {
      const detail = ticket('Answered', [
        reply('0', 'Help'),
        reply('31', 'We can&#039;t see it\r\nBest,  \r\nSupport', 'Deskpilot'),
      ]);

      expect(findPostedReply(detail, "We can't see it\nBest,\nSupport", '0')?.replyid).toBe('31');
    });

    it('should ignore the same text before the baseline or from the customer', () => {
      const detail = ticket('Answered', [reply('0', 'Same'), reply('20', 'Same', 'Sarah')]);

      expect(findPostedReply(detail, 'Same', '20')).toBeUndefined();
    });
  });

  describe(whyStale.name, () => {
    it('should accept a ticket whose last message is the one the draft answers', () => {
      expect(whyStale(ticket('Open', [reply('0', 'Help')]), '0')).toBeNull();
    });

    it('should refuse when the customer wrote again', () => {
      const detail = ticket('Customer-Reply', [reply('0', 'Help'), reply('8', 'Hello?')]);

      expect(whyStale(detail, '0')).toBe('The customer wrote again before the reply was posted');
    });

    it('should refuse when staff answered in WHMCS', () => {
      const detail = ticket('Answered', [reply('0', 'Help'), reply('8', 'Done', 'Sarah')]);

      expect(whyStale(detail, '0')).toBe('Answered in WHMCS before the reply was posted');
    });

    it('should refuse a closed ticket', () => {
      expect(whyStale(ticket('Closed', [reply('0', 'Help')]), '0')).toBe(
        'The ticket was closed in WHMCS',
      );
    });
  });

  describe(newestReplyId.name, () => {
    it('should compare ids as numbers', () => {
      expect(
        newestReplyId(ticket('Open', [reply('0', 'a'), reply('9', 'b'), reply('10', 'c')])),
      ).toBe('10');
    });
  });
});
