import { randomUUID } from 'node:crypto';

import type {
  ApproveDraftResponse,
  AuditPage,
  DraftChanged,
  DraftPage,
  DraftView,
  DraftingDepartments,
  SentReplyPage,
  SyncStatus,
  TicketDetailResponse,
  TicketNoteList,
  TicketPage,
  TicketStatusList,
} from '@deskpilot/contracts';
import { AuditAction } from '@deskpilot/contracts';
import { waitFor } from '@deskpilot/testing';

import { DraftEventsHub } from '../../src/tickets/draft-events.hub';
import type { TestSession } from '../support/session';
import type { OpenEventStream, TicketsStack } from '../support/tickets-stack';
import { openEventStream, startTicketsStack } from '../support/tickets-stack';

jest.setTimeout(120_000);

describe('Tickets and drafts API', () => {
  let stack: TicketsStack;
  let staff: TestSession;
  let admin: TestSession;
  const ticketIdOf = (key: string): string => stack.whmcs.control.ticketIdByKey(key);
  const used = new Set<string>();

  async function readyDraftOf(ticketId: string): Promise<DraftView> {
    return waitFor(
      async () => {
        const response = await staff.agent
          .get('/api/drafts')
          .query({ status: 'ready', ticketId })
          .expect(200);
        return (response.body as DraftPage).items[0];
      },
      { timeoutMs: 60_000, message: `No ready draft for ticket ${ticketId}` },
    );
  }

  /** A ready draft of a ticket no other test uses. */
  async function unusedReadyDraft(): Promise<DraftView> {
    const reserved = new Set(['cpanel-login', 'double-charge'].map(ticketIdOf));
    return waitFor(
      async () => {
        const response = await staff.agent
          .get('/api/drafts')
          .query({ status: 'ready', pageSize: 200 })
          .expect(200);
        const draft = (response.body as DraftPage).items.find(
          (candidate) => !reserved.has(candidate.ticketId) && !used.has(candidate.ticketId),
        );
        if (draft !== undefined) {
          used.add(draft.ticketId);
        }
        return draft;
      },
      { timeoutMs: 60_000, message: 'No ready draft left' },
    );
  }

  /** Runs `act`, then waits until this gateway relayed (so first audited) the draft as sent. */
  async function untilRelayedSent<T>(draftId: string, act: () => Promise<T>): Promise<T> {
    const seen: DraftChanged[] = [];
    const unsubscribe = stack.gateway.app.get(DraftEventsHub).subscribe((change) => {
      if (change.draftId === draftId) {
        seen.push(change);
      }
    });
    try {
      const result = await act();
      await waitFor(() => seen.some((change) => change.status === 'sent'), {
        timeoutMs: 30_000,
        message: `Draft ${draftId} was not relayed as sent`,
      });
      return result;
    } finally {
      unsubscribe();
    }
  }

  async function auditOf(draftId: string): Promise<AuditPage['items']> {
    const response = await admin.agent
      .get('/api/audit')
      .query({ action: 'tickets.*', pageSize: 200 })
      .expect(200);
    return (response.body as AuditPage).items.filter((entry) => entry.targetId === draftId);
  }

  beforeAll(async () => {
    stack = await startTicketsStack();
    staff = await stack.gateway.signIn('staff');
    admin = await stack.gateway.signIn(stack.gateway.admin);
  });

  afterAll(async () => {
    await stack.stop();
  });

  it('should say who the replies a person approves go out as', async () => {
    const author = await staff.agent.get('/api/replies/author').expect(200);

    expect(author.body).toEqual({
      name: 'Deskpilot Integration',
      signature: null,
      source: 'integration',
    });
    await stack.gateway.http().get('/api/replies/author').expect(401);
  });

  it('should refuse anonymous callers', async () => {
    await stack.gateway.http().get('/api/drafts').expect(401);
    await stack.gateway.http().get('/api/tickets').expect(401);
    await stack.gateway
      .http()
      .get('/api/drafts/events')
      .set('Accept', 'text/event-stream')
      .expect(401);
  });

  it('should list drafts with filters and pages, and tickets with their thread and draft', async () => {
    const ticketId = ticketIdOf('cpanel-login');
    await readyDraftOf(ticketId);

    const all = (await staff.agent.get('/api/drafts').query({ pageSize: 2 }).expect(200))
      .body as DraftPage;
    const ranged = (
      await staff.agent
        .get('/api/drafts')
        .query({ status: 'ready,pending', minConfidence: 0, maxConfidence: 0.99 })
        .expect(200)
    ).body as DraftPage;
    const byDepartment = (
      await staff.agent.get('/api/drafts').query({ department: 'nonexistent-dept' }).expect(200)
    ).body as DraftPage;
    await staff.agent.get('/api/drafts').query({ minConfidence: 2 }).expect(400);
    await staff.agent.get('/api/drafts').query({ status: 'bogus' }).expect(400);
    await staff.agent.get('/api/drafts').query({ sort: 'oldest' }).expect(400);
    const urgent = (
      await staff.agent.get('/api/drafts').query({ sort: 'priority', pageSize: 200 }).expect(200)
    ).body as DraftPage;
    const tickets = (await staff.agent.get('/api/tickets').expect(200)).body as TicketPage;
    const detail = (await staff.agent.get(`/api/tickets/${ticketId}`).expect(200))
      .body as TicketDetailResponse;

    expect(all).toMatchObject({ page: 1, pageSize: 2 });
    const urgency = urgent.items.map((draft) => ['High', 'Medium', 'Low'].indexOf(draft.priority));
    expect(urgency).toEqual([...urgency].sort((a, b) => a - b));
    expect(new Set(urgency).size).toBeGreaterThan(1);
    expect(all.items).toHaveLength(2);
    expect(all.total).toBeGreaterThan(2);
    expect(ranged.items.length).toBeGreaterThan(0);
    for (const draft of ranged.items) {
      expect(['ready', 'pending']).toContain(draft.status);
      expect(draft.confidence ?? 0).toBeLessThanOrEqual(0.99);
    }
    expect(byDepartment.total).toBe(0);
    expect(tickets.items.map((ticket) => ticket.id)).toContain(ticketId);
    expect(detail.thread.length).toBeGreaterThan(0);
    expect(detail.currentDraft).toMatchObject({ ticketId, status: 'ready' });
    expect(detail.currentDraft?.aiText).toEqual(expect.any(String));
    await staff.agent.get(`/api/drafts/${randomUUID()}`).expect(404);
    await staff.agent.get('/api/tickets/999999').expect(404);
    await staff.agent.get(`/api/drafts/${randomUUID()}/similar-replies`).expect(404);
    const similar = await staff.agent
      .get(`/api/drafts/${detail.currentDraft?.id ?? ''}/similar-replies`)
      .expect(200);
    expect(similar.body).toEqual({ items: expect.any(Array) as unknown });
  });

  it('should stream draft changes to a connected browser and stop when it leaves', async () => {
    const hub = stack.gateway.app.get(DraftEventsHub);
    const before = hub.size;
    const refused = await stack.gateway
      .http()
      .get('/api/drafts/events')
      .set('Authorization', `Bearer ${staff.accessToken}`);
    expect(refused.status).toBe(406);
    const stream: OpenEventStream = await openEventStream(
      `${stack.gateway.url}/api/drafts/events`,
      staff.accessToken,
    );
    try {
      expect(stream.status).toBe(200);
      await waitFor(() => stream.events.some((event) => event.event === 'ready'));
      expect(hub.size).toBe(before + 1);
      const draft = await unusedReadyDraft();

      await staff.agent
        .patch(`/api/drafts/${draft.id}`)
        .send({ text: 'Hello, the DNS change is live now.', expectedVersion: draft.version })
        .expect(200);

      // Events of the drafting itself may still arrive; the edit's is the one with the next version.
      const change = await waitFor(
        () =>
          stream.events.find((event) => {
            const data = event.data as { draftId: string; version: number };
            return (
              event.event === 'draft' &&
              data.draftId === draft.id &&
              data.version === draft.version + 1
            );
          }),
        { timeoutMs: 10_000, message: 'No draft event for the edit' },
      );
      expect(change.data).toMatchObject({ status: 'ready' });
    } finally {
      stream.close();
    }
    await waitFor(() => hub.size === before, { message: 'The stream listener was not removed' });
  });

  it('should keep the drafted text beside an edit, and audit it', async () => {
    const draft = await unusedReadyDraft();
    const text = 'Hello, I reissued the certificate for www and the bare domain.';

    const edited = (await staff.agent.patch(`/api/drafts/${draft.id}`).send({ text }).expect(200))
      .body as DraftView;
    const outdated = await staff.agent
      .patch(`/api/drafts/${draft.id}`)
      .send({ text: 'Another text', expectedVersion: draft.version })
      .expect(409);
    await staff.agent.patch(`/api/drafts/${draft.id}`).send({ text: '  ' }).expect(400);

    expect(edited).toMatchObject({ aiText: draft.aiText, humanText: text, text });
    expect(edited.editedBy?.id).toBe(staff.user.id);
    expect((outdated.body as { message: string }).message).toMatch(/version/);
    const entries = await auditOf(draft.id);
    expect(entries.map((entry) => entry.action)).toEqual([AuditAction.DraftEdited]);
    expect(entries[0]?.actorId).toBe(staff.user.id);
  });

  it('should post an approved draft to WHMCS exactly once, audit it and list it as sent', async () => {
    const ticketId = ticketIdOf('cpanel-login');
    const draft = await readyDraftOf(ticketId);
    const text = `${draft.aiText ?? ''}\n\nYour account is unlocked now.`;
    // The customer gets the reply without the markers that cite the knowledge base.
    const customerText = text.replace(/ \[\d\]/g, '');
    expect(customerText).not.toBe(text);

    const first = await untilRelayedSent(
      draft.id,
      async () =>
        (await staff.agent.post(`/api/drafts/${draft.id}/approve`).send({ text }).expect(200))
          .body as ApproveDraftResponse,
    );
    const again = (await staff.agent.post(`/api/drafts/${draft.id}/approve`).send({}).expect(200))
      .body as ApproveDraftResponse;

    expect(first.outcome).toBe('sent');
    expect(first.draft).toMatchObject({ status: 'sent', humanText: text });
    expect(first.draft.approvedBy).toEqual({
      id: staff.user.id,
      name: staff.user.name,
      email: staff.user.email,
    });
    expect(again.outcome).toBe('sent');
    const posted = stack.whmcs.control.postedReplies(ticketId);
    expect(posted).toHaveLength(1);
    expect(posted[0]?.message).toBe(customerText);
    const entries = await auditOf(draft.id);
    expect(entries.map((entry) => entry.action).sort()).toEqual(
      [AuditAction.DraftApproved, AuditAction.ReplySent].sort(),
    );
    expect(entries.find((entry) => entry.action === AuditAction.ReplySent)?.actorId).toBe(
      staff.user.id,
    );
    const replies = (await staff.agent.get('/api/replies').query({ ticketId }).expect(200))
      .body as SentReplyPage;
    expect(replies.items).toHaveLength(1);
    expect(replies.items[0]).toMatchObject({
      draftId: draft.id,
      text: customerText,
      approvedBy: { id: staff.user.id },
    });
  });

  it('should audit once a reply whose post whmcs-sync confirms after the approval', async () => {
    const draft = await unusedReadyDraft();
    stack.whmcs.control.addFaults([
      { fault: 'written-then-500', actions: ['AddTicketReply'], count: 1 },
    ]);

    const approval = await untilRelayedSent(
      draft.id,
      async () =>
        (await staff.agent.post(`/api/drafts/${draft.id}/approve`).send({}).expect(200))
          .body as ApproveDraftResponse,
    );

    expect(approval.outcome).toBe('sending');
    expect(stack.whmcs.control.postedReplies(draft.ticketId)).toHaveLength(1);
    const entries = await auditOf(draft.id);
    expect(entries.map((entry) => entry.action).sort()).toEqual(
      [AuditAction.DraftApproved, AuditAction.ReplySent].sort(),
    );
    expect(
      entries.find((entry) => entry.action === AuditAction.DraftApproved)?.details,
    ).toMatchObject({ outcome: 'sending' });
    expect(entries.find((entry) => entry.action === AuditAction.ReplySent)).toMatchObject({
      actorId: null,
      details: { ticketId: draft.ticketId, ticketNumber: draft.ticketNumber },
    });
  });

  it("should set the ticket status picked from the install's, and refuse one it lacks", async () => {
    const draft = await unusedReadyDraft();
    const statuses = (await staff.agent.get('/api/replies/statuses').expect(200))
      .body as TicketStatusList;

    const unknown = await staff.agent
      .post(`/api/drafts/${draft.id}/approve`)
      .send({ status: 'Escalated' })
      .expect(400);
    await staff.agent
      .post(`/api/drafts/${draft.id}/approve`)
      .send({ status: 'x'.repeat(65) })
      .expect(400);
    const approval = await untilRelayedSent(
      draft.id,
      async () =>
        (
          await staff.agent
            .post(`/api/drafts/${draft.id}/approve`)
            .send({ status: 'In Progress' })
            .expect(200)
        ).body as ApproveDraftResponse,
    );

    expect(statuses.fromWhmcs).toBe(true);
    expect(statuses.statuses.map((status) => status.title)).toContain('In Progress');
    expect((unknown.body as { message: string }).message).toMatch(
      /^WHMCS has no ticket status "Escalated"/,
    );
    expect(approval.draft.replyStatus).toBe('In Progress');
    expect(stack.whmcs.control.postedReplies(draft.ticketId)).toMatchObject([
      { statusAfter: 'In Progress' },
    ]);
    const approvals = (await auditOf(draft.id)).filter(
      (entry) => entry.action === AuditAction.DraftApproved,
    );
    expect(approvals.map((entry) => entry.details['replyStatus'])).toEqual(['In Progress']);
    const replies = (
      await staff.agent.get('/api/replies').query({ ticketId: draft.ticketId }).expect(200)
    ).body as SentReplyPage;
    expect(replies.items[0]?.replyStatus).toBe('In Progress');
  });

  it('should refuse to approve a draft whose ticket moved on, and post nothing', async () => {
    const ticketId = ticketIdOf('double-charge');
    const draft = await readyDraftOf(ticketId);
    stack.whmcs.control.injectCustomerReply(ticketId, {
      message: 'Any update? Our finance team is asking again.',
    });

    const stale = await staff.agent.post(`/api/drafts/${draft.id}/approve`).send({}).expect(409);
    const retried = await staff.agent.post(`/api/drafts/${draft.id}/approve`).send({}).expect(409);

    // Found by the approval's own read of the ticket, or by a poll between the approval and its
    // post (polling runs every second here): either way 409 and nothing posted.
    expect((stale.body as { message: string }).message).toMatch(/customer wrote again/);
    expect((retried.body as { message: string }).message).toMatch(/stale/);
    expect(stack.whmcs.control.postedReplies(ticketId)).toHaveLength(0);
    const current = (await staff.agent.get(`/api/drafts/${draft.id}`).expect(200))
      .body as DraftView;
    expect(current.status).toBe('stale');
    const approvals = (await auditOf(draft.id)).filter(
      (entry) => entry.action === AuditAction.DraftApproved,
    );
    expect(approvals.map((entry) => entry.details['outcome'])).toEqual(['stale']);
  });

  it('should reject a draft with a reason, and refuse to reject it twice', async () => {
    const draft = await unusedReadyDraft();

    const rejected = (
      await staff.agent
        .post(`/api/drafts/${draft.id}/reject`)
        .send({ reason: 'Needs the invoice number' })
        .expect(200)
    ).body as DraftView;
    await staff.agent.post(`/api/drafts/${draft.id}/reject`).send({}).expect(409);

    expect(rejected.status).toBe('rejected');
    expect(rejected.rejectedBy?.id).toBe(staff.user.id);
    expect((await auditOf(draft.id)).map((entry) => entry.action)).toEqual([
      AuditAction.DraftRejected,
    ]);
  });

  it('should replace a draft with a new one on regenerate, with the guidance given', async () => {
    const draft = await unusedReadyDraft();
    const ticketId = draft.ticketId;
    const guidance = 'Offer to restore last night’s backup.';
    await staff.agent
      .post(`/api/drafts/${draft.id}/regenerate`)
      .send({ guidance: 'x'.repeat(2_001) })
      .expect(400);

    const fresh = (
      await staff.agent.post(`/api/drafts/${draft.id}/regenerate`).send({ guidance }).expect(202)
    ).body as DraftView;

    expect(fresh.id).not.toBe(draft.id);
    expect(fresh).toMatchObject({ ticketId, status: 'pending', guidance });
    const old = (await staff.agent.get(`/api/drafts/${draft.id}`).expect(200)).body as DraftView;
    expect(old.status).toBe('rejected');
    const ready = await readyDraftOf(ticketId);
    expect(ready.id).toBe(fresh.id);
  });

  it('should ask for a draft from the documents a reviewer chose, and record them', async () => {
    const draft = await unusedReadyDraft();
    const sourceDocumentIds = [randomUUID()];
    await staff.agent
      .post(`/api/drafts/${draft.id}/regenerate`)
      .send({ sourceDocumentIds: ['not-a-document'] })
      .expect(400);

    const fresh = (
      await staff.agent
        .post(`/api/drafts/${draft.id}/regenerate`)
        .send({ sourceDocumentIds })
        .expect(202)
    ).body as DraftView;

    expect(fresh).toMatchObject({ status: 'pending', guidance: null, sourceDocumentIds });
    expect(await auditOf(draft.id)).toMatchObject([
      {
        action: AuditAction.DraftRegenerated,
        details: { newDraftId: fresh.id, guided: false, sourceDocumentIds },
      },
    ]);
  });

  it("should show a ticket's WHMCS staff notes, and add one there with the writer's name", async () => {
    const ticketId = ticketIdOf('double-charge');
    await readyDraftOf(ticketId);
    const before = (await staff.agent.get(`/api/tickets/${ticketId}`).expect(200))
      .body as TicketDetailResponse;

    await staff.agent.post(`/api/tickets/${ticketId}/notes`).send({ text: '   ' }).expect(400);
    const added = (
      await staff.agent
        .post(`/api/tickets/${ticketId}/notes`)
        .send({ text: 'Escalated to Sarah for the manual refund.' })
        .expect(200)
    ).body as TicketNoteList;

    expect(before.notes.map((note) => note.text)).toEqual([
      expect.stringMatching(/^Gateway shows 1 capture/) as string,
    ]);
    expect(added.notes.map((note) => note.text)).toEqual([
      before.notes[0]?.text,
      `Escalated to Sarah for the manual refund.\n\n— ${staff.user.name}, via Deskpilot`,
    ]);
    const entries = (
      await admin.agent
        .get('/api/audit')
        .query({ action: 'tickets.note.added', pageSize: 10 })
        .expect(200)
    ).body as AuditPage;
    expect(entries.items).toMatchObject([
      { actorId: staff.user.id, targetId: ticketId, details: { length: 41 } },
    ]);
  });

  it('should show admins the sync status, and not staff', async () => {
    const status = (await admin.agent.get('/api/whmcs/sync').expect(200)).body as SyncStatus;
    await staff.agent.get('/api/whmcs/sync').expect(403);

    expect(status.whmcsUrl).toBe(stack.whmcs.url);
    expect(status.awaitingTickets).toBeGreaterThan(0);
  });

  it('should let admins choose the departments drafted, and audit it', async () => {
    const listed = (await admin.agent.get('/api/whmcs/departments').expect(200))
      .body as DraftingDepartments;
    await staff.agent.get('/api/whmcs/departments').expect(403);
    expect(listed.source).toBe('all');
    const billing = listed.departments.find((department) => department.name === 'Billing');
    expect(billing?.drafts).toBe(true);

    const others = listed.departments
      .filter((department) => department.name !== 'Billing')
      .map((department) => department.id);
    await staff.agent.put('/api/whmcs/departments').send({ departmentIds: others }).expect(403);
    const chosen = (
      await admin.agent.put('/api/whmcs/departments').send({ departmentIds: others }).expect(200)
    ).body as DraftingDepartments;
    expect(chosen.source).toBe('chosen');
    expect(chosen.departments.find((department) => department.name === 'Billing')?.drafts).toBe(
      false,
    );
    const audit = (
      await admin.agent.get('/api/audit').query({ action: 'tickets.departments.changed' })
    ).body as AuditPage;
    expect(audit.items[0]?.details).toEqual({
      drafted: chosen.departments
        .filter((department) => department.drafts)
        .map((department) => department.name),
    });

    await admin.agent
      .put('/api/whmcs/departments')
      .send({ departmentIds: ['x'] })
      .expect(400);
    await admin.agent.put('/api/whmcs/departments').send({}).expect(400);
    const unknown = await admin.agent
      .put('/api/whmcs/departments')
      .send({ departmentIds: ['987654'] })
      .expect(400);
    expect((unknown.body as { message: string }).message).toContain('987654');
    const every = (
      await admin.agent.put('/api/whmcs/departments').send({ departmentIds: null }).expect(200)
    ).body as DraftingDepartments;
    expect(every.departments.every((department) => department.drafts)).toBe(true);
  });

  it('should answer 503 when whmcs-sync does not answer', async () => {
    await stack.stopSync();

    const response = await staff.agent.get('/api/drafts').expect(503);

    expect((response.body as { message: string }).message).toMatch(/whmcs-sync/);
  });
});
