import type { Browser, BrowserContext, Page } from 'playwright-core';

import { launchChromium, newConsoleContext, saveScreenshot } from '../support/browser';
import type { Credentials } from '../support/console-api';
import { AdminApi } from '../support/console-api';

async function fillSignIn(page: Page, who: Credentials): Promise<void> {
  await page.getByLabel('Email address').fill(who.email);
  await page.getByLabel('Password', { exact: true }).fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe('Signing in and out', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let staff: Credentials & { user: { name: string } };

  beforeAll(async () => {
    browser = await launchChromium();
    staff = await new AdminApi().createUser('staff', 'Sam Rivera');
  });

  afterAll(async () => {
    await browser.close();
  });

  beforeEach(async () => {
    context = await newConsoleContext(browser);
    page = await context.newPage();
  });

  afterEach(async () => {
    await context.close();
  });

  it('should refuse a wrong password with a clear message and stay on the sign-in page', async () => {
    await page.goto('/');
    await page.waitForURL(/\/sign-in/);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await saveScreenshot(page, 'sign-in');

    await fillSignIn(page, { email: staff.email, password: 'not-the-password-at-all' });

    const alert = page.getByRole('alert').filter({ hasText: 'not correct' });
    await alert.waitFor();
    expect(await alert.innerText()).toContain('The email address or password is not correct.');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect(await page.getByLabel('Password', { exact: true }).inputValue()).toBe('');
  });

  it('should land on the home page, showing who is signed in and their role', async () => {
    await page.goto('/sign-in');
    await fillSignIn(page, staff);

    await page.waitForURL('**/home');
    await page.getByRole('heading', { level: 1, name: /, Sam$/ }).waitFor();
    await page.getByTestId('user-menu').click();
    expect(await page.getByTestId('user-role').innerText()).toBe('Support staff');
    expect(await page.getByRole('menu').innerText()).toContain(staff.email);
  });

  it('should keep the session across a reload, and end it on sign out', async () => {
    await page.goto('/sign-in');
    await fillSignIn(page, staff);
    await page.waitForURL('**/home');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: /, Sam$/ }).waitFor();

    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();

    await page.waitForURL(/\/sign-in$/);
    await page.goto('/home');
    await page.waitForURL(/\/sign-in\?returnUrl=%2Fhome/);
    const refresh = await context.request.post('/api/auth/refresh');
    expect(refresh.status()).toBe(401);
  });

  it('should bring a visitor back to the page they asked for after signing in', async () => {
    await page.goto('/account');
    await page.waitForURL(/\/sign-in\?returnUrl=%2Faccount/);

    await fillSignIn(page, staff);

    await page.waitForURL('**/account');
    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
  });
});
