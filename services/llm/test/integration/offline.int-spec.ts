import { randomUUID } from 'node:crypto';

import type { DraftGenerated } from '@deskpilot/contracts';
import { DraftingEvent, InteractionsRpc } from '@deskpilot/contracts';
import { waitFor } from '@deskpilot/testing';

import { KB_HITS, LlmTestHarness, finalOf, tokensOf } from './support/llm-test-harness';

describe('llm without an OpenRouter key (offline answerer)', () => {
  let harness: LlmTestHarness;

  beforeAll(async () => {
    harness = await LlmTestHarness.start({ online: false });
  });

  afterEach(() => {
    harness.reset();
  });

  afterAll(async () => {
    await harness.stop();
  });

  it('should answer from the best passages with citations, labelled offline', async () => {
    const chunks = await harness.ask({ question: 'How do I restart Apache?' });

    const final = finalOf(chunks);
    expect(chunks[0]).toMatchObject({
      type: 'started',
      offline: true,
      model: 'offline/extractive',
    });
    expect(final).toMatchObject({
      outcome: 'ok',
      offline: true,
      model: 'offline/extractive',
      usage: null,
    });
    expect(final.text).toBe(
      'To restart Apache, log in to WHM and open Restart Services, then choose HTTP Server (Apache) [1]. The restart takes about a minute [1].',
    );
    expect(tokensOf(chunks)).toBe(final.text);
    expect(chunks.find((chunk) => chunk.type === 'citations')).toMatchObject({
      citations: [{ index: 1, chunkId: KB_HITS[0]!.chunkId, documentTitle: 'Hosting handbook' }],
    });
    expect(final.confidence).toBe(1);
    expect(harness.simulator.control.requests()).toEqual([]);
    expect(
      await harness.bus.request(InteractionsRpc.Get, { id: final.interactionId }),
    ).toMatchObject({
      offline: true,
      outcome: 'ok',
      model: 'offline/extractive',
    });
  });

  it('should lower the confidence and name the article when an uncited one scored as high', async () => {
    const transfers = randomUUID();
    const transferPassage = randomUUID();
    harness.searchHits = [
      { ...KB_HITS[0]!, lexicalScore: 8 },
      {
        ...KB_HITS[1]!,
        chunkId: transferPassage,
        headingPath: ['Timing'],
        documentId: transfers,
        documentTitle: 'Domain transfers',
        text: 'A domain transfer takes five to seven days.',
        lexicalScore: 7,
      },
    ];

    const final = finalOf(await harness.ask({ question: 'How do I restart Apache?' }));

    expect(final.text).toBe(
      'To restart Apache, log in to WHM and open Restart Services, then choose HTTP Server (Apache) [1]. The restart takes about a minute [1].',
    );
    expect(final.flags.bestLeftOut).toEqual({
      documentId: transfers,
      documentTitle: 'Domain transfers',
      lead: 0.13,
      passage: {
        chunkId: transferPassage,
        headingPath: ['Timing'],
        text: 'A domain transfer takes five to seven days.',
      },
    });
    expect(final.confidence).toBe(0.25);
    expect(
      await harness.bus.request(InteractionsRpc.Get, { id: final.interactionId }),
    ).toMatchObject({
      confidence: 0.25,
      flags: {
        bestLeftOut: {
          documentTitle: 'Domain transfers',
          lead: 0.13,
          passage: { chunkId: transferPassage },
        },
      },
    });
  });

  it('should draft an offline ticket reply', async () => {
    const draftId = randomUUID();

    await harness.publish(DraftingEvent.DraftRequested, {
      draftId,
      ticketId: '12',
      ticketNumber: 'ABC-1',
      subject: 'Forwarding mail',
      department: 'Support',
      customer: { name: 'Jo Park', services: [] },
      thread: [
        {
          from: 'customer',
          author: 'Jo Park',
          date: '2026-03-01 08:00:00',
          text: 'How can I forward mail to my Gmail?',
        },
      ],
    });

    const generated = (await waitFor(
      () => harness.events.find((event) => event.name === DraftingEvent.DraftGenerated)?.payload,
    )) as DraftGenerated;
    expect(generated).toMatchObject({ draftId, offline: true, model: 'offline/extractive' });
    expect(generated.text).toContain('Hello Jo,');
    expect(generated.text).toContain('Forwarders in cPanel');
    expect(generated.citations.map((citation) => citation.index)).toEqual([2]);
  });
});
