import { join } from 'node:path';

import type {
  AuditPage,
  DocumentPage,
  DocumentUploadResult,
  DraftPage,
  DraftView,
  SentReplyPage,
} from '@deskpilot/contracts';
import { AuditAction } from '@deskpilot/contracts';
import { startIngest } from '@deskpilot/ingest';
import type { RunningService } from '@deskpilot/runtime';
import { waitFor } from '@deskpilot/testing';

import { GATEWAY_CONFIG } from '../../src/config/gateway-config.module';
import type { GatewayConfig } from '../../src/config/gateway.config';
import type { TestSession } from '../support/session';
import type { TicketsStack } from '../support/tickets-stack';
import { startTicketsStack } from '../support/tickets-stack';

jest.setTimeout(120_000);

describe('A sent reply added to the knowledge base', () => {
  let stack: TicketsStack;
  let ingest: RunningService;
  let staff: TestSession;
  let admin: TestSession;

  beforeAll(async () => {
    stack = await startTicketsStack();
    const { gateway } = stack;
    const s3 = gateway.app.get<GatewayConfig>(GATEWAY_CONFIG).s3;
    ingest = await startIngest({
      broker: stack.broker,
      env: {
        LOG_LEVEL: 'silent',
        PORT: '0',
        DATABASE_URL: gateway.databaseUrl,
        DATA_DIR: join(gateway.dataDir, 'ingest'),
        S3_ENDPOINT: s3.endpoint ?? '',
        S3_ACCESS_KEY_ID: s3.accessKeyId ?? '',
        S3_SECRET_ACCESS_KEY: s3.secretAccessKey ?? '',
        S3_BUCKET: s3.bucket,
      },
    });
    staff = await gateway.signIn('staff');
    admin = await gateway.signIn(gateway.admin);
  });

  afterAll(async () => {
    await ingest.stop();
    await stack.stop();
  });

  async function sentReply(): Promise<SentReplyPage['items'][number]> {
    const ticketId = stack.whmcs.control.ticketIdByKey('cpanel-login');
    const draft = await waitFor(
      async () => {
        const response = await staff.agent
          .get('/api/drafts')
          .query({ status: 'ready', ticketId })
          .expect(200);
        return (response.body as DraftPage).items[0];
      },
      { timeoutMs: 60_000, message: 'no ready draft' },
    );
    await staff.agent
      .post(`/api/drafts/${draft.id}/approve`)
      .send({ text: `${draft.aiText ?? ''}\n\nKind regards, the support team` })
      .expect((response) => {
        expect((response.body as { draft: DraftView }).draft.status).toBe('sent');
      });
    const replies = (await staff.agent.get('/api/replies').query({ ticketId }).expect(200))
      .body as SentReplyPage;
    const reply = replies.items[0];
    expect(reply).toBeDefined();
    return reply!;
  }

  it('should store the reply as an article, once, and record who did it', async () => {
    const reply = await sentReply();
    const path = `/api/replies/${reply.id}/knowledge`;
    await staff.agent.post(path).send({}).expect(403);

    const created = (
      await admin.agent
        .post(path)
        .send({ title: 'Logging in to cPanel', text: 'Use the **Login to cPanel** button.' })
        .expect(200)
    ).body as DocumentUploadResult;

    expect(created.outcome).toBe('created');
    const documentId = created.outcome === 'failed' ? '' : created.document.documentId;
    const listed = (
      await admin.agent.get('/api/documents').query({ search: 'Logging in to cPanel' }).expect(200)
    ).body as DocumentPage;
    expect(listed.items.find((document) => document.documentId === documentId)).toMatchObject({
      title: 'Logging in to cPanel',
      originalFilename: `ticket-${reply.ticketNumber}-reply.md`,
      uploadedBy: { id: admin.user.id },
    });

    const again = (
      await admin.agent
        .post(path)
        .send({ title: 'Logging in to cPanel', text: 'Use the **Login to cPanel** button.' })
        .expect(200)
    ).body as DocumentUploadResult;
    expect(again.outcome).toBe('duplicate');

    const audit = (
      await admin.agent
        .get('/api/audit')
        .query({ action: AuditAction.ReplyAddedToKnowledge })
        .expect(200)
    ).body as AuditPage;
    expect(audit.items[0]).toMatchObject({
      targetId: reply.id,
      details: { documentId, ticketNumber: reply.ticketNumber },
    });
  });

  it('should answer 404 for a reply that was never sent', async () => {
    await admin.agent
      .post('/api/replies/00000000-0000-4000-8000-000000000000/knowledge')
      .send({})
      .expect(404);
  });
});
