import type { ChildProcess } from 'node:child_process';
import { Client } from 'pg';

import type { DocumentSummary } from '@deskpilot/contracts';
import { KnowledgeRpc, SearchRpc } from '@deskpilot/contracts';
import { VectorIndexService } from '@deskpilot/retrieval';
import type { RunningService } from '@deskpilot/runtime';
import { waitFor } from '@deskpilot/testing';

import { KnowledgeStack } from './knowledge-stack';

const MAIL = `# Mail hosting

## Mailbox quota

Each mailbox holds 10 GB. Raise the quota in the control panel under Email Accounts.

## Spam filter

SpamAssassin scores every incoming message; set the threshold to 5 for most customers.
`;

const MAIL_V2 = `# Mail hosting

## Mailbox quota

Each mailbox now holds 25 GB. Archive old folders to free space.
`;

describe('knowledge base across ingest and retrieval', () => {
  let stack: KnowledgeStack;
  let retrieval: RunningService;

  beforeAll(async () => {
    stack = await KnowledgeStack.create({ INGEST_RESUME_AFTER_SECONDS: '3600' });
    retrieval = await stack.startRetrieval();
  });

  afterAll(async () => {
    await stack.dispose();
  });

  const documentOf = (id: string): Promise<DocumentSummary> =>
    stack.bus
      .request(KnowledgeRpc.Get, { documentId: id, chunkOffset: 0, chunkLimit: 0 })
      .then((r) => r.document);

  const indexed = (id: string, version = 1): Promise<DocumentSummary> =>
    waitFor(
      async () => {
        const document = await documentOf(id);
        return document.status === 'indexed' && document.indexedVersion === version && document;
      },
      { timeoutMs: 30_000, intervalMs: 100, message: `document ${id} v${version} indexed` },
    );

  const search = (query: string) =>
    stack.bus.request(SearchRpc.Search, { query, topK: 8, denseWeight: 0.5 });

  describe('with ingest running', () => {
    let ingest: RunningService;

    beforeAll(async () => {
      ingest = await stack.startIngest();
    });

    afterAll(async () => {
      await ingest.stop();
    });

    it('should make an upload searchable with its heading path when it is indexed', async () => {
      const { outcome, document } = await stack.upload('mail.md', MAIL);

      const done = await indexed(document.documentId);
      const { hits } = await search('how big is a mailbox quota?');

      expect(outcome).toBe('created');
      expect(done).toMatchObject({
        title: 'Mail hosting',
        detectedType: 'markdown',
        chunkCount: 2,
      });
      expect(hits[0]).toMatchObject({
        documentId: document.documentId,
        documentTitle: 'Mail hosting',
        headingPath: ['Mailbox quota'],
        documentVersion: 1,
      });
      expect(hits[0]?.text).toContain('10 GB');
    });

    it('should answer with the existing document when the same content is uploaded again', async () => {
      const first = await stack.upload('spam.md', '# Spam\n\nGreylisting delays unknown senders.');
      const file = await stack.putFile('copy.md', '# Spam\n\nGreylisting delays unknown senders.');

      const second = await stack.bus.request(KnowledgeRpc.Register, {
        ...file,
        documentId: '7d4c8f8e-41d6-4a35-9b64-3b2d7f0e6a11',
      });

      expect(second.outcome).toBe('duplicate');
      expect(second.document.documentId).toBe(first.document.documentId);
      expect(await stack.objectExists(file.s3Key)).toBe(false);
    });

    it('should fail only the broken document with a reason when a file is corrupt', async () => {
      const broken = await stack.upload('manual.pdf', Buffer.from('%PDF-1.7\n1 0 obj <<'), {
        contentType: 'application/pdf',
      });
      const healthy = await stack.upload('ssl.md', '# SSL\n\nAutoSSL renews certificates nightly.');

      const failed = await waitFor(
        async () => {
          const document = await documentOf(broken.document.documentId);
          return document.status === 'failed' && document;
        },
        { timeoutMs: 30_000, intervalMs: 100 },
      );

      expect(failed.failureReason).toMatch(/^The PDF could not be read/u);
      await expect(indexed(healthy.document.documentId)).resolves.toMatchObject({
        status: 'indexed',
      });
    });

    it('should swap the chunks for the new version and delete the old file when a document is replaced', async () => {
      const { document } = await stack.upload('quota.md', MAIL.replace('Mail hosting', 'Quotas'));
      await indexed(document.documentId);
      const file = await stack.putFile('quota-v2.md', MAIL_V2.replace('Mail hosting', 'Quotas'));

      const replaced = await stack.bus.request(KnowledgeRpc.Replace, {
        ...file,
        documentId: document.documentId,
      });
      await indexed(document.documentId, 2);
      const texts = (await search('mailbox quota archive folders')).hits
        .filter((hit) => hit.documentId === document.documentId)
        .map((hit) => [hit.documentVersion, hit.text]);

      expect(replaced.outcome).toBe('replaced');
      expect(texts).toEqual([[2, expect.stringContaining('25 GB')]]);
      expect(await stack.objectExists(document.s3Key)).toBe(false);
      expect(await stack.objectExists(file.s3Key)).toBe(true);
    });

    it('should remove the file, the chunks and the vectors when a document is deleted', async () => {
      const { document } = await stack.upload(
        'ftp.md',
        '# FTP\n\nUse SFTP on port 22 for uploads.',
      );
      await indexed(document.documentId);

      await stack.bus.request(KnowledgeRpc.Delete, { documentId: document.documentId });

      await waitFor(
        async () =>
          !(await search('SFTP port uploads')).hits.some(
            (h) => h.documentId === document.documentId,
          ),
        { timeoutMs: 10_000 },
      );
      await waitFor(
        () =>
          !retrieval.app
            .get(VectorIndexService)
            .search(new Float32Array(384).fill(0.05), 50)
            .some((hit) => hit.documentId === document.documentId),
        { timeoutMs: 10_000 },
      );
      expect(await countChunks(stack, document.documentId)).toBe(0);
      expect(await stack.objectExists(document.s3Key)).toBe(false);
      await expect(documentOf(document.documentId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('should serve the same results from a second retrieval replica when the first stops', async () => {
      const query = 'spam threshold SpamAssassin';
      const before = await search(query);
      const second = await stack.startRetrieval();

      await retrieval.stop();
      const after = await search(query);

      expect(after.hits.map((h) => h.chunkId)).toEqual(before.hits.map((h) => h.chunkId));
      expect(after.hits.length).toBeGreaterThan(0);
      retrieval = second;
    });
  });

  describe('when ingest is killed in the middle of a large document', () => {
    let child: ChildProcess;

    it('should finish the document after a restart without duplicate chunks', async () => {
      const env = {
        INGEST_EMBED_BATCH: '4',
        INGEST_CHUNK_TOKENS: '64',
        INGEST_CHUNK_OVERLAP_TOKENS: '0',
      };
      child = stack.spawnIngest(env);
      const sections = Array.from(
        { length: 300 },
        (_, i) =>
          `## Section ${i}\n\nServer ${i} runs Apache with PHP-FPM pools. ` +
          `Restart the pool of site ${i} after changing its php.ini limits.`,
      );
      const { document } = await waitFor(
        () =>
          stack
            .upload('big.md', `# Server handbook\n\n${sections.join('\n\n')}`)
            .catch(() => false as const),
        { timeoutMs: 30_000, intervalMs: 250 },
      );
      const underWay = await waitFor(
        async () => {
          const current = await documentOf(document.documentId);
          return (
            current.status === 'embedding' &&
            current.progress >= 10 &&
            current.progress < 90 &&
            current
          );
        },
        { timeoutMs: 30_000, intervalMs: 20, message: 'processing under way' },
      );

      child.kill('SIGKILL');
      await new Promise((done) => child.once('exit', done));
      child = stack.spawnIngest(env);
      const done = await waitFor(
        async () => {
          const current = await documentOf(document.documentId);
          return current.status === 'indexed' && current;
        },
        { timeoutMs: 60_000, intervalMs: 200, message: 'document indexed after restart' },
      );

      expect(underWay.progress).toBeLessThan(90);
      expect(done.chunkCount).toBe(300);
      expect(await countChunks(stack, document.documentId)).toBe(300);
      expect(await countChunks(stack, document.documentId, 'DISTINCT "chunk_index"')).toBe(300);
    });
  });
});

async function countChunks(stack: KnowledgeStack, documentId: string, what = '*'): Promise<number> {
  const client = new Client({ connectionString: stack.env.DATABASE_URL });
  await client.connect();
  try {
    const result = await client.query<{ n: number }>(
      `SELECT count(${what})::int AS n FROM "retrieval"."chunks" WHERE "document_id" = $1`,
      [documentId],
    );
    return result.rows[0]?.n ?? 0;
  } finally {
    await client.end();
  }
}
