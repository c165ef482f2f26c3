import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { get } from 'node:http';

import type {
  AuditPage,
  DocumentDetail,
  DocumentPage,
  DocumentProgress,
  DocumentReplaceResponse,
  DocumentSummary,
  DocumentUploadResponse,
  SearchResponse,
} from '@deskpilot/contracts';
import { waitFor } from '@deskpilot/testing';

import { parseSse } from '../support/answering-stack';
import type { KnowledgeStack } from '../support/knowledge-stack';
import { startKnowledgeStack } from '../support/knowledge-stack';
import type { TestSession } from '../support/session';

const MARKDOWN = Buffer.from(
  [
    '# Resetting a cPanel password',
    '',
    'Open the client area, choose the hosting service and click **Change cPanel password**.',
    'The new password works within a minute.',
    '',
    '## When the login is locked',
    '',
    'After five failed logins cPHulk blocks the address for fifteen minutes.',
  ].join('\n'),
);
const CORRUPT_PDF = Buffer.from('%PDF-1.7\n1 0 obj <</Type /Catalog /Pages 9 0 R>>\nbroken xref');

/** An open `GET /api/documents/events` stream and the events it received so far. */
interface EventStream {
  readonly response: IncomingMessage;
  text(): string;
  close(): void;
}

function openEvents(url: string, token: string): Promise<EventStream> {
  return new Promise((resolve, reject) => {
    const request = get(
      `${url}/api/documents/events`,
      { headers: { Accept: 'text/event-stream', Authorization: `Bearer ${token}` } },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          text += chunk;
        });
        response.on('error', () => undefined);
        resolve({
          response,
          text: () => text,
          close: () => {
            request.destroy();
          },
        });
      },
    );
    request.on('error', reject);
  });
}

