import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';

import type { ChunksEmbedded, RelevanceCut } from '@deskpilot/contracts';
import { KnowledgeEvent, KnowledgeRpc, SearchRequest, SearchRpc } from '@deskpilot/contracts';
import { LocalEmbedder } from '@deskpilot/embeddings';
import type { Broker } from '@deskpilot/messaging';
import { MessageBus } from '@deskpilot/messaging';
import { createLogger } from '@deskpilot/observability';
import type { RunningService } from '@deskpilot/runtime';
import { openAmqpBroker } from '@deskpilot/runtime';
import type { Disposable } from '@deskpilot/testing';
import { createTestDatabase, createTestVhost, waitFor } from '@deskpilot/testing';

import { LexicalIndexService, SearchService, startRetrieval } from '../../src/index';
import { VectorIndexService } from '../../src/vector-index/vector-index.service';

const embedder = new LocalEmbedder();

function batch(documentId: string, generation: number, texts: string[]): ChunksEmbedded {
  return {
    documentId,
    generation,
    version: generation,
    documentTitle: 'Backups',
    embedder: { id: embedder.id, dimension: embedder.dimension },
    chunks: texts.map((text, index) => ({
      chunkId: randomUUID(),
      index,
      headingPath: ['Restore'],
      text,
      tokenCount: text.split(' ').length,
      embedding: Array.from(
        embedder.embedPassage({ title: 'Backups', headings: ['Restore'], text }),
      ),
    })),
  };
}

