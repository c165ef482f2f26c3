import { randomUUID } from 'node:crypto';

import { ACTOR, SyncHarness } from '../support/sync-harness';

describe('whmcs-sync similar replies', () => {
  let harness: SyncHarness;
  const idOf = (key: string): string => harness.simulator.control.ticketIdByKey(key);

  beforeAll(async () => {
    harness = await SyncHarness.start({ env: { WHMCS_POLL_SECONDS: '3600' } });
  });

  afterAll(async () => {
    await harness.close();
  });

  it('should show the reply sent to a ticket that asked the same, and not beside others', async () => {
    const spam = idOf('spf-dkim');
    const answered = await harness.draftOf(spam, 'ready');
    const text = 'Please remove the second SPF record; one TXT record may start with v=spf1.';
    const approval = await harness.bus.request('tickets.drafts.approve', {
      draftId: answered.id,
      approvedBy: ACTOR,
      text,
    });
    expect(approval.outcome).toBe('sent');
    const opened = harness.simulator.control.openTicket({
      deptId: 1,
      clientId: 2,
      subject: 'Newsletter emails land in the junk folder at Outlook',
      message: 'Since Monday our emails go to spam at Outlook and Hotmail. Is our SPF wrong?',
    });
    await harness.runSync(false);
    const draft = await harness.draftOf(opened.id, 'ready');

    const similar = await harness.bus.request('tickets.replies.similar', { draftId: draft.id });

    expect(similar.items).toEqual([
      expect.objectContaining({ ticketId: spam, draftId: answered.id }),
    ]);
    expect(similar.items[0]?.text).toContain(text);
    const unrelated = await harness.draftOf(idOf('double-charge'), 'ready');
    expect(await harness.bus.request('tickets.replies.similar', { draftId: unrelated.id })).toEqual(
      { items: [] },
    );
    await expect(
      harness.bus.request('tickets.replies.similar', { draftId: randomUUID() }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
