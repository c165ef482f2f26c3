import { waitFor } from '@deskpilot/testing';

import { ACTOR, SyncHarness } from '../support/sync-harness';

interface SimulatorNotes {
  readonly notes: { note: { message: string; admin: string }[] } | [];
}

describe('whmcs-sync staff notes', () => {
  let harness: SyncHarness;
  const idOf = (key: string): string => harness.simulator.control.ticketIdByKey(key);
  const notesInWhmcs = (ticketId: string): { message: string; admin: string }[] => {
    const { notes } = harness.simulator.control.ticket(ticketId) as unknown as SimulatorNotes;
    return Array.isArray(notes) ? [] : notes.note;
  };

  beforeAll(async () => {
    harness = await SyncHarness.start({ env: { WHMCS_POLL_SECONDS: '3600' } });
    await harness.runSync();
  });

  afterAll(async () => {
    await harness.close();
  });

  it("should keep a ticket's WHMCS staff notes with its thread", async () => {
    const ticket = await harness.bus.request('tickets.get', { ticketId: idOf('double-charge') });

    expect(ticket.notes).toHaveLength(1);
    expect(ticket.notes[0]?.text).toMatch(/^Gateway shows 1 capture \+ 1 voided auth\./);
    expect(ticket.notes[0]?.author).not.toBe('');
    expect(ticket.notes[0]?.date).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
  });

  it("should add a note in WHMCS with its writer's name, and show it at once", async () => {
    const ticketId = idOf('cpanel-login');

    const { notes } = await harness.bus.request('tickets.notes.add', {
      ticketId,
      text: '  Customer confirmed by phone; unlock done.  ',
      addedBy: ACTOR,
    });

    const expected = 'Customer confirmed by phone; unlock done.\n\n— Alex Reviewer, via Deskpilot';
    expect(notesInWhmcs(ticketId).map((note) => note.message)).toEqual([expected]);
    expect(notes.map((note) => note.text)).toEqual([expected]);
    expect(notes[0]?.author).toBe(notesInWhmcs(ticketId)[0]?.admin);
    const ticket = await harness.bus.request('tickets.get', { ticketId });
    expect(ticket.notes).toEqual(notes);
  });

  it('should give the drafter the notes, and a regenerated draft the note just added', async () => {
    const ticketId = idOf('double-charge');
    const draft = await harness.draftOf(ticketId, 'ready');
    const first = harness.drafter.requestsFor(ticketId).at(-1);
    await harness.bus.request('tickets.notes.add', {
      ticketId,
      text: 'Refund of the second capture approved.',
      addedBy: ACTOR,
    });

    await harness.bus.request('tickets.drafts.regenerate', {
      draftId: draft.id,
      requestedBy: ACTOR,
    });

    const again = await waitFor(() => harness.drafter.requestsFor(ticketId).at(1));
    expect(first?.notes).toMatchObject([
      { text: expect.stringMatching(/^Gateway shows/) as string },
    ]);
    expect(again.notes?.map((note) => note.text)).toEqual([
      first?.notes?.[0]?.text,
      'Refund of the second capture approved.\n\n— Alex Reviewer, via Deskpilot',
    ]);
  });

  it('should say when WHMCS did not confirm a note, and refuse one for an unknown ticket', async () => {
    const ticketId = idOf('spf-dkim');
    harness.simulator.control.setFaults([
      { fault: 'http-500', count: 1, actions: ['AddTicketNote'] },
    ]);

    const unclear = harness.bus.request('tickets.notes.add', {
      ticketId,
      text: 'DKIM key rotated.',
      addedBy: ACTOR,
    });
    await expect(unclear).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    await expect(unclear).rejects.toThrow(/look at the ticket in WHMCS before adding it again/);
    harness.simulator.control.clearFaults();
    const unknown = harness.bus.request('tickets.notes.add', {
      ticketId: '999999',
      text: 'Lost note.',
      addedBy: ACTOR,
    });

    await expect(unknown).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(notesInWhmcs(ticketId)).toEqual([]);
  });
});
