import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

import type { DraftFlags, InteractionStatsResponse } from '@deskpilot/contracts';
import { AnalyticsRpc, InteractionsEvent, InteractionsRpc } from '@deskpilot/contracts';
import { waitFor } from '@deskpilot/testing';

import { LlmTestHarness, finalOf } from './support/llm-test-harness';

interface LoggedRow {
  readonly kind: 'chat' | 'draft' | 'playground';
  readonly outcome: 'ok' | 'failed';
  readonly at: string;
  readonly firstTokenMs: number | null;
  readonly totalMs: number | null;
  readonly promptTokens: number | null;
  readonly completionTokens: number | null;
  readonly costUsd: number | null;
  /** Documents cited, as [document, title] pairs. */
  readonly cites: readonly (readonly [string, string])[];
  /** The answer's flags on topic coverage and the best document left out, when judged. */
  readonly flags?: Pick<DraftFlags, 'topicCoverage' | 'bestLeftOut'>;
}

const APACHE = randomUUID();
const LOGS = randomUUID();
const OTHER = randomUUID();

/** Interactions of two days in March, put in place with known numbers. */
const MARCH: readonly LoggedRow[] = [
  row(
    'chat',
    'ok',
    '2026-03-01T10:05:00Z',
    100,
    1_000,
    500,
    100,
    0.01,
    [
      [APACHE, 'Restarting Apache'],
      [LOGS, 'Web server logs'],
    ],
    { topicCoverage: 0.9, bestLeftOut: { documentId: OTHER, documentTitle: 'Nginx', lead: 0.1 } },
  ),
  row(
    'chat',
    'ok',
    '2026-03-01T10:40:00Z',
    300,
    2_000,
    700,
    150,
    0.02,
    [
      [APACHE, 'Restarting Apache'],
      [APACHE, 'Restarting Apache'],
    ],
    { topicCoverage: 0.2, bestLeftOut: { documentId: OTHER, documentTitle: 'Nginx', lead: 0.6 } },
  ),
  row('draft', 'ok', '2026-03-01T11:15:00Z', 200, 3_000, 900, 250, 0.03, [], {
    topicCoverage: 0,
  }),
  row('chat', 'failed', '2026-03-01T11:30:00Z', null, 400, null, null, null, [
    [LOGS, 'Web server logs'],
  ]),
  row('playground', 'ok', '2026-03-02T03:00:00Z', 500, 5_000, 1_000, 300, 0.05, [
    [LOGS, 'Apache and nginx logs'],
  ]),
];

interface AskedRow {
  readonly label: string;
  readonly kind: LoggedRow['kind'];
  readonly at: string;
  readonly question: string;
  readonly ticketId: string | null;
  readonly subject: string | null;
  /** Whether the answer cites a passage on its question. */
  readonly cited: boolean;
  /** A follow-up's question as the model rewrote it for the search. */
  readonly rewrite?: string;
}

/**
 * Answers of a day in April: two weak ones about SPF records for Outlook (a chat question and a
 * ticket drafted twice), a weak one about an invoice, and two that do not count (a good answer
 * and a playground run).
 */
const APRIL: readonly AskedRow[] = [
  asked('chat-spf', 'chat', '09:00', 'Outlook rejects our mail, is the SPF record wrong?'),
  asked('draft-spf-1', 'draft', '10:00', 'Hi, where do I add an SPF record? Thanks', '77'),
  {
    ...asked(
      'draft-spf-2',
      'draft',
      '11:00',
      'Hello, where do I add the SPF record for Outlook delivery? Regards',
      '77',
    ),
    subject: 'Mail to Outlook bounces',
  },
  {
    ...asked('chat-invoice', 'chat', '12:00', 'And why twice this month?'),
    rewrite: 'Why was my invoice charged twice this month?',
  },
  { ...asked('chat-good', 'chat', '13:00', 'SPF record for Outlook'), cited: true },
  asked('playground', 'playground', '14:00', 'Outlook SPF record wrong'),
];

function asked(
  label: string,
  kind: LoggedRow['kind'],
  time: string,
  question: string,
  ticketId: string | null = null,
): AskedRow {
  return {
    label,
    kind,
    at: `2026-04-02T${time}:00Z`,
    question,
    ticketId,
    subject: null,
    cited: false,
  };
}

