import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { chromium } from 'playwright-core';

import type { Credentials } from './console-api';
import { e2eEnvironment } from './environment';

const SCREENSHOTS = join(__dirname, '..', '..', '..', 'docs', 'screenshots');

/** Debian's Chromium, offline: no downloads, no outside connections, no first-run noise. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1',
    ],
  });
}

/** A fresh browser profile (no cookies) pointed at the console (of the shared system by default). */
export async function newConsoleContext(
  browser: Browser,
  url = e2eEnvironment().url,
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: url,
    viewport: { width: 1280, height: 800 },
    locale: 'en-US',
    timezoneId: 'UTC',
  });
  context.setDefaultTimeout(10_000);
  return context;
}

/**
 * Signs in through the API inside the browser profile, which stores the refresh cookie as the
 * sign-in page would: the console then opens already signed in. For specs about other screens.
 */
export async function signInQuickly(context: BrowserContext, who: Credentials): Promise<void> {
  const response = await context.request.post('/api/auth/login', {
    data: { email: who.email, password: who.password },
  });
  if (!response.ok()) {
    throw new Error(
      `Sign-in of ${who.email} failed: ${response.status()} ${await response.text()}`,
    );
  }
}

/** A browser profile signed in as `who`; pages opened in it start signed in. */
export async function signedInContext(
  browser: Browser,
  who: Credentials,
  url?: string,
): Promise<BrowserContext> {
  const context = await newConsoleContext(browser, url);
  await signInQuickly(context, who);
  return context;
}

/** Opens a page of the console in a profile signed in as `who`. */
export async function openSignedIn(
  browser: Browser,
  who: Credentials,
  path: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await signedInContext(browser, who);
  return { context, page: await openPage(context, path) };
}

export async function openPage(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(path);
  return page;
}

/**
 * The dialog just opened, once it has taken the focus. A dialog focuses its first field when its
 * opening animation ends, which a loaded machine delays: text typed into another field before
 * then loses the focus halfway, and the rest of it lands in the first field.
 */
export async function openedDialog(
  page: Page,
  options: { readonly name?: string } = {},
): Promise<Locator> {
  const dialog = page.getByRole('dialog', options);
  await dialog.waitFor();
  await page.waitForFunction(
    () => (document.activeElement?.closest('[role="dialog"]') ?? null) !== null,
  );
  return dialog;
}

/** The main screens' pictures for the README, taken once the spec has checked the screen. */
export async function saveScreenshot(page: Page, screen: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${screen}.png`), animations: 'disabled' });
}