describe('Documents API with the real ingest and retrieval services', () => {
  let stack: KnowledgeStack;
  let admin: TestSession;
  let staff: TestSession;
  let events: EventStream;

  beforeAll(async () => {
    stack = await startKnowledgeStack({ UPLOAD_MAX_MB: '0.05' });
    ({ admin, staff } = stack);
    events = await openEvents(stack.gateway.url, admin.accessToken);
  });

  afterAll(async () => {
    // The event stream is still open: stopping the gateway must end it rather than wait for it.
    await stack.stop();
    events.close();
  });

  const upload = (session: TestSession, files: { name: string; body: Buffer; type: string }[]) => {
    let test = session.agent.post('/api/documents');
    for (const file of files) {
      test = test.attach('files', file.body, { filename: file.name, contentType: file.type });
    }
    return test;
  };
  const settled = (documentId: string, status: DocumentSummary['status']) =>
    waitFor(
      async () => {
        const response = await admin.agent.get(`/api/documents/${documentId}`);
        const detail = response.body as Partial<DocumentDetail>;
        return detail.document?.status === status && (detail as DocumentDetail);
      },
      { timeoutMs: 30_000, intervalMs: 200, message: `document did not become ${status}` },
    );
  const progressOf = (documentId: string): DocumentProgress[] =>
    parseSse(events.text())
      .filter((event) => event.event === 'progress')
      .map((event) => event.data as DocumentProgress)
      .filter((event) => event.documentId === documentId);

  let markdownId: string;
  let pdfId: string;

  it('should store several files at once and index them, or fail them with a reason', async () => {
    const response = await upload(admin, [
      { name: 'cpanel-password.md', body: MARKDOWN, type: 'text/markdown' },
      { name: 'invoice.pdf', body: CORRUPT_PDF, type: 'application/pdf' },
    ]).expect(201);

    const { results } = response.body as DocumentUploadResponse;
    expect(results.map((r) => [r.filename, r.outcome])).toEqual([
      ['cpanel-password.md', 'created'],
      ['invoice.pdf', 'created'],
    ]);
    markdownId = results[0]!.outcome === 'created' ? results[0]!.document.documentId : '';
    pdfId = results[1]!.outcome === 'created' ? results[1]!.document.documentId : '';

    const indexed = await settled(markdownId, 'indexed');
    expect(indexed.document).toMatchObject({
      title: 'Resetting a cPanel password',
      detectedType: 'markdown',
      version: 1,
      uploadedBy: { id: admin.user.id },
    });
    expect(indexed.totalChunks).toBeGreaterThan(0);
    expect(indexed.chunks.map((c) => c.headingPath)).toContainEqual(['When the login is locked']);
    expect(indexed.chunks.map((c) => c.text).join(' ')).toContain('cPHulk');

    const failed = await settled(pdfId, 'failed');
    expect(failed.document.failureReason).toEqual(expect.any(String));
    expect(failed.document.failureReason!.length).toBeGreaterThan(10);
  });

  it('should stream the progress of each document to a connected browser', async () => {
    expect(events.response.statusCode).toBe(200);
    expect(events.response.headers['content-type']).toContain('text/event-stream');
    await waitFor(() => progressOf(markdownId).some((p) => p.stage === 'indexed'), {
      timeoutMs: 10_000,
    });

    const stages = progressOf(markdownId).map((p) => p.stage);
    expect(stages[0]).toBe('uploaded');
    expect(stages).toEqual(expect.arrayContaining(['extracting', 'embedding', 'indexed']));
    expect(progressOf(pdfId).map((p) => p.stage)).toContain('failed');
    expect(parseSse(events.text())[0]?.event).toBe('heartbeat');
  });

  it('should report the same content uploaded again as a duplicate of the existing document', async () => {
    const response = await upload(admin, [
      { name: 'copy.md', body: MARKDOWN, type: 'text/markdown' },
    ]).expect(201);

    const { results } = response.body as DocumentUploadResponse;
    expect(results).toHaveLength(1);
    const [result] = results;
    expect(result).toMatchObject({ outcome: 'duplicate', filename: 'copy.md' });
    if (result?.outcome === 'duplicate') {
      expect(result.document.documentId).toBe(markdownId);
      expect(result.message).toContain('Resetting a cPanel password');
    }
  });

  it('should list documents by page, title search and status', async () => {
    const all = (await admin.agent.get('/api/documents').expect(200)).body as DocumentPage;
    const failed = (await admin.agent.get('/api/documents?status=failed').expect(200))
      .body as DocumentPage;
    const searched = (
      await admin.agent.get('/api/documents?search=CPANEL&pageSize=1&page=1').expect(200)
    ).body as DocumentPage;

    expect(all.total).toBe(2);
    expect(failed.items.map((d) => d.documentId)).toEqual([pdfId]);
    expect(searched).toMatchObject({ total: 1, page: 1, pageSize: 1 });
    expect(searched.items[0]?.documentId).toBe(markdownId);
    await admin.agent.get('/api/documents?status=lost').expect(400);
  });

  it('should make a replaced file a new version and search its new text', async () => {
    const v2 = Buffer.concat([
      MARKDOWN,
      Buffer.from('\n\nTwo-factor codes reset with the password.'),
    ]);
    const response = await admin.agent
      .put(`/api/documents/${markdownId}`)
      .attach('files', v2, { filename: 'cpanel-password-v2.md', contentType: 'text/markdown' })
      .expect(200);

    expect((response.body as DocumentReplaceResponse).outcome).toBe('replaced');
    await waitFor(
      async () => {
        const detail = await settled(markdownId, 'indexed');
        return detail.document.indexedVersion === 2 && detail;
      },
      { timeoutMs: 30_000 },
    );
    const search = (
      await admin.agent.post('/api/search').send({ query: 'two-factor codes reset' }).expect(200)
    ).body as SearchResponse;
    expect(search.hits[0]).toMatchObject({ documentId: markdownId, documentVersion: 2 });
  });

  it('should re-index one document and all of them', async () => {
    const one = await admin.agent.post(`/api/documents/${markdownId}/reindex`).expect(200);
    expect((one.body as DocumentSummary).documentId).toBe(markdownId);

    const all = await admin.agent.post('/api/documents/reindex').expect(200);
    expect((all.body as { queued: number }).queued).toBeGreaterThanOrEqual(1);
    await settled(markdownId, 'indexed');
  });

  it('should delete a document with its chunks', async () => {
    await admin.agent.delete(`/api/documents/${markdownId}`).expect(204);

    await admin.agent.get(`/api/documents/${markdownId}`).expect(404);
    await waitFor(async () => {
      const search = (
        await admin.agent.post('/api/search').send({ query: 'cPHulk blocks the address' })
      ).body as SearchResponse;
      return search.hits.every((hit) => hit.documentId !== markdownId);
    });
    await admin.agent.delete(`/api/documents/${markdownId}`).expect(404);
  });

  it('should write every change to the audit log', async () => {
    const audit = (await admin.agent.get('/api/audit?action=knowledge.*').expect(200))
      .body as AuditPage;

    expect(audit.items.map((entry) => entry.action).sort()).toEqual(
      [
        'knowledge.document.deleted',
        'knowledge.document.reindexed',
        'knowledge.document.replaced',
        'knowledge.document.uploaded',
        'knowledge.document.uploaded',
        'knowledge.documents.reindexed',
      ].sort(),
    );
    expect(audit.items.every((entry) => entry.actorId === admin.user.id)).toBe(true);
  });

  it('should refuse a file over the upload limit with a clear 413', async () => {
    const response = await upload(admin, [
      { name: 'huge.txt', body: Buffer.alloc(80_000, 'a'), type: 'text/plain' },
    ]).expect(413);

    expect(response.body).toEqual({
      statusCode: 413,
      error: 'Payload Too Large',
      message: 'A file is larger than the upload limit of 0.05 MB.',
    });
  });

  it('should refuse a request without files, and an event request that does not accept a stream', async () => {
    const empty = await admin.agent.post('/api/documents').send({}).expect(400);
    expect((empty.body as { message: string }).message).toContain('"files"');

    await admin.agent.get('/api/documents/events').expect(406);
  });

  it('should refuse staff', async () => {
    await upload(staff, [{ name: 'a.md', body: Buffer.from('# A'), type: 'text/markdown' }]).expect(
      403,
    );
    await staff.agent.get('/api/documents').expect(403);
    await staff.agent.get('/api/documents/events').set('Accept', 'text/event-stream').expect(403);
  });

  it('should find a German article by a German question in other forms of its words', async () => {
    const article = Buffer.from(
      [
        '# Rechnungen im Kundenbereich',
        '',
        'Alle Rechnungen Ihres Vertrags finden Sie im Kundenbereich unter Abrechnung.',
        'Jede davon lässt sich dort auch als PDF herunterladen.',
      ].join('\n'),
    );
    const uploaded = await upload(admin, [
      { name: 'rechnungen.md', body: article, type: 'text/markdown' },
    ]).expect(201);
    const [result] = (uploaded.body as DocumentUploadResponse).results;
    const documentId = result?.outcome === 'created' ? result.document.documentId : '';
    const detail = await settled(documentId, 'indexed');

    // Read as English, neither "finde" nor "Rechnung" is a word of the article.
    const search = (
      await admin.agent
        .post('/api/search')
        .send({ query: 'Wo finde ich die Rechnung?' })
        .expect(200)
    ).body as SearchResponse;

    expect(search.hits[0]?.documentId).toBe(documentId);
    expect(search.language).toBe('german');
    expect(detail.languages).toEqual(['german']);
  });

  it('should search a document in the language an administrator sets for it', async () => {
    // Menu paths without a function word: nothing to tell the language by, so read as English.
    const listing = Buffer.from(
      [
        '# Domainumzug',
        '',
        'Transfersperren: Kundenbereich > Domains > Transfersperren aufheben',
        'Authcodes: Kundenbereich > Domains > Authcode anfordern',
      ].join('\n'),
    );
    const uploaded = await upload(admin, [
      { name: 'domainumzug.md', body: listing, type: 'text/markdown' },
    ]).expect(201);
    const [result] = (uploaded.body as DocumentUploadResponse).results;
    const documentId = result?.outcome === 'created' ? result.document.documentId : '';
    const told = await settled(documentId, 'indexed');
    const finds = async () =>
      (
        (
          await admin.agent
            .post('/api/search')
            .send({ query: 'Wie entferne ich die Transfersperre?' })
            .expect(200)
        ).body as SearchResponse
      ).hits.some((hit) => hit.documentId === documentId);
    const foundAsTold = await finds();

    const set = await admin.agent
      .put(`/api/documents/${documentId}/language`)
      .send({ language: 'german' })
      .expect(200);
    const detail = await settled(documentId, 'indexed');
    const audit = (
      await admin.agent.get('/api/audit?action=knowledge.document.language_set').expect(200)
    ).body as AuditPage;

    expect(told.languages).toEqual(['english']);
    expect(foundAsTold).toBe(false);
    expect(set.body).toMatchObject({ outcome: 'changed', document: { language: 'german' } });
    expect(detail.document.language).toBe('german');
    expect(detail.languages).toEqual(['german']);
    expect(await finds()).toBe(true);
    expect(audit.items.map((entry) => [entry.targetId, entry.details])).toEqual([
      [documentId, { title: 'Domainumzug', language: 'german' }],
    ]);
    await admin.agent
      .put(`/api/documents/${documentId}/language`)
      .send({ language: 'klingon' })
      .expect(400);
    await admin.agent
      .put(`/api/documents/${randomUUID()}/language`)
      .send({ language: null })
      .expect(404);
    await staff.agent
      .put(`/api/documents/${documentId}/language`)
      .send({ language: null })
      .expect(403);
  });
});