describe('retrieval index events', () => {
  let database: Disposable<string>;
  let vhost: Disposable<string>;
  let dataDir: string;
  let broker: Broker;
  let bus: MessageBus;
  let replicas: RunningService[] = [];

  const start = async (): Promise<RunningService> => {
    const running = await startRetrieval({
      env: {
        LOG_LEVEL: 'warn',
        PORT: '0',
        DATABASE_URL: database.value,
        AMQP_URL: vhost.value,
        DATA_DIR: dataDir,
        INSTANCE_ID: `retrieval-${randomUUID()}`,
        BUS_MAX_ATTEMPTS: '10',
      },
    });
    replicas.push(running);
    return running;
  };
  const search = (query: string) =>
    bus.request(SearchRpc.Search, { query, topK: 8, denseWeight: 0.5 });
  /** A search as a request that leaves everything but the query to the contract's defaults. */
  const searchByDefault = (query: string) =>
    bus.request(SearchRpc.Search, SearchRequest.parse({ query, topK: 8 }));
  /** Sends each batch and commits its generation, as ingest does for a whole document. */
  const indexWhole = async (...batches: ChunksEmbedded[]) => {
    for (const chunks of batches) {
      await bus.publish(KnowledgeEvent.ChunksEmbedded, chunks);
      await bus.publish(KnowledgeEvent.DocumentEmbedded, {
        ...chunks,
        chunkCount: chunks.chunks.length,
      });
    }
  };
  const texts = async (query: string, documentId: string) =>
    (await search(query)).hits.filter((h) => h.documentId === documentId).map((h) => h.text);

  beforeAll(async () => {
    database = await createTestDatabase();
    vhost = await createTestVhost();
    dataDir = await mkdtemp(join(tmpdir(), 'retrieval-it-'));
    broker = await openAmqpBroker({
      url: vhost.value,
      connectionName: 'test',
      maxAttempts: 5,
      logger: createLogger({ service: 'test', instanceId: 'test', level: 'silent' }),
    });
    bus = new MessageBus(broker, { service: 'ingest', defaultTimeoutMs: 15_000 });
    await start();
  });

  afterAll(async () => {
    for (const replica of replicas) {
      await replica.stop().catch(() => undefined);
    }
    replicas = [];
    await broker.close();
    await vhost.dispose();
    await database.dispose();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('should make a generation searchable only once it is committed', async () => {
    const documentId = randomUUID();
    const first = batch(documentId, 1, ['Nightly backups are kept for thirty days.']);

    await bus.publish(KnowledgeEvent.ChunksEmbedded, first);
    await waitFor(
      async () =>
        (await bus.request(KnowledgeRpc.DocumentChunks, { documentId, offset: 0, limit: 10 }))
          .total === 0,
      { timeoutMs: 2_000 },
    );
    expect(await texts('nightly backups thirty days', documentId)).toEqual([]);
    await bus.publish(KnowledgeEvent.DocumentEmbedded, { ...first, chunkCount: 1 });

    await waitFor(
      async () => (await texts('nightly backups thirty days', documentId)).length === 1,
      {
        timeoutMs: 10_000,
      },
    );
  });

  it('should keep serving the old generation until the new one is committed, then drop it', async () => {
    const documentId = randomUUID();
    const old = batch(documentId, 1, ['Restore a backup from the Backups page in cPanel.']);
    await indexWhole(old);
    await waitFor(async () => (await texts('restore backup cPanel', documentId)).length === 1, {
      timeoutMs: 10_000,
    });

    const next = batch(documentId, 2, [
      'Restore a backup with JetBackup in cPanel.',
      'Pick the date first.',
    ]);
    await bus.publish(KnowledgeEvent.ChunksEmbedded, { ...next, chunks: next.chunks.slice(0, 1) });
    await new Promise((done) => setTimeout(done, 500));
    expect(await texts('restore backup cPanel', documentId)).toEqual([
      'Restore a backup from the Backups page in cPanel.',
    ]);

    await bus.publish(KnowledgeEvent.DocumentEmbedded, { ...next, chunkCount: 2 });
    await new Promise((done) => setTimeout(done, 500));
    expect(await texts('restore backup cPanel', documentId)).toEqual([
      'Restore a backup from the Backups page in cPanel.',
    ]);
    await bus.publish(KnowledgeEvent.ChunksEmbedded, { ...next, chunks: next.chunks.slice(1) });

    await waitFor(
      async () => {
        const found = await texts('restore backup cPanel JetBackup date', documentId);
        return found.length === 2 && !found.some((t) => t.includes('Backups page'));
      },
      { timeoutMs: 20_000, message: 'generation 2 replaced generation 1' },
    );
  });

  it('should forget a removed document and ignore its late batches', async () => {
    const documentId = randomUUID();
    const chunks = batch(documentId, 1, ['Offsite backups go to a second datacentre.']);
    await indexWhole(chunks);
    await waitFor(
      async () => (await texts('offsite datacentre backups', documentId)).length === 1,
      { timeoutMs: 10_000 },
    );

    await bus.publish(KnowledgeEvent.DocumentRemoved, { documentId });
    await bus.publish(KnowledgeEvent.ChunksEmbedded, { ...chunks, generation: 2 });
    await bus.publish(KnowledgeEvent.DocumentEmbedded, { ...chunks, generation: 2, chunkCount: 1 });

    await waitFor(
      async () => (await texts('offsite datacentre backups', documentId)).length === 0,
      { timeoutMs: 10_000 },
    );
    await new Promise((done) => setTimeout(done, 500));
    expect(await texts('offsite datacentre backups', documentId)).toEqual([]);
  });

  it('should rank by full text alone by default and give each document one passage before a second', async () => {
    const hub = batch(randomUUID(), 1, [
      'Raise the zephyr mailbox quota on the Email Accounts page.',
      'A zephyr mailbox over its quota rejects new mail.',
      'Zephyr quota warnings go to the account owner.',
    ]);
    const other = batch(randomUUID(), 1, ['The zephyr mailbox quota of a reseller is set in WHM.']);
    await indexWhole(hub, other);
    // A request that leaves the dense weight to the contract's default.
    const byDefault = (topK: number) =>
      bus.request(SearchRpc.Search, SearchRequest.parse({ query: 'zephyr mailbox quota', topK }));
    await waitFor(async () => (await byDefault(8)).hits.length === 4, {
      timeoutMs: 10_000,
      message: 'both documents searchable',
    });

    const { hits } = await byDefault(2);

    expect(hits.map((hit) => hit.documentId).sort()).toEqual(
      [hub.documentId, other.documentId].sort(),
    );
    expect(hits.map((hit) => hit.denseRank)).toEqual([null, null]);
  });

  it('should read a misspelt query word as the word the chunks contain', async () => {
    const guide = batch(randomUUID(), 1, [
      'Point the xylograph records of the domain to the new nameservers.',
    ]);
    await indexWhole(guide);
    await waitFor(async () => (await searchByDefault('xylograph records')).hits.length === 1, {
      timeoutMs: 10_000,
      message: 'the document searchable',
    });

    const { hits, corrections } = await searchByDefault('xylogarph recrods');

    expect(hits.map((hit) => hit.documentId)).toEqual([guide.documentId]);
    expect(corrections).toEqual([
      { typed: 'xylogarph', read: 'xylograph' },
      { typed: 'recrods', read: 'records' },
    ]);
    expect((await searchByDefault('xylograph records')).corrections).toBeUndefined();
  });

  it('should not read a common English word that no chunk contains as a misspelling', async () => {
    const guide = batch(randomUUID(), 1, ['Sending mail through the quillback relay host.']);
    await indexWhole(guide);
    await waitFor(async () => (await searchByDefault('quillback')).hits.length === 1, {
      timeoutMs: 10_000,
      message: 'the document searchable',
    });

    // "pend" is one letter from "send", but "pending" is a word, not a typo.
    const typed = await searchByDefault('pending quillback');
    const misspelt = await searchByDefault('sned quillback');

    expect(typed.corrections).toBeUndefined();
    expect(typed.hits.map((hit) => hit.documentId)).toEqual([guide.documentId]);
    expect(misspelt.corrections).toEqual([{ typed: 'sned', read: 'sending' }]);
  });

  it('should find a German article by the stems of a German question or of German keywords', async () => {
    const german = batch(randomUUID(), 1, [
      'Alle Rechnungen Ihres Vertrags finden Sie im Kundenbereich.',
    ]);
    const english = batch(randomUUID(), 1, ['Invoices of a reseller plan are listed in WHMCS.']);
    await indexWhole(german, english);
    await waitFor(async () => (await searchByDefault('kundenbereich invoices')).hits.length === 2, {
      timeoutMs: 10_000,
      message: 'both documents searchable',
    });

    // Read as English, no word of the question is in the article ("finde" is not "finden",
    // "Rechnung" is not "Rechnungen"); German stems join them.
    const question = await searchByDefault('Wo finde ich die Rechnung?');
    const keywords = await searchByDefault('Rechnung Kundenbereich');
    const inEnglish = await searchByDefault('Where are the invoices of my reseller plan?');

    expect(question.hits.map((hit) => hit.documentId)).toEqual([german.documentId]);
    expect(question.language).toBe('german');
    expect(question.corrections).toBeUndefined();
    expect(keywords.hits.map((hit) => hit.documentId)).toEqual([german.documentId]);
    expect(inEnglish.language).toBe('english');
    expect(inEnglish.hits[0]?.documentId).toBe(english.documentId);
    expect(inEnglish.hits.map((hit) => hit.documentId)).not.toContain(german.documentId);
  });

  it.each([
    [
      'french',
      'Les certificats sont renouvelés automatiquement chaque trimestre.',
      'Comment renouveler mon certificat ?',
    ],
    [
      'spanish',
      'Las copias de seguridad se guardan durante treinta días.',
      '¿Cuántos días se guarda una copia de seguridad?',
    ],
    [
      'italian',
      'Le caselle di posta vengono create dal pannello di controllo.',
      'Come creo una casella di posta?',
    ],
    [
      'portuguese',
      'As senhas dos painéis expiram após noventa dias.',
      'Quando expira a minha senha?',
    ],
    [
      'dutch',
      'Wachtwoorden van mailboxen wijzigt u in het klantenpaneel.',
      'Hoe wijzig ik het wachtwoord van mijn mailbox?',
    ],
  ] as const)(
    'should read a %s question in its language and find the article by its stems',
    async (language, article, question) => {
      const written = batch(randomUUID(), 1, [article]);
      await indexWhole(written);
      await waitFor(
        async () =>
          (await searchByDefault(article)).hits.some(
            (hit) => hit.documentId === written.documentId,
          ),
        { timeoutMs: 10_000, message: 'the article searchable' },
      );

      const found = await searchByDefault(question);

      expect(found.language).toBe(language);
      expect(found.hits[0]?.documentId).toBe(written.documentId);
    },
  );

  it('should analyse a batch in the language ingest told for its document', async () => {
    // Settings alone show no language; the German prose around them did.
    const listing = {
      ...batch(randomUUID(), 1, ['SICHERUNGEN_TAEGLICH=7 SICHERUNGEN_WOECHENTLICH=4']),
      language: 'german' as const,
    };
    await indexWhole(listing);
    await waitFor(
      async () =>
        (await searchByDefault('SICHERUNGEN_TAEGLICH')).hits.some(
          (hit) => hit.documentId === listing.documentId,
        ),
      { timeoutMs: 10_000, message: 'the listing searchable' },
    );
    const database = (replicas[0] as RunningService).app.get(DataSource);

    const rows = await database.query<{ language: string }[]>(
      `SELECT DISTINCT "language"::text AS "language" FROM "retrieval"."chunks"
       WHERE "document_id" = $1`,
      [listing.documentId],
    );

    expect(rows.map((row) => row.language)).toEqual(['german']);
  });

  it('should tell the articles indexed before search read their language at the upgrade', async () => {
    const first = replicas[0] as RunningService;
    const database = first.app.get(DataSource);
    const german = batch(randomUUID(), 1, [
      'Die Sicherungen Ihrer Datenbanken finden Sie im Kundenbereich.',
    ]);
    const french = batch(randomUUID(), 1, [
      "Les sauvegardes de vos bases de données se trouvent dans l'espace client.",
    ]);
    await indexWhole(german, french);
    await waitFor(
      async () => {
        const found = (await searchByDefault('sicherungen sauvegardes')).hits;
        return [german, french].every(({ documentId }) =>
          found.some((hit) => hit.documentId === documentId),
        );
      },
      { timeoutMs: 10_000, message: 'the articles searchable' },
    );
    const languagesOf = async (documentId: string) =>
      (
        await database.query<{ language: string }[]>(
          `SELECT DISTINCT "language"::text AS "language" FROM "retrieval"."chunks"
           WHERE "document_id" = $1`,
          [documentId],
        )
      ).map((row) => row.language);
    // As articles stored before the language column: analysed as English, not yet told.
    await database.query(
      `UPDATE "retrieval"."chunks" SET "language" = 'english' WHERE "document_id" = ANY($1::uuid[])`,
      [[german.documentId, french.documentId]],
    );
    await database.query(`DELETE FROM "retrieval"."migrations" WHERE "name" = ANY($1)`, [
      ['DetectChunkLanguage1797510000000', 'DetectFurtherChunkLanguages1797520000000'],
    ]);

    const upgraded = await start();
    const search = (query: string) =>
      upgraded.app.get(SearchService).search({ query, topK: 8, denseWeight: 0 });

    expect(await languagesOf(german.documentId)).toEqual(['german']);
    expect(await languagesOf(french.documentId)).toEqual(['french']);
    const inGerman = await search('Wo finde ich die Sicherung meiner Datenbank?');
    const inFrench = await search('Où trouver la sauvegarde de ma base de données ?');
    expect(inGerman.hits[0]?.documentId).toBe(german.documentId);
    expect(inFrench.hits[0]?.documentId).toBe(french.documentId);
  });

  it('should leave out weak hits past the first ones when asked to cut by relevance', async () => {
    const strong = batch(randomUUID(), 1, [
      'Quasar firewall rules block port 2525 on quasar servers.',
    ]);
    const weak = batch(randomUUID(), 1, ['Outgoing mail servers listen on port 587.']);
    await indexWhole(strong, weak);
    const request = (relevanceCut: RelevanceCut) =>
      bus.request(
        SearchRpc.Search,
        SearchRequest.parse({ query: 'quasar firewall port', topK: 8, relevanceCut }),
      );
    // Requests go to any replica (the upgrade test left a second one running), so every replica
    // must hold both documents before the cut is asked of one of them.
    const holdsBoth = async (replica: RunningService) => {
      const { hits } = await replica.app
        .get(SearchService)
        .search(SearchRequest.parse({ query: 'quasar firewall port', topK: 8 }));
      const found = new Set(hits.map((hit) => hit.documentId));
      return found.has(weak.documentId) && found.has(strong.documentId);
    };
    await waitFor(async () => (await Promise.all(replicas.map(holdsBoth))).every(Boolean), {
      timeoutMs: 10_000,
      message: 'both documents searchable on every replica',
    });

    const { hits } = await request({ keep: 1, share: 0.5 });

    expect(hits.map((hit) => hit.documentId)).toEqual([strong.documentId]);
  });

  it('should give a second replica the same index when it starts and keep both in sync', async () => {
    const first = replicas[0] as RunningService;
    const second = await start();
    const size = (replica: RunningService) => replica.app.get(VectorIndexService).size;
    const textSize = (replica: RunningService) => replica.app.get(LexicalIndexService).size;
    expect(size(second)).toBe(size(first));
    expect(textSize(second)).toBe(textSize(first));
    expect(textSize(second)).toBeGreaterThan(0);

    const documentId = randomUUID();
    const chunks = batch(documentId, 1, ['Snapshots of VPS disks are taken weekly.']);
    await indexWhole(chunks);

    await waitFor(
      () =>
        size(first) === size(second) &&
        second.app
          .get(VectorIndexService)
          .search(
            chunks.chunks[0] ? Float32Array.from(chunks.chunks[0].embedding) : new Float32Array(),
            1,
          )[0]?.documentId === documentId,
      {
        timeoutMs: 10_000,
        message: 'both replicas indexed the new document',
      },
    );
    await waitFor(() => textSize(first) === textSize(second), {
      timeoutMs: 10_000,
      message: 'both replicas hold the new document for full-text search',
    });
    const snapshots = await second.app.get(SearchService).search({
      query: 'weekly snapshots',
      topK: 1,
      denseWeight: 0,
    });
    expect(snapshots.hits[0]?.documentId).toBe(documentId);
  });

  it('should bring a full-text index that missed a change back in line with the table', async () => {
    const replica = replicas[0] as RunningService;
    const lexical = replica.app.get(LexicalIndexService);
    const documentId = randomUUID();
    const chunks = batch(documentId, 1, ['Reverse DNS of a dedicated server is set by support.']);
    await indexWhole(chunks);
    const find = async () =>
      (
        await replica.app
          .get(SearchService)
          .search({ query: 'reverse dns dedicated', topK: 1, denseWeight: 0 })
      ).hits[0]?.documentId;
    await waitFor(async () => (await find()) === documentId, {
      timeoutMs: 10_000,
      message: 'the new document is searchable',
    });
    const size = lexical.size;

    // The replica may still be handling the commit event a second time (from its work queue and
    // from its own index queue); what that sync adds back is removed again.
    await waitFor(
      async () => {
        lexical.removeDocument(documentId);
        return (await find()) !== documentId;
      },
      { timeoutMs: 10_000, message: 'the document left the full-text index' },
    );
    await lexical.reconcile();

    expect(lexical.size).toBe(size);
    expect(await find()).toBe(documentId);
  });
});
