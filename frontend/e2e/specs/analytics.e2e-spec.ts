import type { Browser, BrowserContext } from 'playwright-core';

import { waitFor } from '@deskpilot/testing';

import { launchChromium, openSignedIn, saveScreenshot } from '../support/browser';
import { AdminApi } from '../support/console-api';
import { e2eEnvironment } from '../support/environment';

describe('Logs and analytics', () => {
  let browser: Browser;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await context?.close();
    await browser.close();
  });

  it('should chart the interactions and open one asked in chat with its detail', async () => {
    const admin = new AdminApi();
    const question = `How do I point my domain at the new server? (${Date.now()})`;
    const exchange = await admin.ask(question);
    await admin.rate(exchange.assistantMessage.id, 'up');
    const interactionId = exchange.assistantMessage.interactionId ?? '';
    await waitFor(
      async () =>
        (await admin.interactions({ feedback: 'up' })).items.some(
          (item) => item.id === interactionId,
        ),
      { message: 'the rating copied onto the interaction log' },
    );

    const opened = await openSignedIn(browser, e2eEnvironment().admin, '/analytics');
    context = opened.context;
    const { page } = opened;
    const totals = page.getByRole('definition').first();
    await totals.waitFor();
    expect(Number(await totals.innerText())).toBeGreaterThanOrEqual(1);
    for (const chart of ['volume', 'latency', 'usage', 'feedback', 'drafts', 'acceptance']) {
      const canvas = page.locator(`figure[data-chart="${chart}"] canvas`);
      await canvas.waitFor();
      const box = await canvas.boundingBox();
      expect(box?.height ?? 0).toBeGreaterThan(100);
    }
    expect(
      await page.getByRole('img', { name: /^Interactions: / }).getAttribute('aria-label'),
    ).toMatch(/\d+ chat/);

    const table = page.getByRole('table', { name: 'Interactions' });
    const row = table.locator(`tr[data-id="${interactionId}"]`);
    await row.waitFor();
    expect(await row.innerText()).toContain('1 helpful');
    await saveScreenshot(page, 'analytics');

    await page.getByRole('combobox', { name: 'Feedback' }).click();
    await page.getByRole('option', { name: 'Not helpful' }).click();
    await page.getByRole('listbox').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Apply' }).click();
    await row.waitFor({ state: 'detached' });
    await page.getByRole('combobox', { name: 'Feedback' }).click();
    await page.getByRole('option', { name: 'Helpful', exact: true }).click();
    await page.getByRole('listbox').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Apply' }).click();
    await row.waitFor();

    await row.getByRole('link', { name: question }).click();
    await page.getByRole('heading', { name: 'Interaction', exact: true }).waitFor();
    await page.getByText(question).first().waitFor();
    await page.getByRole('heading', { name: /^Prompt as sent \(\d+ messages\)$/ }).waitFor();
    await page.getByRole('heading', { name: /^Passages \(\d+\)$/ }).waitFor();
    const facts = await page.locator('dl.facts').innerText();
    expect(facts).toContain(exchange.assistantMessage.model ?? 'no model');
    expect(facts).toContain('Helpful');
    expect(facts).toMatch(/Settings version\s+\d+/);
  });
});