function row(
  kind: LoggedRow['kind'],
  outcome: LoggedRow['outcome'],
  at: string,
  firstTokenMs: number | null,
  totalMs: number | null,
  promptTokens: number | null,
  completionTokens: number | null,
  costUsd: number | null,
  cites: LoggedRow['cites'],
  flags?: LoggedRow['flags'],
): LoggedRow {
  return {
    ...(flags === undefined ? {} : { flags }),
    kind,
    outcome,
    at,
    firstTokenMs,
    totalMs,
    promptTokens,
    completionTokens,
    costUsd,
    cites,
  };
}

function citationsOf(logged: LoggedRow): string {
  return JSON.stringify(
    logged.cites.map(([documentId, documentTitle], index) => ({
      index: index + 1,
      chunkId: randomUUID(),
      documentId,
      documentTitle,
      headingPath: [],
      excerpt: 'Run systemctl restart httpd.',
    })),
  );
}

describe('llm interaction statistics', () => {
  let harness: LlmTestHarness;
  const ids: string[] = [];
  const april = new Map<string, string>();

  beforeAll(async () => {
    harness = await LlmTestHarness.start({ online: false });
    const client = new Client({ connectionString: harness.databaseUrl });
    await client.connect();
    try {
      for (const logged of MARCH) {
        const id = randomUUID();
        ids.push(id);
        await client.query(
          `INSERT INTO "llm"."interactions"
             ("id", "kind", "user_id", "question", "model", "outcome", "first_token_ms",
              "total_ms", "prompt_tokens", "completion_tokens", "cost_usd", "created_at",
              "citations", "flags")
           VALUES ($1, $2, 'user-1', 'How do I restart Apache?', 'openai/gpt-4o-mini', $3, $4,
                   $5, $6, $7, $8, $9, $10, $11)`,
          [
            id,
            logged.kind,
            logged.outcome,
            logged.firstTokenMs,
            logged.totalMs,
            logged.promptTokens,
            logged.completionTokens,
            logged.costUsd,
            logged.at,
            citationsOf(logged),
            logged.flags === undefined ? null : JSON.stringify(logged.flags),
          ],
        );
      }
      for (const one of APRIL) {
        const id = randomUUID();
        april.set(one.label, id);
        await client.query(
          `INSERT INTO "llm"."interactions"
             ("id", "kind", "user_id", "ticket_id", "ticket_subject", "question", "outcome",
              "created_at", "citations", "flags")
           VALUES ($1, $2, 'user-1', $3, $4, $5, 'ok', $6, $7, $8)`,
          [
            id,
            one.kind,
            one.ticketId,
            one.subject,
            one.question,
            one.at,
            one.cited
              ? citationsOf(row(one.kind, 'ok', one.at, 1, 1, 1, 1, 0, [[LOGS, 'SPF']]))
              : '[]',
            JSON.stringify({
              topicCoverage: one.cited ? 0.9 : 0,
              ...(one.rewrite === undefined ? {} : { searchRewrite: { query: one.rewrite } }),
            }),
          ],
        );
      }
    } finally {
      await client.end();
    }
    // Distinct times, since the llm keeps each user's latest rating and takes events concurrently.
    let second = 0;
    const rate = async (index: number, userId: string, rating: 'up' | 'down' | null) => {
      second += 1;
      await harness.publish(InteractionsEvent.FeedbackRecorded, {
        interactionId: ids[index] ?? '',
        userId,
        rating,
        givenAt: new Date(Date.UTC(2026, 2, 3, 9, 0, second)).toISOString(),
      });
    };
    await rate(0, 'user-1', 'up');
    await rate(1, 'user-1', 'down');
    await rate(1, 'user-2', 'up');
    await rate(2, 'user-1', 'up');
    await rate(2, 'user-1', null);
    const expected = [`${ids[0]} up`, `${ids[1]} down`, `${ids[1]} up`, `${ids[2]} none`].sort();
    await waitFor(
      async () => {
        const reader = new Client({ connectionString: harness.databaseUrl });
        await reader.connect();
        try {
          const { rows } = await reader.query<{ interaction_id: string; rating: string | null }>(
            `SELECT "interaction_id", "rating" FROM "llm"."interaction_feedback"`,
          );
          const stored = rows.map((one) => `${one.interaction_id} ${one.rating ?? 'none'}`);
          return stored.sort().join() === expected.join();
        } finally {
          await reader.end();
        }
      },
      { message: 'feedback copied onto the log' },
    );
  });

  afterAll(async () => {
    await harness.stop();
  });

  it('should count, sum and take percentiles per day, with totals', async () => {
    const stats: InteractionStatsResponse = await harness.bus.request(
      AnalyticsRpc.InteractionStats,
      { from: '2026-03-01T00:00:00Z', to: '2026-03-03T00:00:00Z', bucket: 'day', timeZone: 'UTC' },
    );

    expect(stats.buckets.map((bucket) => bucket.start)).toEqual([
      '2026-03-01T00:00:00.000Z',
      '2026-03-02T00:00:00.000Z',
    ]);
    const [first, second] = stats.buckets;
    expect(first).toMatchObject({
      interactions: 4,
      chat: 3,
      drafts: 1,
      playground: 0,
      failed: 1,
      promptTokens: 2_100,
      completionTokens: 500,
      feedbackUp: 2,
      feedbackDown: 1,
      firstTokenMsP50: 200,
      totalMsP50: 2_000,
    });
    // Only answered interactions count for latency: 100, 200, 300 and 1000, 2000, 3000.
    expect(first?.firstTokenMsP95).toBeCloseTo(290, 6);
    expect(first?.totalMsP95).toBeCloseTo(2_900, 6);
    expect(first?.costUsd).toBeCloseTo(0.06, 9);
    expect(second).toMatchObject({
      interactions: 1,
      playground: 1,
      firstTokenMsP50: 500,
      totalMsP95: 5_000,
      feedbackUp: 0,
    });
    expect(stats.totals).toMatchObject({
      interactions: 5,
      failed: 1,
      promptTokens: 3_100,
      completionTokens: 800,
      feedbackUp: 2,
      feedbackDown: 1,
      firstTokenMsP50: 250,
    });
    expect(stats.totals.costUsd).toBeCloseTo(0.11, 9);
  });

  it('should list the documents the answers cite, with their ratings', async () => {
    const { knowledge } = await harness.bus.request(AnalyticsRpc.InteractionStats, {
      from: '2026-03-01T00:00:00Z',
      to: '2026-03-03T00:00:00Z',
      bucket: 'day',
      timeZone: 'UTC',
    });

    // The failed answer does not count; a document cited twice by one answer counts once; the
    // title is the one the latest answer showed. Of the answers that cite, one says little about
    // its question and another leaves out a document scored about as high; the uncited one is not
    // counted again.
    expect(knowledge).toEqual({
      answers: 4,
      uncited: 1,
      offTopic: 1,
      passedOver: 1,
      documents: [
        { documentId: LOGS, title: 'Apache and nginx logs', answers: 2, helpful: 1, notHelpful: 0 },
        { documentId: APACHE, title: 'Restarting Apache', answers: 2, helpful: 2, notHelpful: 1 },
      ],
    });
  });

  it.each([
    ['whose sources say little about the question', 'off-topic', 1],
    ['that leave out a document scored about as high', 'passed-over', 0],
  ] as const)('should list the answers %s', async (_, cited, row) => {
    const page = await harness.bus.request(InteractionsRpc.List, {
      limit: 50,
      cited,
      from: '2026-03-01T00:00:00Z',
      to: '2026-03-03T00:00:00Z',
    });

    expect(page.items.map((item) => item.id)).toEqual([ids[row]]);
  });

  it('should answer every hour of a short range, empty ones included', async () => {
    const stats = await harness.bus.request(AnalyticsRpc.InteractionStats, {
      from: '2026-03-01T09:00:00Z',
      to: '2026-03-01T13:00:00Z',
      bucket: 'hour',
      timeZone: 'UTC',
    });

    expect(stats.buckets.map((bucket) => [bucket.start, bucket.interactions])).toEqual([
      ['2026-03-01T09:00:00.000Z', 0],
      ['2026-03-01T10:00:00.000Z', 2],
      ['2026-03-01T11:00:00.000Z', 2],
      ['2026-03-01T12:00:00.000Z', 0],
    ]);
    expect(stats.buckets[0]).toMatchObject({ costUsd: 0, firstTokenMsP50: null });
  });

  it('should begin days at midnight in the given time zone', async () => {
    const stats = await harness.bus.request(AnalyticsRpc.InteractionStats, {
      from: '2026-03-01T05:00:00Z',
      to: '2026-03-02T05:00:00Z',
      bucket: 'day',
      timeZone: 'America/New_York',
    });

    // 03:00 UTC on 2 March is still 1 March in New York.
    expect(stats.buckets.map((bucket) => [bucket.start, bucket.interactions])).toEqual([
      ['2026-03-01T05:00:00.000Z', 5],
    ]);
  });

  it('should count the answers it has just given', async () => {
    const from = new Date(Date.now() - 60_000).toISOString();
    const answer = finalOf(await harness.ask({ question: 'How do I forward mail?' }));
    expect(answer.outcome).toBe('ok');

    const stats = await harness.bus.request(AnalyticsRpc.InteractionStats, {
      from,
      to: new Date(Date.now() + 60_000).toISOString(),
      bucket: 'hour',
      timeZone: 'UTC',
    });

    expect(stats.totals).toMatchObject({ interactions: 1, chat: 1, failed: 0 });
    const logged = await harness.bus.request(InteractionsRpc.Get, { id: answer.interactionId });
    expect(stats.totals.totalMsP50).toBe(logged.totalMs);
  });

  it('should group the weakly answered questions by what they ask', async () => {
    const gaps = await harness.bus.request(AnalyticsRpc.KnowledgeGaps, {
      from: '2026-04-02T00:00:00Z',
      to: '2026-04-03T00:00:00Z',
    });

    // The ticket drafted twice counts once, by its newer draft; the good answer and the
    // playground run do not count.
    expect(gaps).toMatchObject({ weakAnswers: 3, grouped: 3 });
    const [spf, invoice] = gaps.gaps;
    expect(gaps.gaps).toHaveLength(2);
    // Both say mail, Outlook, SPF and record; the ticket's subject weighs its words more.
    expect(spf?.terms).toHaveLength(3);
    expect(spf?.terms.slice(0, 2)).toEqual(['outlook', 'mail']);
    expect(spf).toMatchObject({
      questions: 2,
      chat: 1,
      drafts: 1,
      uncited: 2,
      offTopic: 0,
      notHelpful: 0,
      lastAskedAt: '2026-04-02T11:00:00.000Z',
    });
    expect(spf?.examples).toEqual([
      {
        interactionId: april.get('draft-spf-2'),
        kind: 'draft',
        subject: 'Mail to Outlook bounces',
        question: 'Hello, where do I add the SPF record for Outlook delivery? Regards',
        askedAt: '2026-04-02T11:00:00.000Z',
        reasons: ['uncited'],
      },
      expect.objectContaining({ interactionId: april.get('chat-spf'), kind: 'chat' }),
    ]);
    expect(invoice).toMatchObject({ questions: 1, chat: 1 });
    // A follow-up is grouped and shown as the search understood it.
    expect(invoice?.examples.map((example) => [example.interactionId, example.question])).toEqual([
      [april.get('chat-invoice'), 'Why was my invoice charged twice this month?'],
    ]);
  });

  it('should count off-topic and not helpful answers as weak, with their reasons', async () => {
    const gaps = await harness.bus.request(AnalyticsRpc.KnowledgeGaps, {
      from: '2026-03-01T00:00:00Z',
      to: '2026-03-03T00:00:00Z',
    });

    // March: the chat answer off its question and rated down by one of two users, and the
    // uncited draft; the well answered chat, the failed one and the playground run do not count.
    expect(gaps.weakAnswers).toBe(2);
    expect(gaps.gaps).toHaveLength(1);
    expect(gaps.gaps[0]).toMatchObject({
      questions: 2,
      chat: 1,
      drafts: 1,
      uncited: 1,
      offTopic: 1,
      notHelpful: 1,
    });
    expect(
      gaps.gaps[0]?.examples.map((example) => [example.interactionId, example.reasons]),
    ).toEqual([
      [ids[2], ['uncited']],
      [ids[1], ['offTopic', 'notHelpful']],
    ]);
  });

  it('should leave closed questions out until they are reopened or asked again', async () => {
    const april2 = { from: '2026-04-02T00:00:00Z', to: '2026-04-03T00:00:00Z' };
    const before = await harness.bus.request(AnalyticsRpc.KnowledgeGaps, april2);
    const spf = before.gaps.find((gap) => gap.questions === 2);
    expect(spf?.interactionIds).toEqual([april.get('draft-spf-2'), april.get('chat-spf')]);
    const article = randomUUID();
    const close = {
      interactionIds: [...(spf?.interactionIds ?? []), randomUUID()],
      resolution: 'article' as const,
      documentId: article,
      closedBy: 'admin-1',
    };

    // An id the log does not hold is not closed; closing twice closes nothing more.
    expect(await harness.bus.request(AnalyticsRpc.CloseGap, close)).toEqual({
      closed: 2,
      topicId: null,
    });
    expect(await harness.bus.request(AnalyticsRpc.CloseGap, close)).toEqual({
      closed: 0,
      topicId: null,
    });
    const after = await harness.bus.request(AnalyticsRpc.KnowledgeGaps, april2);
    expect(after).toMatchObject({ weakAnswers: 1, closed: 2, grouped: 1 });
    expect(after.gaps.map((gap) => gap.interactionIds)).toEqual([[april.get('chat-invoice')]]);
    const listedClosed = await harness.bus.request(AnalyticsRpc.KnowledgeGaps, {
      ...april2,
      closed: true,
    });
    expect(listedClosed).toMatchObject({ weakAnswers: 1, closed: 2, grouped: 2 });
    expect(listedClosed.gaps.map((gap) => gap.interactionIds)).toEqual([spf?.interactionIds]);
    const stored = await query<{ resolution: string; document_id: string }>(
      harness.databaseUrl,
      `SELECT "resolution", "document_id" FROM "llm"."gap_closures" ORDER BY "interaction_id"`,
    );
    expect(stored).toEqual([
      { resolution: 'article', document_id: article },
      { resolution: 'article', document_id: article },
    ]);

    // The ticket drafted again and still answered weakly is a gap again; the chat stays closed.
    const redraft = randomUUID();
    await query(
      harness.databaseUrl,
      `INSERT INTO "llm"."interactions"
         ("id", "kind", "user_id", "ticket_id", "ticket_subject", "question", "outcome",
          "created_at", "citations", "flags")
       VALUES ($1, 'draft', 'user-1', '77', 'Mail to Outlook bounces',
               'Still bouncing: where does the SPF record go?', 'ok', '2026-04-02T15:00:00Z',
               '[]', '{"topicCoverage": 0}')`,
      [redraft],
    );
    const asked = await harness.bus.request(AnalyticsRpc.KnowledgeGaps, april2);
    expect(asked).toMatchObject({ weakAnswers: 2, closed: 1 });
    expect(asked.gaps.flatMap((gap) => gap.interactionIds).sort()).toEqual(
      [redraft, april.get('chat-invoice')].sort(),
    );
    await query(harness.databaseUrl, `DELETE FROM "llm"."interactions" WHERE "id" = $1`, [redraft]);

    expect(
      await harness.bus.request(AnalyticsRpc.ReopenGap, {
        interactionIds: spf?.interactionIds ?? [],
      }),
    ).toEqual({ reopened: 2 });
    const reopened = await harness.bus.request(AnalyticsRpc.KnowledgeGaps, april2);
    expect(reopened).toMatchObject({ weakAnswers: 3, closed: 0, grouped: 3 });
    expect(reopened.gaps).toEqual(before.gaps);
  });
});

async function query<R extends object = object>(
  databaseUrl: string,
  sql: string,
  params: unknown[] = [],
): Promise<R[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<R>(sql, params)).rows;
  } finally {
    await client.end();
  }
}
