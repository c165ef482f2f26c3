import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

import { AnalyticsRpc, InteractionsRpc } from '@deskpilot/contracts';

import { LlmTestHarness, finalOf } from './support/llm-test-harness';

const PHISHING = [
  'Phishing site on your server: a fake PayPal login page, please take it down',
  'Please take down the phishing site on your server, a fake PayPal login page',
];

describe('llm dismissed topics', () => {
  let harness: LlmTestHarness;
  const from = new Date().toISOString();
  const range = (): { from: string; to: string } => ({
    from,
    to: new Date(Date.now() + 60_000).toISOString(),
  });

  beforeAll(async () => {
    harness = await LlmTestHarness.start({ online: false });
    // Nothing found: every answer cites nothing and is weak.
    harness.searchHits = [];
  });

  afterAll(async () => {
    await harness.stop();
  });

  async function ask(question: string): Promise<string> {
    const final = finalOf(await harness.ask({ question }));
    expect(final.outcome).toBe('ok');
    return final.interactionId;
  }

  it("should dismiss a topic's new questions as they are logged, until it is given up", async () => {
    // Asked ten days ago, before the range looked at: one on the topic, one not.
    const [earlier, unrelated] = [randomUUID(), randomUUID()];
    await logEarlier(
      harness.databaseUrl,
      earlier,
      'A fake PayPal login page on your server is phishing',
    );
    await logEarlier(harness.databaseUrl, unrelated, 'How do I point my domain at a new server?');
    const asked = [await ask(PHISHING[0] ?? ''), await ask(PHISHING[1] ?? '')];
    const before = await harness.bus.request(AnalyticsRpc.KnowledgeGaps, range());
    expect(before).toMatchObject({ weakAnswers: 2, closed: 0, dismissedTopics: [] });
    const [phishing] = before.gaps;
    expect([...(phishing?.interactionIds ?? [])].sort()).toEqual([...asked].sort());

    const dismissed = await harness.bus.request(AnalyticsRpc.CloseGap, {
      interactionIds: phishing?.interactionIds ?? [],
      resolution: 'dismissed',
      documentId: null,
      closedBy: 'admin-1',
      closedByName: 'Ada Admin',
      dismissTopic: true,
    });
    // The earlier question on the topic is closed with them.
    expect(dismissed).toEqual({ closed: 3, topicId: expect.any(String) as string });
    expect(await closure(harness.databaseUrl, earlier)).toMatchObject({
      topic_id: dismissed.topicId,
    });
    expect(await closure(harness.databaseUrl, unrelated)).toBeUndefined();
    const after = await harness.bus.request(AnalyticsRpc.KnowledgeGaps, range());
    expect(after).toMatchObject({ weakAnswers: 0, closed: 2, gaps: [] });
    expect(after.dismissedTopics).toEqual([
      {
        id: dismissed.topicId,
        terms: phishing?.terms,
        dismissedBy: 'Ada Admin',
        dismissedAt: expect.any(String) as string,
        questions: 3,
      },
    ]);

    // A new question on the topic is closed as it is logged; one on another topic is not.
    const again = await ask(
      'Another phishing site on your server, a fake PayPal login. Take it down',
    );
    const ssl = await ask('How do I renew the SSL certificate of my domain?');
    const later = await harness.bus.request(AnalyticsRpc.KnowledgeGaps, range());
    expect(later).toMatchObject({ weakAnswers: 1, closed: 3 });
    expect(later.gaps.flatMap((gap) => gap.interactionIds)).toEqual([ssl]);
    expect(later.dismissedTopics.map((topic) => topic.questions)).toEqual([4]);
    expect(await closure(harness.databaseUrl, again)).toEqual({
      resolution: 'dismissed',
      closed_by: 'admin-1',
      topic_id: dismissed.topicId,
    });
    expect((await harness.bus.request(InteractionsRpc.Get, { id: again })).gapClosure).toEqual({
      resolution: 'dismissed',
      documentId: null,
      topicTerms: phishing?.terms,
      closedAt: expect.any(String) as string,
    });
    expect((await harness.bus.request(InteractionsRpc.Get, { id: ssl })).gapClosure).toBeNull();

    // Given up: what it closed stays closed, new questions on it are gaps again.
    const topicId = dismissed.topicId ?? '';
    expect(await harness.bus.request(AnalyticsRpc.ForgetDismissedTopic, { topicId })).toEqual({
      forgotten: true,
      reopened: 0,
    });
    expect(await harness.bus.request(AnalyticsRpc.ForgetDismissedTopic, { topicId })).toEqual({
      forgotten: false,
      reopened: 0,
    });
    const newest = await ask('Phishing report: a fake PayPal login page on your server');
    const forgotten = await harness.bus.request(AnalyticsRpc.KnowledgeGaps, range());
    expect(forgotten).toMatchObject({ weakAnswers: 2, closed: 3, dismissedTopics: [] });
    expect(forgotten.gaps.flatMap((gap) => gap.interactionIds).sort()).toEqual(
      [ssl, newest].sort(),
    );
    expect(await closure(harness.databaseUrl, again)).toMatchObject({ topic_id: null });
    expect(
      (await harness.bus.request(InteractionsRpc.Get, { id: again })).gapClosure,
    ).toMatchObject({ resolution: 'dismissed', topicTerms: null });
  });

  it('should reopen what a topic closed when its dismissal is undone', async () => {
    const asked = [
      await ask('Spam complaint: your server 203.0.113.9 sends spam mail to our users'),
      await ask('Your server 203.0.113.9 sends spam mail to our users, a spam complaint'),
    ];
    const { topicId } = await harness.bus.request(AnalyticsRpc.CloseGap, {
      interactionIds: asked,
      resolution: 'dismissed',
      documentId: null,
      closedBy: 'admin-1',
      dismissTopic: true,
    });

    expect(
      await harness.bus.request(AnalyticsRpc.ForgetDismissedTopic, {
        topicId: topicId ?? '',
        reopen: true,
      }),
    ).toEqual({ forgotten: true, reopened: 2 });
    for (const id of asked) {
      expect(await closure(harness.databaseUrl, id)).toBeUndefined();
    }
  });

  it('should keep no topic when only closing, and none from questions no longer logged', async () => {
    const question = await ask('Spam complaint about mail sent from your network');

    expect(
      await harness.bus.request(AnalyticsRpc.CloseGap, {
        interactionIds: [question],
        resolution: 'dismissed',
        documentId: null,
        closedBy: 'admin-1',
      }),
    ).toEqual({ closed: 1, topicId: null });
    expect(
      await harness.bus.request(AnalyticsRpc.CloseGap, {
        interactionIds: ['0b7d3c9e-5a2f-4c1d-9e8b-7a6f5e4d3c2b'],
        resolution: 'dismissed',
        documentId: null,
        closedBy: 'admin-1',
        dismissTopic: true,
      }),
    ).toEqual({ closed: 0, topicId: null });
    expect(
      (await harness.bus.request(AnalyticsRpc.KnowledgeGaps, range())).dismissedTopics,
    ).toEqual([]);
  });
});

async function closure(
  databaseUrl: string,
  interactionId: string,
): Promise<Record<string, unknown> | undefined> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<Record<string, unknown>>(
      `SELECT "resolution", "closed_by", "topic_id" FROM "llm"."gap_closures"
        WHERE "interaction_id" = $1`,
      [interactionId],
    );
    return rows[0];
  } finally {
    await client.end();
  }
}

/** A chat question answered without a source ten days ago, put in the log directly. */
async function logEarlier(databaseUrl: string, id: string, question: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "llm"."interactions"
         ("id", "kind", "user_id", "question", "outcome", "created_at", "citations", "flags")
       VALUES ($1, 'chat', 'user-1', $2, 'ok', now() - interval '10 days', '[]', '{}')`,
      [id, question],
    );
  } finally {
    await client.end();
  }
}
