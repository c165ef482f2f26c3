import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { of } from 'rxjs';

import { DraftingEvent, catalog, topology } from '@deskpilot/contracts';
import type { Consumer } from '@deskpilot/messaging';
import { AmqpBroker, DEFAULT_RETRY_POLICY, newMeta } from '@deskpilot/messaging';
import { createLogger } from '@deskpilot/observability';
import { waitFor } from '@deskpilot/testing';

import { launchChromium, openPage, saveScreenshot, signedInContext } from '../support/browser';
import { AdminApi } from '../support/console-api';
import { e2eEnvironment } from '../support/environment';

const SERVICES = ['gateway', 'ingest', 'retrieval', 'llm', 'whmcs-sync'];

/**
 * A whmcs-sync replica on the system's bus, consuming drafts as the real service does: it
 * validates every message before its handler runs, so a malformed draft is dead-lettered.
 */
async function attachDraftConsumer(): Promise<{ broker: AmqpBroker; consumer: Consumer }> {
  const routes = topology['whmcs-sync'];
  const broker = new AmqpBroker({
    catalog,
    topology: {
      ...topology,
      'whmcs-sync': {
        ...routes,
        events: [...new Set([...routes.events, DraftingEvent.DraftGenerated])],
      },
    },
    retry: DEFAULT_RETRY_POLICY,
    url: e2eEnvironment().amqpUrl,
    connectionName: 'console-e2e',
    logger: createLogger({ service: 'console-e2e', instanceId: 'e2e', level: 'silent' }),
  });
  await broker.connect();
  const consumer = await broker.consume(
    { service: 'whmcs-sync', instanceId: `e2e-${randomUUID()}`, prefetch: 4 },
    { onEvent: () => Promise.resolve(), onRequest: () => of(null) },
  );
  return { broker, consumer };
}

