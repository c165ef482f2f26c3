import { waitFor } from '@deskpilot/testing';

import { ACTOR, SyncHarness } from '../support/sync-harness';

/** Polling only at start and on request, so each test decides what WHMCS looks like at approval. */
const MANUAL_POLLING = { WHMCS_POLL_SECONDS: '3600' };

describe('whmcs-sync sending', () => {
  let harness: SyncHarness;
  const idOf = (key: string): string => harness.simulator.control.ticketIdByKey(key);

  beforeAll(async () => {
    harness = await SyncHarness.start({ env: MANUAL_POLLING });
  });

  afterAll(async () => {
    await harness.close();
  });

  // First: the statuses are kept for minutes once WHMCS has listed them.
  it("should offer the core ticket statuses while WHMCS fails, then the install's", async () => {
    harness.simulator.control.setFaults([
      { fault: 'http-500', count: 20, actions: ['GetSupportStatuses'] },
    ]);
    const down = await harness.bus.request('tickets.statuses', {});
    harness.simulator.control.clearFaults();
    const up = await harness.bus.request('tickets.statuses', {});

    expect(down).toEqual({
      statuses: [
        { title: 'Answered', color: null },
        { title: 'Closed', color: null },
      ],
      fromWhmcs: false,
    });
    expect(up.fromWhmcs).toBe(true);
    expect(up.statuses.map((status) => status.title)).toEqual([
      'Open',
      'Answered',
      'Customer-Reply',
      'On Hold',
      'In Progress',
      'Closed',
    ]);
    expect(up.statuses[3]).toEqual({ title: 'On Hold', color: '#224488' });
  });

  it('should post an approved draft once, as the API admin, and keep who approved it', async () => {
    const ticketId = idOf('cpanel-login');
    const draft = await harness.draftOf(ticketId, 'ready');
    const text = `${draft.aiText ?? ''}\n\nYour account was locked after 5 failed logins; it is unlocked now.`;

    const result = await harness.bus.request('tickets.drafts.approve', {
      draftId: draft.id,
      approvedBy: ACTOR,
      text,
    });
    const again = await harness.bus.request('tickets.drafts.approve', {
      draftId: draft.id,
      approvedBy: ACTOR,
    });

    expect(result.outcome).toBe('sent');
    expect(result.draft).toMatchObject({ status: 'sent', approvedBy: ACTOR, humanText: text });
    expect(again.outcome).toBe('sent');
    const posted = harness.simulator.control.postedReplies(ticketId);
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({
      admin: 'Deskpilot Integration',
      message: text,
      statusAfter: 'Answered',
    });
    expect(result.draft.replyStatus).toBeNull();
    const history = await waitFor(
      async () => {
        const list = await harness.bus.request('tickets.replies.list', {
          ticketId,
          limit: 10,
          offset: 0,
        });
        return list.items[0]?.whmcsReplyId !== null && list.items[0];
      },
      { timeoutMs: 30_000 },
    );
    expect(history).toMatchObject({
      draftId: draft.id,
      text,
      aiText: draft.aiText,
      approvedBy: ACTOR,
      postedAs: 'Deskpilot Integration',
      confirmedBy: 'response',
      whmcsReplyId: posted[0]?.replyId,
    });
    expect(history.editRatio).toBeGreaterThan(0);
    expect(history.editRatio).toBeLessThan(1);
    await harness.runSync();
    const awaiting = await harness.bus.request('tickets.list', {
      awaitingOnly: true,
      limit: 200,
      offset: 0,
    });
    expect(awaiting.items.map((ticket) => ticket.id)).not.toContain(ticketId);
  });

  it('should close the ticket with the reply when the reviewer asks for it', async () => {
    const ticketId = idOf('suspended-paid');
    const draft = await harness.draftOf(ticketId, 'ready');

    const result = await harness.bus.request('tickets.drafts.approve', {
      draftId: draft.id,
      approvedBy: ACTOR,
      status: 'closed',
    });

    expect(result.outcome).toBe('sent');
    expect(result.draft).toMatchObject({ status: 'sent', replyStatus: 'Closed' });
    expect(harness.simulator.control.postedReplies(ticketId)).toMatchObject([
      { statusAfter: 'Closed' },
    ]);
    const history = await harness.bus.request('tickets.replies.list', {
      ticketId,
      limit: 10,
      offset: 0,
    });
    expect(history.items).toMatchObject([{ draftId: draft.id, replyStatus: 'Closed' }]);
    await harness.runSync(true);
    const ticket = await harness.bus.request('tickets.get', { ticketId });
    expect(ticket.status).toBe('Closed');
  });

  it('should set the status the reviewer picks, and refuse one WHMCS does not have', async () => {
    const ticketId = idOf('dns-propagation');
    const draft = await harness.draftOf(ticketId, 'ready');

    const unknown = harness.bus.request('tickets.drafts.approve', {
      draftId: draft.id,
      approvedBy: ACTOR,
      status: 'Escalated',
    });
    await expect(unknown).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    await expect(unknown).rejects.toThrow('WHMCS has no ticket status "Escalated"; it has Open,');
    expect((await harness.bus.request('tickets.drafts.get', { draftId: draft.id })).status).toBe(
      'ready',
    );
    const result = await harness.bus.request('tickets.drafts.approve', {
      draftId: draft.id,
      approvedBy: ACTOR,
      status: 'on hold',
    });

    expect(result.outcome).toBe('sent');
    expect(result.draft.replyStatus).toBe('On Hold');
    expect(harness.simulator.control.postedReplies(ticketId)).toMatchObject([
      { statusAfter: 'On Hold' },
    ]);
    await harness.runSync(true);
    expect((await harness.bus.request('tickets.get', { ticketId })).status).toBe('On Hold');
  });

  it('should find sent replies by the words of their text or subject, or the ticket number', async () => {
    const unlocked = idOf('cpanel-login');
    const closed = idOf('suspended-paid');
    const { subject, number } = await harness.bus.request('tickets.get', { ticketId: closed });
    const find = async (search: string): Promise<string[]> =>
      (await harness.bus.request('tickets.replies.list', { search, limit: 50, offset: 0 })).items
        .map((reply) => reply.ticketId)
        .sort();

    expect(await find('UNLOCKED  failed')).toEqual([unlocked]);
    expect(await find(subject)).toEqual([closed]);
    expect(await find(`#${number}`)).toEqual([closed]);
    expect(await find('unlocked nonsenseword')).toEqual([]);
    expect(await find('100%_')).toEqual([]);
  });

  it('should not post when the customer wrote after the draft, and draft the new message', async () => {
    const ticketId = idOf('double-charge');
    const draft = await harness.draftOf(ticketId, 'ready');
    const { replyId } = harness.simulator.control.injectCustomerReply(ticketId, {
      message: 'Any update? Our finance team is asking again.',
    });

    const result = await harness.bus.request('tickets.drafts.approve', {
      draftId: draft.id,
      approvedBy: ACTOR,
    });

    expect(result.outcome).toBe('stale');
    expect(result.draft.statusReason).toBe('The customer wrote again before the reply was posted');
    expect(harness.simulator.control.postedReplies(ticketId)).toHaveLength(0);
    const next = await harness.draftOf(ticketId, 'ready');
    expect(next.basedOnReplyId).toBe(replyId);
  });

  it('should not post when someone already answered in WHMCS', async () => {
    const ticketId = idOf('refund-injection');
    const draft = await harness.draftOf(ticketId, 'ready');
    harness.simulator.control.addStaffReply(ticketId, { message: 'We cannot find this order.' });

    const result = await harness.bus.request('tickets.drafts.approve', {
      draftId: draft.id,
      approvedBy: ACTOR,
    });

    expect(result.outcome).toBe('stale');
    expect(result.draft.statusReason).toBe('Answered in WHMCS before the reply was posted');
    expect(harness.simulator.control.postedReplies(ticketId)).toHaveLength(0);
  });

  it('should confirm a reply that WHMCS stored but answered with an error, without posting again', async () => {
    const ticketId = idOf('epp-code-request');
    const draft = await harness.draftOf(ticketId, 'ready');
    harness.simulator.control.setFaults([
      { fault: 'written-then-error', count: 1, actions: ['AddTicketReply'] },
    ]);

    const result = await harness.bus.request('tickets.drafts.approve', {
      draftId: draft.id,
      approvedBy: ACTOR,
    });

    expect(result.outcome).toBe('sent');
    expect(harness.simulator.control.postedReplies(ticketId)).toHaveLength(1);
    const history = await harness.bus.request('tickets.replies.list', {
      ticketId,
      limit: 10,
      offset: 0,
    });
    expect(history.items[0]?.confirmedBy).toBe('readback');
  });

  it('should find a reply stored before a timeout and not post it again', async () => {
    const ticketId = idOf('presales-magento');
    const draft = await harness.draftOf(ticketId, 'ready');
    harness.simulator.control.setFaults([
      { fault: 'written-then-hang', count: 1, delayMs: 10_000, actions: ['AddTicketReply'] },
    ]);

    const result = await harness.bus.request('tickets.drafts.approve', {
      draftId: draft.id,
      approvedBy: ACTOR,
    });
    const sent = await harness.draftOf(ticketId, 'sent', 30_000);

    expect(result.outcome).toBe('sending');
    expect(sent.id).toBe(draft.id);
    expect(harness.simulator.control.postedReplies(ticketId)).toHaveLength(1);
  });

  it('should post again after a 500 that stored nothing, exactly once', async () => {
    const ticketId = idOf('hostile-injection');
    const draft = await harness.draftOf(ticketId, 'ready');
    harness.simulator.control.setFaults([
      { fault: 'http-500', count: 1, actions: ['AddTicketReply'] },
    ]);

    const result = await harness.bus.request('tickets.drafts.approve', {
      draftId: draft.id,
      approvedBy: ACTOR,
    });
    await harness.draftOf(ticketId, 'sent', 30_000);

    expect(result.outcome).toBe('sending');
    expect(harness.simulator.control.postedReplies(ticketId)).toHaveLength(1);
  });

  it('should queue an approval while WHMCS is down and post it when WHMCS is back', async () => {
    const ticketId = idOf('leaked-credentials');
    const draft = await harness.draftOf(ticketId, 'ready');
    harness.simulator.control.setFaults([{ fault: 'http-500' }]);

    const result = await harness.bus.request('tickets.drafts.approve', {
      draftId: draft.id,
      approvedBy: ACTOR,
    });
    harness.simulator.control.clearFaults();
    await harness.draftOf(ticketId, 'sent', 30_000);

    expect(result.outcome).toBe('queued');
    expect(harness.simulator.control.postedReplies(ticketId)).toHaveLength(1);
  });
});

describe('whmcs-sync change detection without lastreply', () => {
  let harness: SyncHarness;

  beforeAll(async () => {
    harness = await SyncHarness.start({
      env: MANUAL_POLLING,
      simulator: { quirks: { lastReplyUpdate: 'statusonly' } },
    });
  });

  afterAll(async () => {
    await harness.close();
  });

  it('should find a reply that left lastreply and status unchanged on the full re-read', async () => {
    const ticketId = harness.simulator.control.ticketIdByKey('spf-dkim');
    const draft = await harness.draftOf(ticketId, 'ready');
    harness.simulator.control.injectCustomerReply(ticketId, { message: 'Hello? Any news?' });

    await harness.runSync(false);
    const afterQuickPoll = await harness.bus.request('tickets.drafts.get', { draftId: draft.id });
    await harness.runSync(true);
    const afterFullPoll = await harness.bus.request('tickets.drafts.get', { draftId: draft.id });

    expect(afterQuickPoll.status).toBe('ready');
    expect(afterFullPoll.status).toBe('stale');
    const next = await harness.draftOf(ticketId, 'ready');
    expect(next.id).not.toBe(draft.id);
  });
});
