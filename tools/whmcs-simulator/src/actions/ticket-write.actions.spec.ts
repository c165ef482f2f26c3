import { createHarness, replies } from '../../test/api-harness';
import { addTicketNote, addTicketReply, openTicket, updateTicket } from './ticket-write.actions';

describe('ticket write actions', () => {
  describe(addTicketReply.name, () => {
    it('should store a staff reply under the given admin name and mark the ticket Answered', async () => {
      const sut = createHarness();
      const id = sut.control.ticketIdByKey('cpanel-login');
      sut.state.clock.advance(5_000);

      const result = await sut.call('AddTicketReply', {
        ticketid: id,
        message: '**Hello** Daniel',
        adminusername: 'Deskpilot Reviewer',
        markdown: 1,
      });

      expect(result.json).toEqual({ result: 'success' });
      const ticket = sut.control.ticket(id);
      expect(ticket['status']).toBe('Answered');
      expect(replies(ticket).at(-1)).toMatchObject({
        admin: 'Deskpilot Reviewer',
        requestor_type: 'Operator',
        message: '**Hello** Daniel',
      });
      expect(sut.control.postedReplies(id)).toHaveLength(1);
    });

    it('should store a second reply when the same call is sent twice', async () => {
      const sut = createHarness();
      const id = sut.control.ticketIdByKey('cpanel-login');
      const call = { ticketid: id, message: 'Same text', adminusername: 'deskpilot' };

      await sut.call('AddTicketReply', call);
      await sut.call('AddTicketReply', call);

      expect(sut.control.postedReplies(id)).toHaveLength(2);
    });

    it('should keep the status asked for, matched case-insensitively', async () => {
      const sut = createHarness();
      const id = sut.control.ticketIdByKey('cpanel-login');

      await sut.call('AddTicketReply', {
        ticketid: id,
        message: 'Looking into it',
        adminusername: 'deskpilot',
        status: 'in progress',
      });

      expect(sut.control.ticket(id)['status']).toBe('In Progress');
    });

    it.each([
      [{ message: 'x', adminusername: 'a', ticketid: 99999 }, 'Ticket ID not found'],
      [{ message: 'x' }, 'Name and email address are required if not a client'],
      [{ message: '', adminusername: 'a' }, 'Message is required'],
      [{ message: 'x', adminusername: 'a', status: 'Nope' }, 'Invalid Ticket Status'],
      [{ message: 'x', adminusername: 'a', created: 'yesterday' }, 'Invalid Date Format'],
      [
        { message: 'x', adminusername: 'a', created: '2999-01-01 00:00:00' },
        'Reply creation date cannot be in the future',
      ],
      [{ message: 'x', clientid: 777 }, 'Client ID Not Found'],
      [{ message: 'x', name: 'Guest', email: 'not-an-email' }, 'Email Address Invalid'],
    ])('should refuse %j with "%s" and store nothing', async (params, message) => {
      const sut = createHarness();
      const id = sut.control.ticketIdByKey('cpanel-login');

      const result = await sut.call('AddTicketReply', { ticketid: id, ...params });

      expect(result.json).toEqual({ result: 'error', message });
      expect(sut.control.postedReplies()).toHaveLength(0);
    });

    it('should set Customer-Reply when the reply is posted as the client', async () => {
      const sut = createHarness();
      const id = sut.control.ticketIdByKey('ssl-common-name');

      await sut.call('AddTicketReply', { ticketid: id, message: 'Still broken', clientid: 9 });

      expect(sut.control.ticket(id)['status']).toBe('Customer-Reply');
    });
  });

  describe(addTicketNote.name, () => {
    it('should add a private note by the credential admin', async () => {
      const sut = createHarness();
      const id = sut.control.ticketIdByKey('cpanel-login');

      await sut.call('AddTicketNote', { ticketid: id, message: 'Draft confidence 0.8' });

      const notes = await sut.call('GetTicketNotes', { ticketid: id });
      expect(notes.json).toMatchObject({
        totalresults: 1,
        notes: { note: [{ admin: 'Deskpilot Integration', message: 'Draft confidence 0.8' }] },
      });
    });
  });

  describe(updateTicket.name, () => {
    it('should change the status and answer the ticket id as a string', async () => {
      const sut = createHarness();
      const id = sut.control.ticketIdByKey('cpanel-login');

      const result = await sut.call('UpdateTicket', { ticketid: id, status: 'Closed' });

      expect(result.json).toEqual({ result: 'success', ticketid: id });
      expect(sut.control.ticket(id)['status']).toBe('Closed');
    });

    it('should list the valid statuses when the status is unknown', async () => {
      const sut = createHarness();

      const result = await sut.call('UpdateTicket', { ticketid: 1, status: 'Nope' });

      expect(result.json['message']).toBe(
        'Invalid Ticket Status. Valid statuses are: Open,Answered,Customer-Reply,On Hold,In Progress,Closed',
      );
    });
  });

  describe(openTicket.name, () => {
    it('should open a ticket as Open, defaulting a bad priority to Low', async () => {
      const sut = createHarness();

      const result = await sut.call('OpenTicket', {
        deptid: 1,
        clientid: 1,
        subject: 'New',
        message: 'Hello',
        priority: 'Urgent',
      });

      expect(result.json).toMatchObject({ result: 'success', id: expect.any(String) as string });
      const ticket = sut.control.ticket(result.json['id'] as string);
      expect(ticket).toMatchObject({ status: 'Open', priority: 'Low', tid: result.json['tid'] });
    });

    it('should refuse an unknown department', async () => {
      const sut = createHarness();

      const result = await sut.call('OpenTicket', {
        deptid: 9,
        clientid: 1,
        subject: 's',
        message: 'm',
      });

      expect(result.json['message']).toBe('Department ID not found');
    });
  });
});
