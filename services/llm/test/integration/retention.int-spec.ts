import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

import { InteractionsEvent, InteractionsRpc } from '@deskpilot/contracts';
import { waitFor } from '@deskpilot/testing';

import { DraftJobRetention } from '../../src/drafts/draft-job-retention';
import { InteractionLogRetention } from '../../src/interactions/interaction-log-retention';
import { LlmTestHarness, finalOf } from './support/llm-test-harness';

describe('llm interaction log retention (PostgreSQL, RabbitMQ)', () => {
  let harness: LlmTestHarness;
  let db: Client;

  beforeAll(async () => {
    harness = await LlmTestHarness.start({
      online: false,
      env: { LLM_LOG_RETENTION_DAYS: '30' },
    });
    db = new Client({ connectionString: harness.databaseUrl });
    await db.connect();
  });

  afterAll(async () => {
    await db.end();
    await harness.stop();
  });

  async function rate(interactionId: string): Promise<void> {
    await harness.publish(InteractionsEvent.FeedbackRecorded, {
      interactionId,
      userId: 'staff-1',
      rating: 'up',
      givenAt: new Date().toISOString(),
    });
  }

  async function count(sql: string, params: unknown[]): Promise<number> {
    const result = await db.query<{ n: string }>(sql, params);
    return Number(result.rows[0]?.n);
  }

  it('should delete the entries older than the period with their feedback and keep the rest', async () => {
    const kept = finalOf(await harness.ask({ question: 'How do I restart Apache?' }));
    const aged = finalOf(await harness.ask({ question: 'How do I reset a cPanel password?' }));
    await rate(kept.interactionId);
    await rate(aged.interactionId);
    const feedbackOf = (id: string): Promise<number> =>
      count(`SELECT count(*) AS n FROM "llm"."interaction_feedback" WHERE "interaction_id" = $1`, [
        id,
      ]);
    await waitFor(async () => (await feedbackOf(kept.interactionId)) === 1);
    await waitFor(async () => (await feedbackOf(aged.interactionId)) === 1);
    await db.query(
      `UPDATE "llm"."interactions" SET "created_at" = now() - interval '31 days' WHERE "id" = $1`,
      [aged.interactionId],
    );
    const oldJob = randomUUID();
    const newJob = randomUUID();
    await db.query(
      `INSERT INTO "llm"."draft_jobs" ("draft_id", "ticket_id", "state", "interaction_id", "claimed_at")
       VALUES ($1, '1', 'generated', $3, now() - interval '40 days'), ($2, '2', 'generated', $3, now())`,
      [oldJob, newJob, randomUUID()],
    );

    expect(await harness.provider(InteractionLogRetention).prune()).toBe(1);
    expect(await harness.provider(DraftJobRetention).prune()).toBe(1);

    await expect(
      harness.bus.request(InteractionsRpc.Get, { id: aged.interactionId }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await harness.bus.request(InteractionsRpc.Get, { id: kept.interactionId })).id).toBe(
      kept.interactionId,
    );
    expect(await feedbackOf(aged.interactionId)).toBe(0);
    expect(await feedbackOf(kept.interactionId)).toBe(1);
    expect(
      await count(`SELECT count(*) AS n FROM "llm"."draft_jobs" WHERE "draft_id" = ANY($1)`, [
        [oldJob, newJob],
      ]),
    ).toBe(1);
    expect(await harness.provider(InteractionLogRetention).prune()).toBe(0);
    expect(await harness.provider(DraftJobRetention).prune()).toBe(0);
  });
});
