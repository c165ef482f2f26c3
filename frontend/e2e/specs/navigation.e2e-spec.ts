import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';

import { waitFor } from '@deskpilot/testing';

import {
  launchChromium,
  openPage,
  openSignedIn,
  saveScreenshot,
  signedInContext,
} from '../support/browser';
import { AdminApi } from '../support/console-api';
import { e2eEnvironment } from '../support/environment';

const ADMIN_ONLY = [
  'Knowledge base',
  'Bot settings',
  'Logs & analytics',
  'Users',
  'Audit log',
  'Operations',
];
const EVERYONE = ['Home', 'Chat', 'Tickets & drafts'];

async function navigationLinks(page: Page): Promise<string[]> {
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await nav.getByRole('link', { name: 'Home' }).waitFor();
  return (await nav.getByRole('link').locator('.nav-label').allInnerTexts()).map((text) =>
    text.trim(),
  );
}

/** The count a Home entry shows, once it is loaded. */
async function countOf(entry: Locator): Promise<number> {
  const value = entry.locator('.count-value');
  await value.filter({ hasText: /^\d+$/ }).waitFor();
  return Number(await value.innerText());
}

describe('Role-aware navigation', () => {
  let browser: Browser;
  let context: BrowserContext | undefined;
  let staffContext: BrowserContext;

  beforeAll(async () => {
    browser = await launchChromium();
    const staff = await new AdminApi().createUser('staff', 'Kim Lee');
    staffContext = await signedInContext(browser, staff);
  });

  afterAll(async () => {
    await browser.close();
  });

  afterEach(async () => {
    await context?.close();
    context = undefined;
    for (const page of staffContext.pages()) {
      await page.close();
    }
  });

  it('should offer an administrator every screen, grouped, on the home page and in the sidenav', async () => {
    const opened = await openSignedIn(browser, e2eEnvironment().admin, '/');
    context = opened.context;
    const { page } = opened;
    await page.waitForURL('**/home');

    expect(await navigationLinks(page)).toEqual([...EVERYONE, ...ADMIN_ONLY]);
    const tiles = page.getByRole('main').locator('a.tile');
    expect(await tiles.count()).toBe(EVERYONE.length - 1 + ADMIN_ONLY.length);
    expect(await page.title()).toBe('Home · Deskpilot');
    await saveScreenshot(page, 'home');
  });

  it('should show an administrator the work waiting, each count leading to it', async () => {
    const admin = new AdminApi();
    const blank = `blank-${Date.now()}.txt`;
    await admin.upload(blank, '   \n   ');
    await waitFor(
      async () => (await admin.documents({ search: blank })).items[0]?.status === 'failed',
      { timeoutMs: 30_000, message: 'the blank file failed' },
    );
    const opened = await openSignedIn(browser, e2eEnvironment().admin, '/home');
    context = opened.context;
    const { page } = opened;
    const waiting = page.getByRole('list', { name: 'Waiting for you' });

    const ready = waiting.locator('[data-waiting="ready-drafts"]');
    const shown = await countOf(ready);
    const total = (await admin.drafts({ status: 'ready', pageSize: '1' })).total;
    expect(shown).toBe(total);
    expect(await ready.innerText()).toMatch(
      total === 0 ? /No customer is waiting on a draft/ : /The longest waiting customer: /,
    );
    expect(await countOf(waiting.locator('[data-waiting="knowledge-gaps"]'))).toBe(
      (await admin.knowledgeGaps(7)).weakAnswers,
    );
    const failed = waiting.locator('[data-waiting="failed-documents"]');
    expect(await countOf(failed)).toBeGreaterThanOrEqual(1);
    expect(await failed.innerText()).toContain('not indexed');

    await failed.click();
    await page.waitForURL('**/knowledge?status=failed');
    await page.locator('tr[data-title]', { hasText: blank }).getByText('Failed').waitFor();
    expect(await page.locator('tr[data-title]').filter({ hasText: 'Indexed' }).count()).toBe(0);
    await page.goBack();
    await ready.click();
    await page.waitForURL('**/tickets');
  });

  it('should count a new draft on Home as soon as it is ready, without a reload', async () => {
    const admin = new AdminApi();
    const opened = await openSignedIn(browser, e2eEnvironment().admin, '/home');
    context = opened.context;
    const ready = opened.page
      .getByRole('list', { name: 'Waiting for you' })
      .locator('[data-waiting="ready-drafts"]');
    const readyNow = async () => (await admin.drafts({ status: 'ready', pageSize: '1' })).total;
    const before = await countOf(ready);
    expect(before).toBe(await readyNow());

    await admin.guestOpensTicket(
      `Site down after the PHP upgrade ${Date.now()}`,
      'Since this morning our WordPress site shows a blank page. What should we check?',
    );
    await admin.pollWhmcs();

    await waitFor(
      async () => {
        const shown = await countOf(ready);
        return shown > before && shown === (await readyNow());
      },
      { timeoutMs: 30_000, message: 'the new draft was not counted' },
    );
  });

  it('should count a document that fails to index on Home as it fails, without a reload', async () => {
    const admin = new AdminApi();
    const failedNow = async () => (await admin.documents({ status: 'failed' })).total;
    const opened = await openSignedIn(browser, e2eEnvironment().admin, '/home');
    context = opened.context;
    const waiting = opened.page.getByRole('list', { name: 'Waiting for you' });
    await waiting
      .locator('[data-waiting="ready-drafts"] .count-value')
      .filter({ hasText: /\d/ })
      .waitFor();
    const before = await failedNow();

    await admin.upload(`blank-live-${Date.now()}.txt`, '  \n  ');

    await waitFor(
      async () => {
        const failed = waiting.locator('[data-waiting="failed-documents"]');
        return (
          (await failed.count()) === 1 &&
          (await countOf(failed)) > before &&
          (await countOf(failed)) === (await failedNow())
        );
      },
      { timeoutMs: 30_000, message: 'the failed document was not counted' },
    );
  });

  it('should offer staff only their screens and refuse the administration pages', async () => {
    const page = await openPage(staffContext, '/home');

    expect(await navigationLinks(page)).toEqual(EVERYONE);
    const waiting = page.getByRole('list', { name: 'Waiting for you' });
    await countOf(waiting.locator('[data-waiting="ready-drafts"]'));
    expect(await waiting.locator('[data-waiting="knowledge-gaps"]').count()).toBe(0);
    expect(await waiting.locator('[data-waiting="failed-documents"]').count()).toBe(0);

    for (const path of ['/users', '/audit', '/operations', '/knowledge']) {
      await page.goto(path);
      await page.getByTestId('forbidden').waitFor();
      expect(await page.getByTestId('forbidden').innerText()).toContain(path);
    }
  });

  it('should let a keyboard user skip to the content and reach the navigation', async () => {
    const page = await openPage(staffContext, '/home');
    await page.getByRole('heading', { level: 1 }).waitFor();

    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent.trim())).toBe(
      'Skip to main content',
    );
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');

    const chat = page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Chat' });
    await chat.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL('**/chat');
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toBe('Chat');
    expect(await chat.getAttribute('aria-current')).toBe('page');
  });
});
