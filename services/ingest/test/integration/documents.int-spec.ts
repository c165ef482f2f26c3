import type { Channel, ChannelModel } from 'amqplib';
import { connect } from 'amqplib';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';

import type { ChunksEmbedded, DocumentSummary } from '@deskpilot/contracts';
import { KnowledgeEvent, KnowledgeRpc } from '@deskpilot/contracts';
import type { Broker } from '@deskpilot/messaging';
import { EVENTS_EXCHANGE, MessageBus } from '@deskpilot/messaging';
import { createLogger } from '@deskpilot/observability';
import type { RunningService } from '@deskpilot/runtime';
import { openAmqpBroker } from '@deskpilot/runtime';
import type { EmbeddedS3 } from '@deskpilot/storage';
import { ObjectStore, startEmbeddedS3 } from '@deskpilot/storage';
import type { Disposable } from '@deskpilot/testing';
import { createTestDatabase, createTestVhost, waitFor } from '@deskpilot/testing';

import { startIngest } from '../../src/index';
import { buildDocx, buildPdf } from '../fixtures/documents';

describe('ingest documents', () => {
  let database: Disposable<string>;
  let vhost: Disposable<string>;
  let dataDir: string;
  let s3: EmbeddedS3;
  let store: ObjectStore;
  let broker: Broker;
  let bus: MessageBus;
  let ingest: RunningService;
  let amqp: ChannelModel;
  let channel: Channel;
  const batches: ChunksEmbedded[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    vhost = await createTestVhost();
    dataDir = await mkdtemp(join(tmpdir(), 'ingest-it-'));
    const logger = createLogger({ service: 'test', instanceId: 'test', level: 'silent' });
    s3 = await startEmbeddedS3(dataDir, logger);
    store = new ObjectStore({
      endpoint: s3.endpoint,
      region: 'us-east-1',
      bucket: 'ingest-test',
      accessKeyId: s3.accessKeyId,
      secretAccessKey: s3.secretAccessKey,
    });
    await store.ensureBucket();
    broker = await openAmqpBroker({
      url: vhost.value,
      connectionName: 'test',
      maxAttempts: 5,
      logger,
    });
    bus = new MessageBus(broker, { service: 'gateway', defaultTimeoutMs: 15_000 });
    amqp = await connect(vhost.value);
    channel = await amqp.createChannel();
    const { queue } = await channel.assertQueue('', { exclusive: true });
    await channel.bindQueue(queue, EVENTS_EXCHANGE, KnowledgeEvent.ChunksEmbedded);
    await channel.consume(queue, (message) => {
      if (message !== null) {
        batches.push(JSON.parse(message.content.toString('utf8')) as ChunksEmbedded);
        channel.ack(message);
      }
    });
    ingest = await startIngest({
      env: {
        LOG_LEVEL: 'silent',
        PORT: '0',
        DATABASE_URL: database.value,
        AMQP_URL: vhost.value,
        DATA_DIR: dataDir,
        S3_ENDPOINT: s3.endpoint,
        S3_ACCESS_KEY_ID: s3.accessKeyId,
        S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
        S3_BUCKET: 'ingest-test',
        INGEST_MAX_FILE_MB: '0.05',
        INGEST_EMBED_BATCH: '2',
      },
    });
  });

  afterAll(async () => {
    await ingest.stop();
    await amqp.close();
    await broker.close();
    store.close();
    await s3.close();
    await vhost.dispose();
    await database.dispose();
    await rm(dataDir, { recursive: true, force: true });
  });

  const register = async (
    name: string,
    body: Buffer,
    contentType = 'application/octet-stream',
    sourceUrl?: string,
  ) => {
    const s3Key = `documents/${randomUUID()}/${name}`;
    await store.put(s3Key, body, contentType);
    return bus.request(KnowledgeRpc.Register, {
      documentId: randomUUID(),
      s3Key,
      originalFilename: name,
      declaredContentType: contentType,
      sizeBytes: body.length,
      sha256: createHash('sha256').update(body).digest('hex'),
      uploadedBy: { id: 'u1', name: 'Ada' },
      ...(sourceUrl === undefined ? {} : { sourceUrl }),
    });
  };
  /** Dates a web document's last fetch back by a PostgreSQL interval, e.g. `2 days`. */
  const fetchedAgo = async (documentId: string, interval: string): Promise<void> => {
    const sql = new Client({ connectionString: database.value });
    await sql.connect();
    try {
      await sql.query(
        `UPDATE "ingest"."documents" SET "source_checked_at" = now() - $2::interval WHERE "id" = $1`,
        [documentId, interval],
      );
    } finally {
      await sql.end();
    }
  };
  const settled = (documentId: string): Promise<DocumentSummary> =>
    waitFor(
      async () => {
        const { document } = await bus.request(KnowledgeRpc.Get, {
          documentId,
          chunkOffset: 0,
          chunkLimit: 0,
        });
        const done =
          document.status === 'failed' ||
          (document.status === 'embedding' && document.progress === 100);
        return done && document;
      },
      { timeoutMs: 20_000, intervalMs: 100 },
    );

  it('should extract, chunk and send embedded batches when a Word document is registered', async () => {
    const docx = await buildDocx([
      { text: 'Domain transfers', heading: 1 },
      { text: 'Unlock the domain and request the EPP code from the registrar.' },
      { text: 'Timing', heading: 2 },
      { text: 'A transfer takes up to five days.' },
    ]);

    const { document } = await register('transfer.pdf', docx, 'application/pdf');
    const done = await settled(document.documentId);
    const sent = batches.filter((b) => b.documentId === document.documentId);

    expect(done).toMatchObject({
      detectedType: 'docx',
      title: 'Domain transfers',
      status: 'embedding',
    });
    expect(sent.flatMap((b) => b.chunks.map((c) => c.headingPath))).toEqual([[], ['Timing']]);
    expect(sent[0]?.chunks[0]?.embedding).toHaveLength(384);
  });

  it('should send every batch of a document in the language of its opening', async () => {
    const settings = Array.from({ length: 40 }, (_, i) => `BACKUP_SLOT_${i}=0${i % 10}:30`);
    const markdown = [
      '# Datenbanken sichern',
      'Die Sicherungen Ihrer Datenbanken finden Sie im Kundenbereich unter Backups. Wählen Sie',
      'dort die Datenbank aus, die Sie brauchen, und laden Sie die Sicherung herunter.',
      '## Zeitplan',
      ...settings.slice(0, 20),
      '## Aufbewahrung',
      ...settings.slice(20),
    ].join('\n\n');

    const { document } = await register('sichern.md', Buffer.from(markdown), 'text/markdown');
    await settled(document.documentId);
    const sent = await waitFor(
      () => {
        const mine = batches.filter((b) => b.documentId === document.documentId);
        return mine.length > 1 && mine;
      },
      { timeoutMs: 10_000, message: 'the document was not sent in several batches' },
    );

    expect(sent.map((batch) => batch.language)).toEqual(sent.map(() => 'german'));
  });

  it('should index a document again in the language an administrator sets, and tell it when unset', async () => {
    const { document } = await register(
      'domains.md',
      Buffer.from('# Domains\n\nThe domain transfer needs the EPP code of the registrar.'),
      'text/markdown',
    );
    await settled(document.documentId);
    const languagesOf = (generation: number) =>
      waitFor(
        () => {
          const sent = batches.filter(
            (b) => b.documentId === document.documentId && b.generation === generation,
          );
          return sent.length > 0 && sent.map((b) => b.language);
        },
        { timeoutMs: 20_000, message: `generation ${generation} was not sent` },
      );
    const setLanguage = (language: 'dutch' | null) =>
      bus.request(KnowledgeRpc.SetLanguage, { documentId: document.documentId, language });

    const set = await setLanguage('dutch');
    const again = await setLanguage('dutch');
    const inDutch = await languagesOf(2);
    await settled(document.documentId);
    const unset = await setLanguage(null);
    const told = await languagesOf(3);

    expect(await languagesOf(1)).toEqual(['english']);
    expect(set).toMatchObject({
      outcome: 'changed',
      document: { language: 'dutch', status: 'uploaded' },
    });
    expect(again).toMatchObject({ outcome: 'unchanged', document: { language: 'dutch' } });
    expect(inDutch).toEqual(['dutch']);
    expect(unset).toMatchObject({ outcome: 'changed', document: { language: null } });
    expect(told).toEqual(['english']);
    await expect(
      bus.request(KnowledgeRpc.SetLanguage, { documentId: randomUUID(), language: 'german' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('should mark the document indexed when retrieval reports the generation indexed', async () => {
    const { document } = await register('dns.md', Buffer.from('# DNS\n\nAdd an A record.'));
    await settled(document.documentId);

    await bus.publish(KnowledgeEvent.DocumentIndexed, {
      documentId: document.documentId,
      generation: 1,
      chunkCount: 1,
      embedder: 'local:test',
    });

    await waitFor(async () => {
      const listed = await bus.request(KnowledgeRpc.List, {
        page: 1,
        pageSize: 10,
        status: 'indexed',
        search: 'dns',
      });
      return listed.items.some(
        (item) => item.documentId === document.documentId && item.indexedVersion === 1,
      );
    });
  });

  it('should fail encrypted, oversized and unsupported files with a reason each', async () => {
    const encrypted = await register('secret.pdf', buildPdf([['x']], { encrypted: true }));
    const oversized = await register('huge.txt', Buffer.alloc(80_000, 'a'));
    const image = await register('photo.md', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]));

    const reasons = await Promise.all(
      [encrypted, oversized, image].map(
        async (r) => (await settled(r.document.documentId)).failureReason,
      ),
    );

    expect(reasons).toEqual([
      'The PDF is password-protected. Remove the password and upload it again.',
      'The file is 78.1 KB; the limit is 51.2 KB.',
      'The file is a JPEG image, not a document. Supported: PDF, DOCX, HTML, Markdown, text.',
    ]);
  });

  it('should queue a new generation and resend the chunks when a document is re-indexed', async () => {
    const { document } = await register(
      'faq.md',
      Buffer.from('# FAQ\n\nBilling runs on the first.'),
    );
    await settled(document.documentId);

    await bus.request(KnowledgeRpc.Reindex, { documentId: document.documentId });

    await waitFor(
      () => batches.some((b) => b.documentId === document.documentId && b.generation === 2),
      {
        timeoutMs: 20_000,
      },
    );
  });

  it('should delete the record and the file when a document is deleted', async () => {
    const { document } = await register('old.md', Buffer.from('# Old\n\nDeprecated plans.'));

    await bus.request(KnowledgeRpc.Delete, { documentId: document.documentId });

    await expect(store.get(document.s3Key)).rejects.toThrow('No object');
    await expect(
      bus.request(KnowledgeRpc.Get, {
        documentId: document.documentId,
        chunkOffset: 0,
        chunkLimit: 0,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('should hand out the web documents due for a refresh once each, the longest unchecked first', async () => {
    const older = await register(
      'a.html',
      Buffer.from('<h1>A</h1><p>Alpha</p>'),
      'text/html',
      'https://help.example.com/a',
    );
    const newer = await register(
      'b.html',
      Buffer.from('<h1>B</h1><p>Beta</p>'),
      'text/html',
      'https://help.example.com/b',
    );
    await register('c.md', Buffer.from('# C\n\nGamma, uploaded.'), 'text/markdown');
    // A claim skips a row that processing holds at that moment.
    await settled(older.document.documentId);
    await settled(newer.document.documentId);
    await fetchedAgo(older.document.documentId, '2 days');
    await fetchedAgo(newer.document.documentId, '1 day');
    const claim = (limit: number, leaseSeconds = 600) =>
      bus.request(KnowledgeRpc.ClaimWebRefreshes, {
        checkedBefore: new Date(Date.now() - 60 * 60 * 1_000).toISOString(),
        limit,
        leaseSeconds,
      });

    const first = await claim(1);
    const rest = await claim(10);
    const none = await claim(10);

    expect(first.documents).toEqual([
      expect.objectContaining({
        documentId: older.document.documentId,
        sourceUrl: 'https://help.example.com/a',
        requestedBy: null,
      }),
    ]);
    expect(rest.documents.map((document) => document.documentId)).toEqual([
      newer.document.documentId,
    ]);
    expect(none.documents).toEqual([]);

    // A recorded fetch ends the claim: the page is not due until its next period.
    await bus.request(KnowledgeRpc.RecordWebCheck, {
      documentId: older.document.documentId,
      error: null,
    });
    expect((await claim(10)).documents).toEqual([]);
  });

  it('should hand a claimed page out again when its claim runs out unrecorded', async () => {
    const { document } = await register(
      'lease.html',
      Buffer.from('<h1>Lease</h1><p>Claimed by a replica that stopped.</p>'),
      'text/html',
      'https://help.example.com/lease',
    );
    await settled(document.documentId);
    await fetchedAgo(document.documentId, '2 days');
    const claim = () =>
      bus.request(KnowledgeRpc.ClaimWebRefreshes, {
        checkedBefore: new Date(Date.now() - 60 * 60 * 1_000).toISOString(),
        limit: 10,
        leaseSeconds: 1,
      });
    const ids = async () => (await claim()).documents.map((due) => due.documentId);

    expect(await ids()).toEqual([document.documentId]);
    expect(await ids()).toEqual([]);
    await sleep(1_100);
    expect(await ids()).toEqual([document.documentId]);
  });

  it('should keep a request to fetch every page again until each page is fetched', async () => {
    const page = await register(
      'requested.html',
      Buffer.from('<h1>Requested</h1><p>Fetched an hour ago.</p>'),
      'text/html',
      'https://help.example.com/requested',
    );
    await register('upload.md', Buffer.from('# Upload\n\nNot from the web.'), 'text/markdown');
    await settled(page.document.documentId);
    const claim = () =>
      bus.request(KnowledgeRpc.ClaimWebRefreshes, {
        // Nothing is due by age: only what was asked for.
        checkedBefore: new Date(0).toISOString(),
        limit: 100,
        leaseSeconds: 1,
      });
    const admin = { id: 'user-1', name: 'Ada Admin' };

    const { requested } = await bus.request(KnowledgeRpc.RequestWebRefreshes, {
      requestedBy: admin,
    });
    const webDocuments = await bus.request(KnowledgeRpc.List, {
      page: 1,
      pageSize: 100,
      source: 'web',
    });
    const first = await claim();
    await sleep(1_100);
    const afterLease = await claim();
    await bus.request(KnowledgeRpc.RecordWebCheck, {
      documentId: page.document.documentId,
      error: 'The server answered 503 Service Unavailable.',
    });
    await sleep(1_100);
    const afterFetch = await claim();

    expect(requested).toBe(webDocuments.total);
    expect(first.documents).toContainEqual(
      expect.objectContaining({ documentId: page.document.documentId, requestedBy: admin }),
    );
    expect(afterLease.documents.map((due) => due.documentId)).toContain(page.document.documentId);
    expect(afterFetch.documents.map((due) => due.documentId)).not.toContain(
      page.document.documentId,
    );
  });
});
