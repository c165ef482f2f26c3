import { createHarness, replies } from '../../test/api-harness';
import { getTicket, getTicketNotes } from './ticket-read.actions';

describe('ticket read actions', () => {
  describe(getTicket.name, () => {
    it('should give the opening message as reply "0" and no top-level message', async () => {
      const sut = createHarness();
      const id = sut.control.ticketIdByKey('dns-propagation');

      const result = await sut.call('GetTicket', { ticketid: id });

      expect(result.json['message']).toBeUndefined();
      const thread = replies(result.json);
      expect(thread[0]).toMatchObject({ replyid: '0', admin: '', requestor_type: 'Owner' });
      expect(thread).toHaveLength(3);
      expect(thread[1]).toMatchObject({
        admin: 'Tomasz Nowak',
        requestor_type: 'Operator',
        name: '',
      });
    });

    it('should put the opening message last when replies are sorted DESC', async () => {
      const sut = createHarness();
      const id = sut.control.ticketIdByKey('dns-propagation');

      const result = await sut.call('GetTicket', { ticketid: id, repliessort: 'DESC' });

      expect(replies(result.json).at(-1)?.['replyid']).toBe('0');
    });

    it('should find a ticket by its customer-visible number', async () => {
      const sut = createHarness();
      const id = sut.control.ticketIdByKey('cpanel-login');
      const tid = sut.control.ticket(id)['tid'] as string;

      const result = await sut.call('GetTicket', { ticketnum: tid });

      expect(result.json['ticketid']).toBe(id);
    });

    it('should return entity-encoded text for a message that came in by email', async () => {
      const sut = createHarness();
      const id = sut.control.ticketIdByKey('cpanel-login');

      const result = await sut.call('GetTicket', { ticketid: id });

      const opening = replies(result.json)[0]?.['message'] as string;
      expect(opening).toContain('I can&#039;t log in');
      expect(opening).toContain('&quot;The login is invalid.&quot;');
    });

    it('should keep web-form text as typed', async () => {
      const sut = createHarness();
      const id = sut.control.ticketIdByKey('hostile-injection');

      const result = await sut.call('GetTicket', { ticketid: id });

      expect(replies(result.json)[0]?.['message']).toContain('<script>fetch(');
    });

    it('should answer "notes": [] when the ticket has no notes and wrap them otherwise', async () => {
      const sut = createHarness();

      const without = await sut.call('GetTicket', {
        ticketid: sut.control.ticketIdByKey('cpanel-login'),
      });
      const withNotes = await sut.call('GetTicket', {
        ticketid: sut.control.ticketIdByKey('wordpress-db-error'),
      });

      expect(without.json['notes']).toEqual([]);
      expect(withNotes.json['notes']).toMatchObject({
        note: [{ noteid: expect.any(String) as string }],
      });
    });

    it('should answer a business error with HTTP 200 for an unknown ticket', async () => {
      const sut = createHarness();

      const result = await sut.call('GetTicket', { ticketid: 99999 });

      expect(result.status).toBe(200);
      expect(result.json).toEqual({ result: 'error', message: 'Ticket ID Not Found' });
    });

    it('should answer XML when no response type is given', async () => {
      const sut = createHarness();

      const result = await sut.call('GetTicket', { ticketid: 1, responsetype: '' });

      expect(result.contentType).toContain('xml');
      expect(result.text).toContain('<action>getticket</action>');
      expect(result.text).toContain('<replyid>0</replyid>');
    });

    it('should refuse NVP for a list action', async () => {
      const sut = createHarness();

      const result = await sut.call('GetTicket', { ticketid: 1, responsetype: 'nvp' });

      expect(result.text).toBe(
        'result=error;message=This API action only supports the XML or JSON response type formats',
      );
    });
  });

  describe(getTicketNotes.name, () => {
    it('should answer zero notes without a wrapper for an unknown ticket', async () => {
      const sut = createHarness();

      const result = await sut.call('GetTicketNotes', { ticketid: 424242 });

      expect(result.json).toEqual({ result: 'success', totalresults: 0 });
    });
  });
});
