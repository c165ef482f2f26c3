import { createHmac } from 'node:crypto';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';

import { launchChromium, openSignedIn, saveScreenshot } from '../support/browser';
import type { Credentials } from '../support/console-api';
import { AdminApi, login, strongPassword } from '../support/console-api';
import { e2eEnvironment } from '../support/environment';

/**
 * The same access token, re-signed with the gateway's key but expired half an hour ago: what a
 * browser holds after a long pause.
 */
function expire(token: string): string {
  const [header = '', payload = ''] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<
    string,
    unknown
  >;
  const now = Math.floor(Date.now() / 1000);
  const body = Buffer.from(
    JSON.stringify({ ...claims, iat: now - 3600, exp: now - 1800 }),
  ).toString('base64url');
  const signature = createHmac('sha256', e2eEnvironment().jwtSecret)
    .update(`${header}.${body}`)
    .digest('base64url');
  return `${header}.${body}.${signature}`;
}

/** The next call to `url` leaves the browser with an expired token instead of its own. */
async function expireTokenOfNextCall(page: Page, url: string): Promise<void> {
  await page.route(
    url,
    async (route: Route) => {
      const headers = route.request().headers();
      const token = (headers['authorization'] ?? '').replace(/^Bearer /, '');
      await route.continue({ headers: { ...headers, authorization: `Bearer ${expire(token)}` } });
    },
    { times: 1 },
  );
}

async function fillPasswordChange(page: Page, current: string, next: string): Promise<void> {
  await page.getByLabel('Current password').fill(current);
  await page.getByLabel('New password', { exact: true }).fill(next);
  await page.getByLabel('Repeat the new password').fill(next);
}

describe('Sessions', () => {
  let browser: Browser;
  let context: BrowserContext | undefined;
  const admin = new AdminApi();

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser.close();
  });

  afterEach(async () => {
    await context?.close();
  });

  it('should refresh an expired access token without losing a half-typed form', async () => {
    const staff: Credentials = await admin.createUser('staff', 'Ana Costa');
    const opened = await openSignedIn(browser, staff, '/account');
    context = opened.context;
    const { page } = opened;
    await page.getByRole('heading', { name: 'Change password' }).waitFor();
    await saveScreenshot(page, 'account');
    const newPassword = strongPassword();
    await fillPasswordChange(page, staff.password, newPassword);

    await expireTokenOfNextCall(page, '**/api/me/password');
    const refused = page.waitForResponse(
      (response) => response.url().endsWith('/api/me/password') && response.status() === 401,
    );
    const refreshed = page.waitForResponse(
      (response) => response.url().endsWith('/api/auth/refresh') && response.status() === 200,
    );
    const accepted = page.waitForResponse(
      (response) => response.url().endsWith('/api/me/password') && response.status() === 204,
    );
    await page.getByRole('button', { name: 'Change password' }).click();
    await Promise.all([refused, refreshed, accepted]);

    await page.getByRole('status').filter({ hasText: 'Your password has been changed.' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/account');
    await expect(login({ email: staff.email, password: newPassword })).resolves.toMatchObject({
      user: { email: staff.email },
    });
  });

  it('should refresh once for a burst of calls refused together, and answer them all', async () => {
    const opened = await openSignedIn(browser, e2eEnvironment().admin, '/home');
    context = opened.context;
    const { page } = opened;
    await page.getByRole('heading', { level: 1 }).waitFor();
    const refreshes: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/auth/refresh')) {
        refreshes.push(request.url());
      }
    });
    await expireTokenOfNextCall(page, '**/api/ops/queues');
    await expireTokenOfNextCall(page, '**/api/ops/dead-letters');

    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Operations' })
      .click();

    await page.getByRole('table', { name: 'Queue depths' }).waitFor();
    await page
      .getByRole('heading', { name: 'No dead letters' })
      .or(page.getByTestId('dead-letters'))
      .waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(refreshes).toHaveLength(1);
  });

  it('should send a person whose session ended to sign in, then back to the same page', async () => {
    const staff = await admin.createUser('staff', 'Noor Haddad');
    const opened = await openSignedIn(browser, staff, '/account');
    context = opened.context;
    const { page } = opened;
    await page.getByRole('heading', { name: 'Change password' }).waitFor();

    // Signing out in another tab ends the session this tab's cookie belongs to.
    const other = await context.newPage();
    await other.goto('/home');
    await other.getByTestId('user-menu').click();
    await other.getByRole('menuitem', { name: 'Sign out' }).click();
    await other.waitForURL(/\/sign-in/);
    await other.close();

    await fillPasswordChange(page, staff.password, strongPassword());
    await page.getByRole('button', { name: 'Change password' }).click();

    await page.waitForURL(/\/sign-in\?.*reason=expired/);
    expect(new URL(page.url()).searchParams.get('returnUrl')).toBe('/account');
    await page.getByRole('status').filter({ hasText: 'Your session has ended' }).waitFor();
    await page.getByLabel('Email address').fill(staff.email);
    await page.getByLabel('Password', { exact: true }).fill(staff.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/account');
    await page.getByRole('heading', { name: 'Change password' }).waitFor();
  });
});
