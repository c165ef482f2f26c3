import type { Browser, BrowserContext, Page } from 'playwright-core';

import { launchChromium, openPage, saveScreenshot, signedInContext } from '../support/browser';
import { AdminApi } from '../support/console-api';
import { e2eEnvironment } from '../support/environment';

describe('Bot settings and playground', () => {
  let browser: Browser;
  let context: BrowserContext;
  const admin = new AdminApi();

  beforeAll(async () => {
    browser = await launchChromium();
    context = await signedInContext(browser, e2eEnvironment().admin);
  });

  afterAll(async () => {
    await context.close();
    await browser.close();
  });

  async function saveVersion(page: Page, change: Record<string, string>, note: string) {
    for (const [label, value] of Object.entries(change)) {
      await page.getByLabel(label, { exact: true }).fill(value);
    }
    await page.getByLabel('Note for the history').fill(note);
    await page.getByRole('button', { name: 'Save as new version' }).click();
  }

  it('should save new versions with a note, show what changed, and roll back', async () => {
    const before = await admin.botSettings();
    const page = await openPage(context, '/bot');
    await page.getByRole('heading', { name: 'Current settings' }).waitFor();
    const history = page.getByRole('table', { name: 'Settings versions' });

    const first = before.version + 1;
    await saveVersion(page, { Temperature: '0.7', Passages: '4' }, 'Calmer answers');
    await page.getByText(`Saved as version ${first}`).waitFor();
    await history.locator(`tr[data-version="${first}"]`, { hasText: 'Calmer answers' }).waitFor();
    expect(await history.locator(`tr[data-version="${first}"]`).innerText()).toContain(
      e2eEnvironment().admin.email,
    );

    const second = first + 1;
    await page.getByRole('checkbox', { name: 'Translate questions for the search' }).uncheck();
    await page
      .getByRole('checkbox', { name: 'Rewrite follow-up questions for the search' })
      .uncheck();
    await saveVersion(page, { 'Max tokens': '500' }, 'Shorter answers');
    await page.getByText(`Saved as version ${second}`).waitFor();
    const diff = page.getByRole('table', { name: `Changes from version ${first} to ${second}` });
    await diff.waitFor();
    const changed = await diff.locator('tbody tr').allInnerTexts();
    expect(changed).toHaveLength(3);
    expect(changed[0]).toMatch(/Max tokens\s+\d+\s+500/);
    expect(changed[1]).toMatch(/Translate questions for the search\s+on\s+off/);
    expect(changed[2]).toMatch(/Rewrite follow-up questions for the search\s+on\s+off/);
    expect((await admin.botSettings()).settings).toMatchObject({
      translateQuestions: false,
      rewriteFollowUps: false,
    });

    await history.getByRole('button', { name: `Roll back to version ${first}` }).click();
    const dialog = page.getByRole('dialog', { name: `Roll back to version ${first}?` });
    await dialog.getByRole('button', { name: 'Roll back' }).click();
    const restored = second + 1;
    await page.getByText(`Version ${first} restored as version ${restored}`).waitFor();
    await history
      .locator(`tr[data-version="${restored}"]`, { hasText: `Restored from ${first}` })
      .waitFor();
    expect(await page.getByLabel('Max tokens', { exact: true }).inputValue()).not.toBe('500');
    const current = await admin.botSettings();
    expect(current).toMatchObject({
      version: restored,
      restoredFrom: first,
      settings: { temperature: 0.7, passages: 4 },
    });
    expect(current.settings.maxTokens).not.toBe(500);
    expect(current.settings).toMatchObject({ translateQuestions: true, rewriteFollowUps: true });
    expect(
      await page.getByRole('checkbox', { name: 'Translate questions for the search' }).isChecked(),
    ).toBe(true);
    await saveScreenshot(page, 'bot-settings');
  });

  it('should answer one question with two settings versions side by side', async () => {
    const current = await admin.botSettings();
    const page = await openPage(context, '/bot/playground');
    await page.getByRole('textbox', { name: 'Question' }).fill('How do I rebot my VPS?');
    await page.getByRole('checkbox', { name: 'Side by side' }).check();
    await page.getByRole('combobox', { name: 'Right: settings' }).click();
    const older = current.version - 1;
    await page.getByRole('option', { name: new RegExp(`^Version ${older}\\b`) }).click();
    await page.getByRole('listbox').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Run' }).click();

    for (const side of ['Current settings', `Version ${older}`]) {
      const result = page.getByRole('region', { name: `Result: ${side}` });
      await result.getByRole('heading', { name: side }).waitFor({ timeout: 30_000 });
      const answer = result.getByRole('region', { name: `Answer, ${side}` });
      expect((await answer.innerText()).replace('Answer', '').trim()).not.toBe('');
      // The embedded mode's sample knowledge base answers with its passages and their scores.
      const passages = result.getByRole('region', { name: `Passages, ${side}` });
      await passages.getByRole('listitem').first().waitFor();
      expect(await passages.getByRole('listitem').count()).toBeGreaterThanOrEqual(1);
      expect(await passages.getByRole('listitem').first().innerText()).toMatch(/\d\.\d{3}/);
      await passages
        .getByRole('status')
        .getByText('The search read “rebot” as “reboot”.')
        .waitFor();
      await result.getByText(/Prompt as sent \(\d+ messages\)/).waitFor();
      // What the confidence weighed: the topic's share in the sources, the lead over the rest.
      const facts = await result.locator('dl.facts').innerText();
      expect(facts).toMatch(/Topic in the sources\s+\d+%/);
      expect(facts).toMatch(/Best article not cited\s+.+ \(the cited ones lead it by \d+%\)/);
    }
    const settingsLine = await page
      .getByRole('region', { name: `Result: Version ${older}` })
      .getByText(/passages · dense/)
      .innerText();
    expect(settingsLine).toContain('4 passages');
    await saveScreenshot(page, 'playground');
  });
});
