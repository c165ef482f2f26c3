import { randomUUID } from 'node:crypto';

import type { DraftView } from '@deskpilot/contracts';
import { RemoteError } from '@deskpilot/messaging';
import { waitFor } from '@deskpilot/testing';
import { SIMULATOR_CREDENTIALS, SYNC_ROLE_ACTIONS } from '@deskpilot/whmcs-simulator';

import { ACTOR, SyncHarness } from '../support/sync-harness';

/** The simulator's API admin (`deskpilot`), whom the sync credential belongs to. */
const API_ADMIN_ID = 4;

describe('whmcs-sync drafts', () => {
  let harness: SyncHarness;
  const idOf = (key: string): string => harness.simulator.control.ticketIdByKey(key);

  beforeAll(async () => {
    harness = await SyncHarness.start({
      drafter: {
        fail: (request) => (request.subject.includes('Phishing') ? 'permanent' : undefined),
      },
    });
  });

  afterAll(async () => {
    await harness.close();
  });

  it('should decode email-imported text for the drafter and keep the raw text for reviewers', async () => {
    const ticketId = idOf('cpanel-login');

    await harness.draftOf(ticketId, 'ready');
    const ticket = await harness.bus.request('tickets.get', { ticketId });

    const opening = ticket.thread[0];
    expect(opening?.rawText).toContain('I can&#039;t log in');
    expect(opening?.text).toContain("I can't log in");
    expect(opening?.text).toContain('"The login is invalid."');
    const request = harness.drafter.requestsFor(ticketId)[0];
    expect(request?.thread[0]?.text).toBe(opening?.text);
    expect(request?.department).toBe('Technical Support');
    expect(request?.customer).toMatchObject({
      name: 'Daniel Okafor',
      company: 'Okafor Digital Ltd',
      language: 'english',
      services: [
        { product: 'Shared Hosting – Business', domain: 'okafordigital.co.uk', status: 'Active' },
      ],
    });
    expect(ticket.customer).toMatchObject({ name: 'Daniel Okafor' });
  });

  it('should make the draft stale and draft the new message when the customer writes again', async () => {
    const ticketId = idOf('dns-propagation');
    const first = await harness.draftOf(ticketId, 'ready');

    const { replyId } = harness.simulator.control.injectCustomerReply(ticketId, {
      message: 'Still the old site on my phone & laptop. Can you "flush" it?',
    });

    const second = await waitFor(
      async () =>
        (await harness.drafts(['ready'], ticketId)).find((d) => d.basedOnReplyId === replyId),
      { timeoutMs: 30_000, message: 'No draft for the new customer message' },
    );
    const stale = await harness.bus.request('tickets.drafts.get', { draftId: first.id });
    expect(stale).toMatchObject({ status: 'stale', statusReason: 'The customer wrote again' });
    expect(second.id).not.toBe(first.id);
    await waitFor(() => harness.changes.statusesOf(first.id).includes('stale'), {
      timeoutMs: 30_000,
    });
    expect(harness.changes.statusesOf(first.id)).toEqual(['pending', 'ready', 'stale']);
    const request = harness.drafter.requestsFor(ticketId).at(-1);
    expect(request?.thread.at(-1)?.text).toBe(
      'Still the old site on my phone & laptop. Can you "flush" it?',
    );
  });

  it('should keep the AI text next to the reviewer text when a draft is edited', async () => {
    const ticketId = idOf('spf-dkim');
    const draft = await harness.draftOf(ticketId, 'ready');

    const edited = await harness.bus.request('tickets.drafts.edit', {
      draftId: draft.id,
      text: `${draft.aiText ?? ''}\n\nP.S. Please also check the DKIM selector of Office 365.`,
      editedBy: ACTOR,
      expectedVersion: draft.version,
    });

    expect(edited.aiText).toBe(draft.aiText);
    expect(edited.humanText).toContain('P.S. Please also check');
    expect(edited.text).toBe(edited.humanText);
    expect(edited.editedBy).toEqual(ACTOR);
    expect(edited.editRatio).toBeGreaterThan(0);
    expect(edited.version).toBeGreaterThan(draft.version);
  });

  it('should refuse an edit based on an outdated version', async () => {
    const ticketId = idOf('double-charge');
    const draft = await harness.draftOf(ticketId, 'ready');
    await harness.bus.request('tickets.drafts.edit', {
      draftId: draft.id,
      text: 'First edit',
      editedBy: ACTOR,
    });

    const outdated = harness.bus.request('tickets.drafts.edit', {
      draftId: draft.id,
      text: 'Second edit',
      editedBy: ACTOR,
      expectedVersion: draft.version,
    });

    await expect(outdated).rejects.toBeInstanceOf(RemoteError);
    await expect(outdated).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('should mark a draft failed when the drafter refuses, and let a reviewer write it by hand', async () => {
    const ticketId = idOf('phishing-report');
    const failed = await harness.draftOf(ticketId, 'failed');

    const written = await harness.bus.request('tickets.drafts.edit', {
      draftId: failed.id,
      text: 'Thank you, we have suspended the page and are investigating.',
      editedBy: ACTOR,
    });

    expect(failed.statusReason).toBe('request refused');
    expect(written).toMatchObject({ status: 'ready', aiText: null, editRatio: 1 });
  });

  it('should reject a draft and replace it on regenerate', async () => {
    const ticketId = idOf('presales-magento');
    const draft = await harness.draftOf(ticketId, 'ready');

    const rejected = await harness.bus.request('tickets.drafts.reject', {
      draftId: draft.id,
      rejectedBy: ACTOR,
      reason: 'Wrong tone',
    });
    const regenerated = await harness.bus.request('tickets.drafts.regenerate', {
      draftId: draft.id,
      requestedBy: ACTOR,
    });

    expect(rejected).toMatchObject({ status: 'rejected', statusReason: 'Wrong tone' });
    expect(regenerated.id).not.toBe(draft.id);
    expect(regenerated.basedOnReplyId).toBe(draft.basedOnReplyId);
    await harness.draftOf(ticketId, 'ready');
  });

  it("should ask for the new draft with the reviewer's guidance and keep it", async () => {
    const ticketId = idOf('presales-magento');
    const draft = await harness.draftOf(ticketId, 'ready');
    const guidance = 'Recommend the 8 GB VPS and offer the free managed migration.';

    const regenerated = await harness.bus.request('tickets.drafts.regenerate', {
      draftId: draft.id,
      requestedBy: ACTOR,
      guidance,
    });

    expect(regenerated).toMatchObject({ guidance });
    expect(harness.drafter.requestsFor(ticketId).at(-1)).toMatchObject({
      draftId: regenerated.id,
      guidance,
    });
    const ready = await harness.draftOf(ticketId, 'ready');
    expect(ready).toMatchObject({ id: regenerated.id, guidance });
    expect(harness.drafter.requestsFor(ticketId)[0]?.guidance).toBeUndefined();
  });

  it('should ask for the new draft from the documents the reviewer chose and keep them', async () => {
    const ticketId = idOf('presales-magento');
    const draft = await harness.draftOf(ticketId, 'ready');
    const sourceDocumentIds = [randomUUID(), randomUUID()];

    const regenerated = await harness.bus.request('tickets.drafts.regenerate', {
      draftId: draft.id,
      requestedBy: ACTOR,
      sourceDocumentIds,
    });

    expect(regenerated).toMatchObject({ sourceDocumentIds, guidance: null });
    expect(harness.drafter.requestsFor(ticketId).at(-1)).toMatchObject({
      draftId: regenerated.id,
      sourceDocumentIds,
    });
    expect(await harness.draftOf(ticketId, 'ready')).toMatchObject({
      id: regenerated.id,
      sourceDocumentIds,
    });
    expect(draft.sourceDocumentIds).toBeNull();
    expect(harness.drafter.requestsFor(ticketId)[0]).not.toHaveProperty('sourceDocumentIds');
  });

  it('should not draft a message again after a reviewer rejected or wrote its draft', async () => {
    const rejectedTicket = idOf('vps-unresponsive');
    const failedTicket = idOf('phishing-report');
    const draft = await harness.draftOf(rejectedTicket, 'ready');
    await harness.bus.request('tickets.drafts.reject', {
      draftId: draft.id,
      rejectedBy: ACTOR,
      reason: 'Answered by phone',
    });

    // A full poll re-reads every awaiting ticket and brings its drafts in line.
    await harness.runSync(true);
    await harness.runSync(true);

    expect((await harness.drafts(undefined, rejectedTicket)).map((d) => d.status)).toEqual([
      'rejected',
    ]);
    expect((await harness.drafts(undefined, failedTicket)).map((d) => d.status)).toEqual(['ready']);
  });

  it('should list drafts by department and confidence', async () => {
    await harness.draftOf(idOf('epp-code-request'), 'ready');

    const sales = await harness.bus.request('tickets.drafts.list', {
      department: 'sales & domains',
      minConfidence: 0.5,
      limit: 50,
      offset: 0,
    });
    const none = await harness.bus.request('tickets.drafts.list', {
      minConfidence: 0.9,
      limit: 50,
      offset: 0,
    });

    expect(sales.total).toBeGreaterThan(0);
    expect(sales.items.every((d) => d.department === 'Sales & Domains')).toBe(true);
    expect(none.total).toBe(0);
  });

  it('should list the longest waiting customer first, or the most urgent', async () => {
    await harness.draftOf(idOf('epp-code-request'), 'ready');
    const list = async (sort: 'waiting' | 'priority') =>
      (
        await harness.bus.request('tickets.drafts.list', {
          status: ['ready'],
          sort,
          limit: 200,
          offset: 0,
        })
      ).items;
    const waitingSince = (draft: DraftView): number => Date.parse(draft.customerWaitingSince ?? '');
    const urgency = (draft: DraftView): number => ['High', 'Medium', 'Low'].indexOf(draft.priority);

    const byWait = await list('waiting');
    const byPriority = await list('priority');

    expect(byWait.length).toBeGreaterThan(3);
    expect(byWait.every((draft) => Number.isFinite(waitingSince(draft)))).toBe(true);
    expect(byWait.map(waitingSince)).toEqual(byWait.map(waitingSince).sort((a, b) => a - b));
    expect(new Set(byPriority.map((draft) => draft.priority))).toEqual(
      new Set(['High', 'Medium', 'Low']),
    );
    expect(byPriority.map(urgency)).toEqual(byPriority.map(urgency).sort((a, b) => a - b));
    const high = byPriority.filter((draft) => draft.priority === 'High').map(waitingSince);
    expect(high).toEqual([...high].sort((a, b) => a - b));
  });

  it('should put a draft on a band boundary in the band it starts, not the one it ends', async () => {
    const { confidence } = await harness.draftOf(idOf('epp-code-request'), 'ready');
    expect(confidence).not.toBeNull();
    const band = async (range: { minConfidence?: number; belowConfidence?: number }) =>
      (await harness.bus.request('tickets.drafts.list', { ...range, limit: 200, offset: 0 })).items
        .map((d) => d.confidence)
        .filter((c) => c === confidence);

    const below = await band({ belowConfidence: confidence ?? 0 });
    const from = await band({ minConfidence: confidence ?? 0 });

    expect(below).toEqual([]);
    expect(from.length).toBeGreaterThan(0);
  });
});

describe('whmcs-sync drafts with an API role without GetClientsProducts', () => {
  let harness: SyncHarness;

  beforeAll(async () => {
    harness = await SyncHarness.start({
      simulator: {
        credentials: [
          {
            identifier: SIMULATOR_CREDENTIALS.identifier,
            secret: SIMULATOR_CREDENTIALS.secret,
            adminId: API_ADMIN_ID,
            allowedActions: SYNC_ROLE_ACTIONS.filter((action) => action !== 'getclientsproducts'),
          },
        ],
      },
    });
  });

  afterAll(async () => {
    await harness.close();
  });

  it('should keep polling and drafting, without the client services', async () => {
    const ticketId = harness.simulator.control.ticketIdByKey('cpanel-login');

    await harness.draftOf(ticketId, 'ready');
    const status = await harness.bus.request('tickets.sync.status', {});

    expect(harness.drafter.requestsFor(ticketId)[0]?.customer).toMatchObject({
      name: 'Daniel Okafor',
      services: [],
    });
    expect(status.state).not.toBe('blocked');
    expect(status.alerts.filter((alert) => alert.resolvedAt === null)).toEqual([]);
  });
});
