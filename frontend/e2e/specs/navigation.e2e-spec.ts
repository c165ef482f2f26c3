import type { Browser, BrowserContext, Page } from 'playwright-core';

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
    const tiles = page.getByRole('main').getByRole('link');
    expect(await tiles.count()).toBe(EVERYONE.length - 1 + ADMIN_ONLY.length);
    expect(await page.title()).toBe('Home · Deskpilot');
    await saveScreenshot(page, 'home');
  });

  it('should offer staff only their screens and refuse the administration pages', async () => {
    const page = await openPage(staffContext, '/home');

    expect(await navigationLinks(page)).toEqual(EVERYONE);

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
