import type { Browser, BrowserContext } from 'playwright-core';

import { launchChromium, openSignedIn, saveScreenshot } from '../support/browser';
import { AdminApi, uniqueEmail } from '../support/console-api';
import { e2eEnvironment } from '../support/environment';

describe('Audit log', () => {
  let browser: Browser;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser.close();
  });

  afterEach(async () => {
    await context?.close();
  });

  it('should list what happened and narrow it down by action and person', async () => {
    const admin = new AdminApi();
    const person = await admin.createUser('staff', 'Quinn Ortiz');
    const stranger = uniqueEmail('stranger');
    await fetch(`${e2eEnvironment().url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: stranger, password: 'guessing-a-password' }),
    });

    const opened = await openSignedIn(browser, e2eEnvironment().admin, '/audit');
    context = opened.context;
    const { page } = opened;
    const table = page.getByRole('table', { name: 'Audit entries' });
    await table.locator('tr[data-action="users.user.created"]').first().waitFor();
    await saveScreenshot(page, 'audit-log');

    await page.getByRole('combobox', { name: 'Action' }).click();
    await page.getByRole('option', { name: 'Sign-in failed' }).click();
    // The closing panel keeps its options for a moment; the next click must find the new one.
    await page.getByRole('listbox').waitFor({ state: 'detached' });
    await page.waitForURL(/action=auth\.login\.failed/);
    const failed = table.locator('tr[data-action="auth.login.failed"]', { hasText: stranger });
    await failed.waitFor();
    await table
      .locator('tr[data-action]:not([data-action="auth.login.failed"])')
      .first()
      .waitFor({ state: 'detached' });

    await page.getByRole('combobox', { name: 'Action' }).click();
    await page.getByRole('option', { name: 'Any action' }).click();
    await page.getByRole('listbox').waitFor({ state: 'detached' });
    await page.getByLabel('Who (email)').fill(e2eEnvironment().admin.email);
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/actor=/);
    const created = table.locator('tr[data-action="users.user.created"]', {
      hasText: person.user.id,
    });
    await created.waitFor();
    await created.getByRole('button', { name: /^Details of / }).click();
    const details = page.locator('dl.details');
    await details.waitFor();
    expect(await details.innerText()).toContain(person.email);

    await page.reload();
    await table.locator('tr[data-action="users.user.created"]').first().waitFor();
    expect(await page.getByLabel('Who (email)').inputValue()).toBe(e2eEnvironment().admin.email);
  });
});
