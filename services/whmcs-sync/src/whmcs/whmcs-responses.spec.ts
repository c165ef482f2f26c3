import { TicketDetail, TicketListPage } from './whmcs-responses';

describe('whmcs responses', () => {
  describe('TicketListPage', () => {
    it('should read a page with string totals and no tickets wrapper', () => {
      const page = TicketListPage.parse({
        result: 'success',
        totalresults: '0',
        startnumber: 0,
        numreturned: 0,
      });

      expect(page).toEqual({ totalresults: 0, startnumber: 0, numreturned: 0, tickets: [] });
    });

    it('should read ids given as numbers or strings as strings', () => {
      const page = TicketListPage.parse({
        totalresults: 1,
        tickets: { ticket: { id: 5, tid: '123456', deptid: '2', subject: 'Hi', status: 'Open' } },
      });

      expect(page.tickets[0]).toMatchObject({ id: '5', deptid: '2', userid: '0', lastreply: '' });
    });
  });

  describe('TicketDetail', () => {
    it('should read replies, with [[]] for no attachments, and ignore "notes": []', () => {
      const detail = TicketDetail.parse({
        result: 'success',
        ticketid: '9',
        tid: '111111',
        deptid: '1',
        deptname: 'Technical Support',
        subject: 'Down',
        status: 'Open',
        replies: {
          reply: [
            { replyid: '0', message: 'Help', admin: '', attachments: [[]] },
            {
              replyid: '12',
              message: 'On it',
              admin: 'Sarah Mitchell',
              requestor_type: 'Operator',
              attachments: [{ filename: 'log.txt', index: 0 }],
            },
          ],
        },
        notes: [],
      });

      expect(detail.replies).toHaveLength(2);
      expect(detail.replies[0]?.attachments).toEqual([]);
      expect(detail.replies[1]?.attachments).toEqual(['log.txt']);
    });
  });
});