describe('Operations', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const admin = new AdminApi();

  beforeAll(async () => {
    browser = await launchChromium();
    context = await signedInContext(browser, e2eEnvironment().admin);
  });

  afterAll(async () => {
    await browser.close();
  });

  beforeEach(async () => {
    page = await openPage(context, '/operations');
  });

  afterEach(async () => {
    await page.close();
  });

  it('should show every service ready with its dependencies, and the queues', async () => {
    await page.getByTestId('overall-status').filter({ hasText: 'All services ready' }).waitFor();
    for (const service of SERVICES) {
      const card = page.locator(`[data-service="${service}"]`);
      expect(await card.innerText()).toContain('Ready');
      expect(await card.getByRole('list').innerText()).toContain('bus');
    }
    const queues = page.getByRole('table', { name: 'Queue depths' });
    await queues.locator('tr[data-queue="deskpilot.whmcs-sync.events"]').waitFor();
    await page.getByText(/RabbitMQ · \d+ messages? waiting/).waitFor();
    await saveScreenshot(page, 'operations');
  });

  it('should show a dead letter with its reason and replay it after confirmation', async () => {
    // Only while this test runs: the replica also takes a share of whmcs-sync's requests.
    const bus = await attachDraftConsumer();
    try {
      await showAndReplayDeadLetter(bus.broker);
    } finally {
      await bus.consumer.stop();
      await bus.broker.close();
    }
  });

  async function showAndReplayDeadLetter(broker: AmqpBroker): Promise<void> {
    const id = randomUUID();
    await broker.publish(
      { ...newMeta(DraftingEvent.DraftGenerated, randomUUID(), 'llm'), id },
      { draftId: 'draft-7', ticketId: '4711', text: 'Hello', confidence: 1.5 },
    );
    const first = await waitFor(
      async () => (await admin.deadLetters()).items.find((letter) => letter.id === id),
      { timeoutMs: 10_000, message: 'the malformed draft was not dead-lettered' },
    );

    await page.getByRole('button', { name: 'Refresh' }).click();
    const row = page.locator(`tr[data-letter="${id}"]`);
    await row.waitFor();
    expect(await row.innerText()).toContain('llm.draft.generated');
    expect(await row.innerText()).toContain('invalid payload for llm.draft.generated');
    const toggle = row.getByRole('button', { name: 'Details of llm.draft.generated' });
    const details = page.locator(`#letter-${id}`);
    // A click that lands while the list is being drawn again is lost: open until it shows.
    await waitFor(
      async () => {
        if ((await toggle.getAttribute('aria-expanded')) !== 'true') {
          await toggle.click();
        }
        return (await details.count()) > 0;
      },
      { timeoutMs: 10_000, message: 'the dead letter details did not open' },
    );
    expect(await details.innerText()).toContain('deskpilot.whmcs-sync.events');
    expect(await details.innerText()).toContain('"ticketId":"4711"');
    await page.locator('dp-dead-letters-panel').evaluate((panel) => {
      panel.scrollIntoView();
    });
    await saveScreenshot(page, 'operations-dead-letters');

    await row.getByRole('button', { name: 'Replay' }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.innerText()).toContain('back to the queue it failed on');
    await dialog.getByRole('button', { name: 'Replay' }).click();

    await page.getByText('1 message sent back to its queue').waitFor();
    // The cause is not fixed, so the consumer refuses it again: it went back and was handled.
    const again = await waitFor(
      async () =>
        (await admin.deadLetters()).items.find(
          (letter) => letter.id === id && letter.deadAt > first.deadAt,
        ),
      { timeoutMs: 10_000, message: 'the replayed draft was not handled again' },
    );
    expect(again.reason).toBe(first.reason);
    const audit = await admin.audit({ action: 'ops.dead_letters.replayed' });
    expect(audit.items[0]).toMatchObject({
      actorEmail: e2eEnvironment().admin.email,
      targetId: 'whmcs-sync',
      details: { replayed: 1, ids: [id] },
    });
  }

  it('should show the WHMCS connection, stop on a 403 and resume when told', async () => {
    const panel = page.locator('dp-whmcs-panel');
    const state = panel.getByTestId('whmcs-state');
    await state.waitFor();
    const { whmcsUrl } = await admin.syncStatus();
    expect(await panel.innerText()).toContain(whmcsUrl);
    await panel.getByRole('button', { name: 'Poll now' }).click();
    await page.getByText(/WHMCS listed \d+ tickets awaiting a reply; \d+ read/).waitFor();
    await page.getByRole('button', { name: 'OK' }).click();

    // The built-in WHMCS refuses the next call as it refuses a banned address.
    const fault = await fetch(`${whmcsUrl}/_sim/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ rules: [{ fault: 'ip-banned', count: 1 }] }),
    });
    expect(fault.ok).toBe(true);
    await admin.pollWhmcs().catch(() => undefined);
    await waitFor(async () => (await admin.syncStatus()).state === 'blocked', {
      message: 'polling stopped after the 403',
    });
    await page.getByRole('button', { name: 'Refresh' }).click();
    await state.filter({ hasText: 'Stopped: WHMCS refused access' }).waitFor();
    expect(await panel.getByRole('alert').innerText()).toContain('WHMCS answered 403');
    const alerts = panel.getByRole('list', { name: 'WHMCS alerts' });
    expect(await alerts.locator('li.open').innerText()).toContain('WHMCS refused access (403)');
    await panel.evaluate((element) => {
      element.scrollIntoView();
    });
    await saveScreenshot(page, 'operations-whmcs');

    // Administrators learn of it where they start, and on the draft queue.
    const stopped = page
      .getByRole('alert')
      .filter({ hasText: 'WHMCS polling and posting are stopped' });
    for (const screen of ['Home', 'Tickets & drafts']) {
      await page.getByRole('link', { name: screen, exact: true }).click();
      await stopped.waitFor();
      expect(await stopped.innerText()).toContain('IP Banned');
    }
    await stopped.getByRole('link', { name: 'Open Operations' }).click();
    await page.waitForURL(/\/operations$/);

    await panel.getByRole('button', { name: 'Resume polling' }).click();
    await page.getByText('Polling and posting resumed.').waitFor();
    await panel.getByRole('button', { name: 'Poll now' }).waitFor();
    expect((await admin.syncStatus()).state).not.toBe('blocked');
    await page.getByRole('link', { name: 'Home', exact: true }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await stopped.count()).toBe(0);
    const audit = await admin.audit({ action: 'tickets.sync.resumed' });
    expect(audit.items[0]).toMatchObject({
      actorEmail: e2eEnvironment().admin.email,
      targetId: whmcsUrl,
    });
  });

  it('should choose the departments whose tickets get drafts, and go back to all', async () => {
    const { departments } = await admin.departments();
    const [left, ...drafted] = departments;
    expect(drafted.length).toBeGreaterThan(0);
    const panel = page.locator('dp-whmcs-panel');
    const row = panel.locator('dd.departments');
    await row.filter({ hasText: 'Every department' }).waitFor();

    await panel.getByRole('button', { name: 'Choose departments' }).click();
    const dialog = page.getByRole('dialog', { name: 'Departments that get drafts' });
    await dialog.getByRole('radio', { name: 'Only these departments' }).check();
    await dialog.getByRole('checkbox', { name: left?.name ?? '' }).uncheck();
    await dialog.getByRole('button', { name: 'Save' }).click();

    await page.getByText('The departments that get drafts were saved.').waitFor();
    expect(await row.innerText()).toContain(
      drafted.map((department) => department.name).join(', '),
    );
    const saved = await admin.departments();
    expect(saved.source).toBe('chosen');
    expect(saved.departments.find((department) => department.id === left?.id)?.drafts).toBe(false);
    const audit = await admin.audit({ action: 'tickets.departments.changed' });
    expect(audit.items[0]?.details).toEqual({
      drafted: drafted.map((department) => department.name),
    });

    await panel.getByRole('button', { name: 'Choose departments' }).click();
    await dialog.getByRole('radio', { name: 'Every department, also ones added later' }).check();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await row.filter({ hasText: 'Every department' }).waitFor();
    expect((await admin.departments()).source).toBe('all');
  });
});
