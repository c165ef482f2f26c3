import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import type {
  AuditPage,
  DocumentDetail,
  DocumentDiscoverResponse,
  DocumentPage,
  DocumentReplaceResponse,
  DocumentSummary,
  DocumentUploadResponse,
  SearchResponse,
} from '@deskpilot/contracts';
import { waitFor } from '@deskpilot/testing';

import type { KnowledgeStack } from '../support/knowledge-stack';
import { startKnowledgeStack } from '../support/knowledge-stack';
import type { TestSession } from '../support/session';

const articleAbout = (body: string): string =>
  `<!doctype html><html><head><title>Pointing a domain at your hosting</title></head>` +
  `<body><nav>Home | Knowledgebase</nav><article><h1>Pointing a domain</h1>${body}</article></body></html>`;

/** A help centre on this host, whose pages the tests change and break. */
class HelpCentre {
  readonly pages = new Map<string, { type: string; body: string }>();
  /** The paths asked for, in order. */
  readonly requests: string[] = [];
  failing = false;
  private server: Server | undefined;
  private port = 0;

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      this.requests.push(request.url ?? '');
      const page = this.pages.get(request.url ?? '');
      if (this.failing) {
        response.writeHead(500, 'Internal Server Error').end();
      } else if (request.url === '/old-address') {
        response.writeHead(301, { location: '/kb/domains' }).end();
      } else if (page === undefined) {
        response.writeHead(404, 'Not Found').end();
      } else {
        response
          .writeHead(200, { 'content-type': page.type })
          .end(page.body.replaceAll('LOC/', this.url('/')).replaceAll('TOKEN', randomUUID()));
      }
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

/** The document once its status is `status` (and, when indexed, its version `version`). */
function settledDocument(
  admin: TestSession,
  documentId: string,
  status: DocumentSummary['status'],
  version = 1,
): Promise<DocumentDetail> {
  return waitFor(
    async () => {
      const response = await admin.agent.get(`/api/documents/${documentId}`);
      const detail = response.body as Partial<DocumentDetail>;
      return (
        detail.document?.status === status &&
        (status !== 'indexed' || detail.document.indexedVersion === version) &&
        (detail as DocumentDetail)
      );
    },
    { timeoutMs: 30_000, intervalMs: 200, message: `document did not become ${status}` },
  );
}

describe('Importing knowledge from the web with the real ingest and retrieval services', () => {
  let stack: KnowledgeStack;
  let admin: TestSession;
  let staff: TestSession;
  const site = new HelpCentre();

  beforeAll(async () => {
    await site.start();
    site.pages.set('/kb/domains', {
      type: 'text/html; charset=utf-8',
      body: articleAbout('<p>Set the nameservers at your registrar to ns1.example-host.net.</p>'),
    });
    site.pages.set('/kb/', {
      type: 'text/html',
      body:
        '<nav><a href="/">Home</a> <a href="/cart.php">Store</a></nav><main>' +
        '<a href="domains">Pointing a domain</a> <a href="mail.md">Mail delivery</a>' +
        '<a href="hosting">Hosting</a> <a href="retired">Retired</a>' +
        '<a href="https://status.example.org/">Status</a> <a href="/logo.svg">Logo</a></main>',
    });
    site.pages.set('/kb/hosting', {
      type: 'text/html',
      body: '<main><a href="ssl">Installing SSL</a> <a href="/kb/domains">Domains</a></main>',
    });
    site.pages.set('/sitemap.xml', {
      type: 'application/xml',
      body: '<sitemapindex><sitemap><loc>LOC/sitemap-kb.xml</loc></sitemap></sitemapindex>',
    });
    site.pages.set('/sitemap-kb.xml', {
      type: 'application/xml',
      body: '<?xml version="1.0"?><urlset><url><loc>LOC/kb/domains</loc></url></urlset>',
    });
    site.pages.set('/kb/mail.md', {
      type: 'text/markdown',
      body: '# Mail delivery\n\nOutgoing mail leaves through port 587 with authentication.\n',
    });
    stack = await startKnowledgeStack({
      WEB_IMPORT_ALLOW_INTERNAL: 'true',
      WEB_IMPORT_TIMEOUT_SECONDS: '5',
    });
    ({ admin, staff } = stack);
  });

  afterAll(async () => {
    await stack.stop();
    await site.stop();
  });

  const settled = (documentId: string, status: DocumentSummary['status'], version = 1) =>
    settledDocument(admin, documentId, status, version);
  const search = async (query: string): Promise<SearchResponse> =>
    (await admin.agent.post('/api/search').send({ query }).expect(200)).body as SearchResponse;

  let pageId: string;
  let markdownId: string;

  it('should import each address as a document that keeps it, failing only the broken ones', async () => {
    const response = await admin.agent
      .post('/api/documents/import')
      .send({
        urls: [site.url('/kb/domains'), site.url('/kb/gone'), site.url('/kb/mail.md')],
      })
      .expect(201);

    const { results } = response.body as DocumentUploadResponse;
    expect(results.map((result) => [result.filename, result.outcome])).toEqual([
      [site.url('/kb/domains'), 'created'],
      [site.url('/kb/gone'), 'failed'],
      [site.url('/kb/mail.md'), 'created'],
    ]);
    expect(results[1]).toMatchObject({ message: 'The server answered 404 Not Found.' });
    pageId = results[0]?.outcome === 'created' ? results[0].document.documentId : '';
    markdownId = results[2]?.outcome === 'created' ? results[2].document.documentId : '';

    const page = await settled(pageId, 'indexed');
    expect(page.document).toMatchObject({
      title: 'Pointing a domain at your hosting',
      detectedType: 'html',
      originalFilename: 'domains.html',
      sourceUrl: site.url('/kb/domains'),
    });
    const markdown = await settled(markdownId, 'indexed');
    expect(markdown.document).toMatchObject({ title: 'Mail delivery', detectedType: 'markdown' });
    expect((await search('nameservers at the registrar')).hits[0]?.documentId).toBe(pageId);
  });

  it('should follow a redirect and find an address whose page is already imported', async () => {
    const response = await admin.agent
      .post('/api/documents/import')
      .send({ urls: [site.url('/old-address')] })
      .expect(201);

    const [result] = (response.body as DocumentUploadResponse).results;
    expect(result).toMatchObject({ outcome: 'duplicate', filename: site.url('/old-address') });
    expect(result?.outcome === 'duplicate' && result.document.documentId).toBe(pageId);
  });

  it('should answer an address already imported with its document, without fetching it again', async () => {
    const fetched = site.requests.filter((path) => path === '/kb/mail.md').length;

    const given = [
      site.url('/kb/mail.md'),
      site.url('/kb/mail.md'),
      site.url('/kb/mail.md#ports'),
      site.url('/kb/mail.md').replace('http://', 'HTTP://'),
    ];
    const response = await admin.agent
      .post('/api/documents/import')
      .send({ urls: given })
      .expect(201);

    const { results } = response.body as DocumentUploadResponse;
    expect(results.map((result) => result.filename)).toEqual(given);
    for (const result of results) {
      expect(result).toMatchObject({
        outcome: 'duplicate',
        document: { documentId: markdownId },
        message: 'Already imported as "Mail delivery"; refresh it to fetch the page again.',
      });
    }
    expect(site.requests.filter((path) => path === '/kb/mail.md')).toHaveLength(fetched);
  });

  it('should leave a document as it is when its page has not changed, and version a change', async () => {
    const before = (await admin.agent.get(`/api/documents/${pageId}`).expect(200))
      .body as DocumentDetail;
    const unchanged = await admin.agent.post(`/api/documents/${pageId}/refresh`).expect(200);
    const { outcome, document } = unchanged.body as DocumentReplaceResponse;
    expect(outcome).toBe('unchanged');
    expect(document).toMatchObject({ version: 1, sourceError: null, sourceFailingSince: null });
    expect(Date.parse(document.sourceCheckedAt ?? '')).toBeGreaterThan(
      Date.parse(before.document.sourceCheckedAt ?? ''),
    );

    site.pages.set('/kb/domains', {
      type: 'text/html',
      body: articleAbout('<p>DNS changes take up to 24 hours to propagate worldwide.</p>'),
    });
    const changed = await admin.agent.post(`/api/documents/${pageId}/refresh`).expect(200);

    expect(changed.body as DocumentReplaceResponse).toMatchObject({
      outcome: 'replaced',
      document: { version: 2, sourceUrl: site.url('/kb/domains') },
    });
    await settled(pageId, 'indexed', 2);
    expect((await search('propagate worldwide')).hits[0]).toMatchObject({
      documentId: pageId,
      documentVersion: 2,
    });
  });

  it('should keep the document when its page cannot be fetched, say why, and list it as failing until it answers', async () => {
    const failing = async (): Promise<string[]> =>
      (
        (await admin.agent.get('/api/documents?source=web-failing').expect(200))
          .body as DocumentPage
      ).items.map((item) => item.documentId);
    site.failing = true;
    let firstFailure: DocumentSummary;
    try {
      const response = await admin.agent.post(`/api/documents/${pageId}/refresh`).expect(502);

      expect((response.body as { message: string }).message).toBe(
        `${site.url('/kb/domains')}: The server answered 500 Internal Server Error.`,
      );
      firstFailure = (
        (await admin.agent.get(`/api/documents/${pageId}`).expect(200)).body as DocumentDetail
      ).document;
      await admin.agent.post(`/api/documents/${pageId}/refresh`).expect(502);
    } finally {
      site.failing = false;
    }
    const detail = (await admin.agent.get(`/api/documents/${pageId}`).expect(200))
      .body as DocumentDetail;
    expect(detail.document).toMatchObject({
      version: 2,
      status: 'indexed',
      sourceError: 'The server answered 500 Internal Server Error.',
      sourceFailingSince: firstFailure.sourceFailingSince,
    });
    expect(firstFailure.sourceFailingSince).toBe(firstFailure.sourceCheckedAt);
    expect(detail.document.sourceCheckedAt).not.toBe(firstFailure.sourceCheckedAt);
    expect(await failing()).toEqual([pageId]);
    const uploaded = (await admin.agent.get('/api/documents?source=upload').expect(200))
      .body as DocumentPage;
    expect(uploaded.items).toEqual([]);

    const answered = await admin.agent.post(`/api/documents/${pageId}/refresh`).expect(200);

    expect((answered.body as DocumentReplaceResponse).document).toMatchObject({
      sourceError: null,
      sourceFailingSince: null,
    });
    expect(await failing()).toEqual([]);
  });

  it('should make a document replaced by an uploaded file an uploaded document', async () => {
    await admin.agent
      .put(`/api/documents/${pageId}`)
      .attach('files', Buffer.from('# Domains\n\nUse our nameservers.'), {
        filename: 'domains.md',
        contentType: 'text/markdown',
      })
      .expect(200);

    const detail = (await admin.agent.get(`/api/documents/${pageId}`).expect(200))
      .body as DocumentDetail;
    expect(detail.document).toMatchObject({ version: 3, sourceUrl: null });
    const refused = await admin.agent.post(`/api/documents/${pageId}/refresh`).expect(409);
    expect((refused.body as { message: string }).message).toContain('replace its file instead');
  });

  it('should record the address in the audit log', async () => {
    const audit = (await admin.agent.get('/api/audit?action=knowledge.*').expect(200))
      .body as AuditPage;

    const imported = audit.items.filter((entry) => entry.details['sourceUrl'] !== undefined);
    expect(imported.map((entry) => entry.action).sort()).toEqual([
      'knowledge.document.replaced',
      'knowledge.document.uploaded',
      'knowledge.document.uploaded',
    ]);
  });

  it('should list the pages a page links to on its site, and those of a sitemap index', async () => {
    const linked = await admin.agent
      .post('/api/documents/import/discover')
      .send({ url: site.url('/kb/') })
      .expect(200);

    expect(linked.body as DocumentDiscoverResponse).toEqual({
      url: site.url('/kb/'),
      kind: 'page',
      pages: [
        { url: site.url('/'), text: 'Home', documentId: null },
        { url: site.url('/cart.php'), text: 'Store', documentId: null },
        // Imported, then replaced by an uploaded file: no longer from this address.
        { url: site.url('/kb/domains'), text: 'Pointing a domain', documentId: null },
        { url: site.url('/kb/mail.md'), text: 'Mail delivery', documentId: markdownId },
        { url: site.url('/kb/hosting'), text: 'Hosting', documentId: null },
        { url: site.url('/kb/retired'), text: 'Retired', documentId: null },
      ],
      truncated: false,
      followed: 0,
      unreadable: 0,
    });

    const deeper = await admin.agent
      .post('/api/documents/import/discover')
      .send({ url: site.url('/kb/'), depth: 2 })
      .expect(200);
    expect(deeper.body as DocumentDiscoverResponse).toMatchObject({
      followed: 4,
      unreadable: 1,
    });
    expect((deeper.body as DocumentDiscoverResponse).pages.slice(6)).toEqual([
      { url: site.url('/kb/ssl'), text: 'Installing SSL', documentId: null },
    ]);

    const mapped = await admin.agent
      .post('/api/documents/import/discover')
      .send({ url: site.url('/sitemap.xml') })
      .expect(200);
    expect(mapped.body as DocumentDiscoverResponse).toEqual({
      url: site.url('/sitemap.xml'),
      kind: 'sitemap',
      pages: [{ url: site.url('/kb/domains'), text: '/kb/domains', documentId: null }],
      truncated: false,
      followed: 0,
      unreadable: 0,
    });

    const missing = await admin.agent
      .post('/api/documents/import/discover')
      .send({ url: site.url('/kb/none') })
      .expect(502);
    expect((missing.body as { message: string }).message).toBe(
      `${site.url('/kb/none')}: The server answered 404 Not Found.`,
    );
  });

  it('should fetch every web document again when asked, in the background', async () => {
    site.pages.set('/kb/mail.md', {
      type: 'text/markdown',
      body: '# Mail delivery\n\nOutgoing mail leaves through port 465 with implicit TLS.\n',
    });

    const response = await admin.agent.post('/api/documents/refresh').expect(200);

    // The page imported first was replaced by an uploaded file: only the Markdown page is web.
    expect(response.body).toEqual({ queued: 1 });
    const refreshed = await settled(markdownId, 'indexed', 2);
    expect(refreshed.document.uploadedBy.name).toBe(admin.user.name);
    expect(refreshed.chunks.map((chunk) => chunk.text).join(' ')).toContain('port 465');
    const audit = (await admin.agent.get('/api/audit?action=knowledge.documents.*').expect(200))
      .body as AuditPage;
    expect(audit.items).toContainEqual(
      expect.objectContaining({
        action: 'knowledge.documents.refreshed',
        actorId: admin.user.id,
        details: { queued: 1 },
      }),
    );
    // The fetch is the system's work on the administrator's behalf, whose name the version bears.
    const replaced = (
      await admin.agent.get('/api/audit?action=knowledge.document.replaced').expect(200)
    ).body as AuditPage;
    expect(replaced.items).toContainEqual(
      expect.objectContaining({
        action: 'knowledge.document.replaced',
        actorId: null,
        targetId: markdownId,
      }),
    );
  });

  it('should refuse bad requests and staff', async () => {
    await admin.agent.post('/api/documents/import').send({ urls: [] }).expect(400);
    const ftp = await admin.agent
      .post('/api/documents/import')
      .send({ urls: ['ftp://files.example.com/a.pdf'] })
      .expect(400);
    expect(JSON.stringify(ftp.body)).toContain('must be an http or https address');
    await admin.agent
      .post('/api/documents/00000000-0000-4000-8000-000000000000/refresh')
      .expect(404);
    await staff.agent
      .post('/api/documents/import')
      .send({ urls: [site.url('/kb/domains')] })
      .expect(403);
    await staff.agent
      .post('/api/documents/import/discover')
      .send({ url: site.url('/kb/') })
      .expect(403);
    await staff.agent.post('/api/documents/refresh').expect(403);
  });
});

describe('Refreshing web documents on a schedule', () => {
  let stack: KnowledgeStack;
  const site = new HelpCentre();
  const ftp = (body: string) => ({
    type: 'text/html',
    // A new form token in every answer, as WHMCS's pages have.
    body:
      '<html><head><title>Passive FTP</title></head><body><form><input type="hidden" ' +
      `name="token" value="TOKEN"></form><main><h1>Passive FTP</h1>${body}</main></body></html>`,
  });

  beforeAll(async () => {
    await site.start();
    site.pages.set('/kb/ftp', ftp('<p>Use passive mode behind a firewall.</p>'));
    // Due again about two seconds after each fetch.
    stack = await startKnowledgeStack({
      WEB_IMPORT_ALLOW_INTERNAL: 'true',
      WEB_IMPORT_REFRESH_HOURS: '0.0005',
    });
  });

  afterAll(async () => {
    await stack.stop();
    await site.stop();
  });

  it('should fetch an imported page again by itself, version a change only, and keep it while the site is down', async () => {
    const { admin } = stack;
    const imported = await admin.agent
      .post('/api/documents/import')
      .send({ urls: [site.url('/kb/ftp')] })
      .expect(201);
    const [result] = (imported.body as DocumentUploadResponse).results;
    const documentId = result?.outcome === 'created' ? result.document.documentId : '';
    await settledDocument(admin, documentId, 'indexed');

    const asked = site.requests.length;
    await waitFor(() => site.requests.length >= asked + 2, {
      timeoutMs: 20_000,
      message: 'the page was not fetched again',
    });
    const unchanged = (await admin.agent.get(`/api/documents/${documentId}`).expect(200))
      .body as DocumentDetail;
    expect(unchanged.document.version).toBe(1);

    site.pages.set('/kb/ftp', ftp('<p>Passive ports 49152 to 65534 are open.</p>'));
    const refreshed = await settledDocument(admin, documentId, 'indexed', 2);

    expect(refreshed.document).toMatchObject({
      version: 2,
      sourceUrl: site.url('/kb/ftp'),
      uploadedBy: { name: 'Web refresh' },
    });
    expect(refreshed.chunks.map((chunk) => chunk.text).join(' ')).toContain('49152');
    const audit = (
      await admin.agent.get('/api/audit?action=knowledge.document.replaced').expect(200)
    ).body as AuditPage;
    expect(audit.items[0]).toMatchObject({ actorId: null, targetId: documentId });

    const current = async (): Promise<DocumentSummary> =>
      ((await admin.agent.get(`/api/documents/${documentId}`).expect(200)).body as DocumentDetail)
        .document;
    site.failing = true;
    await waitFor(async () => (await current()).sourceError !== null, {
      timeoutMs: 20_000,
      intervalMs: 200,
      message: 'the failed fetch was not recorded',
    });
    expect(await current()).toMatchObject({
      version: 2,
      status: 'indexed',
      sourceError: 'The server answered 500 Internal Server Error.',
    });
    site.failing = false;
    await waitFor(async () => (await current()).sourceError === null, {
      timeoutMs: 20_000,
      intervalMs: 200,
      message: 'the recovered page still shows the failure',
    });
    expect(await current()).toMatchObject({ version: 2, sourceFailingSince: null });
  });
});
