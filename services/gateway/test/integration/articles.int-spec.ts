import type {
  ArticleView,
  DocumentDetail,
  DocumentReplaceResponse,
  DocumentSummary,
  DocumentUploadResponse,
  DocumentUploadResult,
  SearchResponse,
} from '@deskpilot/contracts';
import { waitFor } from '@deskpilot/testing';

import type { KnowledgeStack } from '../support/knowledge-stack';
import { startKnowledgeStack } from '../support/knowledge-stack';
import type { TestSession } from '../support/session';

const COLOCATION = [
  'We host your own servers in our Falkenstein racks, from 1U to a full rack.',
  '',
  '## Power and network',
  '',
  'Each unit comes with 1 Gbit/s unmetered and redundant power.',
].join('\n');

describe('Articles written in the console', () => {
  let stack: KnowledgeStack;
  let admin: TestSession;
  let staff: TestSession;

  beforeAll(async () => {
    stack = await startKnowledgeStack({});
    ({ admin, staff } = stack);
  });

  afterAll(async () => {
    await stack.stop();
  });

  const indexed = (documentId: string, version: number) =>
    waitFor(
      async () => {
        const detail = (await admin.agent.get(`/api/documents/${documentId}`).expect(200))
          .body as DocumentDetail;
        return detail.document.status === 'indexed' && detail.document.indexedVersion === version
          ? detail
          : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 200, message: `version ${version} not indexed` },
    );
  const search = async (query: string): Promise<SearchResponse> =>
    (await staff.agent.post('/api/search').send({ query, topK: 5 }).expect(200))
      .body as SearchResponse;

  it('should index a written article, give it back to edit, and make an edit a new version', async () => {
    const written = (
      await admin.agent
        .post('/api/documents/articles')
        .send({ title: 'Colocation', text: COLOCATION })
        .expect(201)
    ).body as DocumentUploadResult;
    expect(written.outcome).toBe('created');
    const documentId = written.outcome === 'failed' ? '' : written.document.documentId;
    const first = await indexed(documentId, 1);
    expect(first.document).toMatchObject({
      title: 'Colocation',
      originalFilename: 'colocation.md',
      detectedType: 'markdown',
      uploadedBy: { id: admin.user.id },
    });
    // The title heading is the document's; the article's own headings split its passages.
    expect(first.chunks.map((chunk) => chunk.headingPath)).toEqual([[], ['Power and network']]);
    const hit = (await search('colocation racks unmetered')).hits[0];
    expect(hit?.documentId).toBe(documentId);

    const opened = (await admin.agent.get(`/api/documents/${documentId}/article`).expect(200))
      .body as ArticleView;
    expect(opened).toEqual({ documentId, title: 'Colocation', text: COLOCATION, version: 1 });

    const text = COLOCATION.replace('1 Gbit/s', '10 Gbit/s');
    const saved = (
      await admin.agent
        .put(`/api/documents/${documentId}/article`)
        .send({ title: 'Colocation in Falkenstein', text, version: 1 })
        .expect(200)
    ).body as DocumentReplaceResponse;
    expect(saved.outcome).toBe('replaced');
    const second = await indexed(documentId, 2);
    expect(second.document.title).toBe('Colocation in Falkenstein');
    expect(second.chunks.map((chunk) => chunk.text).join('\n')).toContain('10 Gbit/s');
    const reopened = (await admin.agent.get(`/api/documents/${documentId}/article`).expect(200))
      .body as ArticleView;
    expect(reopened).toMatchObject({ title: 'Colocation in Falkenstein', text, version: 2 });

    // An editor still holding version 1 would overwrite the edit: refused.
    const stale = await admin.agent
      .put(`/api/documents/${documentId}/article`)
      .send({ title: 'Colocation', text: COLOCATION, version: 1 })
      .expect(409);
    expect((stale.body as { message: string }).message).toContain('version 2');
    const same = (
      await admin.agent
        .put(`/api/documents/${documentId}/article`)
        .send({ title: 'Colocation in Falkenstein', text, version: 2 })
        .expect(200)
    ).body as DocumentReplaceResponse;
    expect(same.outcome).toBe('unchanged');

    const again = (
      await admin.agent
        .post('/api/documents/articles')
        .send({ title: 'Colocation in Falkenstein', text })
        .expect(201)
    ).body as DocumentUploadResult;
    expect(again).toMatchObject({ outcome: 'duplicate', document: { documentId } });
  });

  it('should refuse to open an HTML page in the editor, before extraction and after', async () => {
    const html = Buffer.from(
      '<!doctype html><html><head><title>Prices</title></head>' +
        '<body><h1>Prices</h1><p>A VPS starts at 5 EUR a month.</p></body></html>',
    );
    const uploaded = (
      await admin.agent
        .post('/api/documents')
        .attach('files', html, { filename: 'prices.html', contentType: 'text/html' })
        .expect(201)
    ).body as DocumentUploadResponse;
    const document = (uploaded.results[0] as { document: DocumentSummary }).document;
    const refused = await admin.agent
      .get(`/api/documents/${document.documentId}/article`)
      .expect(409);
    expect((refused.body as { message: string }).message).toContain(
      'only Markdown and text documents can be edited here',
    );
    await waitFor(
      async () =>
        ((await admin.agent.get(`/api/documents/${document.documentId}`)).body as DocumentDetail)
          .document.detectedType !== null,
      { timeoutMs: 30_000, message: 'the type detected' },
    );
    await admin.agent.get(`/api/documents/${document.documentId}/article`).expect(409);
  });

  it.each([
    ['no title', { text: 'Some text' }],
    ['an empty text', { title: 'Title', text: '   ' }],
    ['an unknown field', { title: 'Title', text: 'Text', html: '<b>x</b>' }],
  ])('should refuse an article with %s', async (_case, body) => {
    await admin.agent.post('/api/documents/articles').send(body).expect(400);
  });

  it('should be for administrators only, and answer 404 for an unknown document', async () => {
    await staff.agent
      .post('/api/documents/articles')
      .send({ title: 'Colocation', text: 'Text' })
      .expect(403);
    await admin.agent
      .get('/api/documents/00000000-0000-4000-8000-000000000000/article')
      .expect(404);
  });
});
