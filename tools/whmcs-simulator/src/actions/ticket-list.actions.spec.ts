import { createHarness, listedTickets } from '../../test/api-harness';
import { DEPT_ABUSE, DEPT_SALES } from '../seed/seed-directory';
import { getSupportDepartments, getTicketCounts, getTickets } from './ticket-list.actions';

const AWAITING = { status: 'Awaiting Reply' };

describe('ticket list actions', () => {
  describe(getTickets.name, () => {
    it('should hide departments the API admin is not assigned to when the flag is missing', async () => {
      const sut = createHarness();

      const scoped = await sut.call('GetTickets', { ...AWAITING, limitnum: 100 });
      const all = await sut.call('GetTickets', {
        ...AWAITING,
        limitnum: 100,
        ignore_dept_assignments: 1,
      });

      const scopedDepts = new Set(listedTickets(scoped.json).map((t) => t['deptid']));
      const allDepts = new Set(listedTickets(all.json).map((t) => t['deptid']));
      expect(scopedDepts).toEqual(new Set(['1', '2']));
      expect(allDepts).toEqual(new Set(['1', '2', String(DEPT_SALES), String(DEPT_ABUSE)]));
      expect(Number(all.json['totalresults'])).toBe(sut.control.awaitingTicketIds().length);
    });

    it('should treat the string "false" as true, as PHP truthiness does', async () => {
      const sut = createHarness();

      const result = await sut.call('GetTickets', {
        ...AWAITING,
        ignore_dept_assignments: 'false',
      });

      expect(Number(result.json['totalresults'])).toBe(sut.control.awaitingTicketIds().length);
    });

    it('should list only statuses flagged awaiting reply for the pseudo status', async () => {
      const sut = createHarness();

      const result = await sut.call('GetTickets', {
        ...AWAITING,
        limitnum: 100,
        ignore_dept_assignments: 1,
      });

      const statuses = new Set(listedTickets(result.json).map((t) => t['status']));
      expect(statuses).toEqual(new Set(['Open', 'Customer-Reply']));
    });

    it('should page with limitstart and limitnum, strings for totals and ints for the rest', async () => {
      const sut = createHarness({ backlog: 30 });
      const params = { ...AWAITING, ignore_dept_assignments: 1, limitnum: 10 };

      const first = await sut.call('GetTickets', params);
      const second = await sut.call('GetTickets', { ...params, limitstart: 10 });

      expect(typeof first.json['totalresults']).toBe('string');
      expect(first.json['startnumber']).toBe(0);
      expect(first.json['numreturned']).toBe(10);
      expect(second.json['startnumber']).toBe(10);
      const ids = [...listedTickets(first.json), ...listedTickets(second.json)].map((t) => t['id']);
      expect(new Set(ids).size).toBe(20);
    });

    it('should order by lastreply, newest first', async () => {
      const sut = createHarness({ backlog: 20 });

      const result = await sut.call('GetTickets', { ignore_dept_assignments: 1, limitnum: 100 });

      const replies = listedTickets(result.json).map((t) => t['lastreply'] ?? '');
      expect(replies).toEqual([...replies].sort().reverse());
    });

    it('should leave out merged tickets', async () => {
      const sut = createHarness();
      const merged = sut.control.ticketIdByKey('suspended-paid-duplicate');

      const result = await sut.call('GetTickets', { ignore_dept_assignments: 1, limitnum: 100 });

      expect(listedTickets(result.json).map((t) => t['id'])).not.toContain(merged);
    });

    it('should omit the tickets wrapper when nothing matches', async () => {
      const sut = createHarness();

      const result = await sut.call('GetTickets', { status: 'No Such Status' });

      expect(result.json).toEqual({
        result: 'success',
        totalresults: '0',
        startnumber: 0,
        numreturned: 0,
      });
    });

    it('should accept the action name in any case', async () => {
      const sut = createHarness();

      const result = await sut.call('gEtTiCkEtS', AWAITING);

      expect(result.json['result']).toBe('success');
    });
  });

  describe(getTicketCounts.name, () => {
    it('should count every department only with the camelCase flag', async () => {
      const sut = createHarness();

      const scoped = await sut.call('GetTicketCounts', { ignore_dept_assignments: 1 });
      const all = await sut.call('GetTicketCounts', {
        ignoreDepartmentAssignments: 1,
        includeCountsByStatus: 1,
      });

      expect(scoped.json['filteredDepartments']).toEqual([1, 2]);
      expect(all.json['awaitingReply']).toBe(sut.control.awaitingTicketIds().length);
      expect(all.json['status']).toMatchObject({ customerreply: { title: 'Customer-Reply' } });
    });

    it('should answer "x" for the totals when ticket counts are disabled', async () => {
      const sut = createHarness({ quirks: { ticketCountsDisabled: true } });

      const result = await sut.call('GetTicketCounts');

      expect(result.json['awaitingReply']).toBe('x');
    });
  });

  describe(getSupportDepartments.name, () => {
    it('should list only the admin departments unless assignments are ignored', async () => {
      const sut = createHarness();

      const scoped = await sut.call('GetSupportDepartments');
      const all = await sut.call('GetSupportDepartments', { ignore_dept_assignments: 1 });

      expect(scoped.json['totalresults']).toBe(2);
      const names = (all.json['departments'] as { department: { name: string }[] }).department.map(
        (d) => d.name,
      );
      expect(names).toEqual(['Abuse Desk', 'Billing', 'Sales & Domains', 'Technical Support']);
    });
  });

  describe('GetSupportStatuses', () => {
    it('should list the configured statuses in sort order with int counts', async () => {
      const sut = createHarness();

      const result = await sut.call('GetSupportStatuses');

      const statuses = (result.json['statuses'] as { status: { title: string; count: unknown }[] })
        .status;
      expect(statuses.map((s) => s.title)).toEqual([
        'Open',
        'Answered',
        'Customer-Reply',
        'On Hold',
        'In Progress',
        'Closed',
      ]);
      expect(typeof statuses[0]?.count).toBe('number');
    });
  });
});
