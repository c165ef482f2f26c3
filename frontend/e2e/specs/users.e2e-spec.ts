import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';

import {
  launchChromium,
  openPage,
  openedDialog,
  saveScreenshot,
  signedInContext,
} from '../support/browser';
import { AdminApi, login, signInStatus, strongPassword, uniqueEmail } from '../support/console-api';
import { e2eEnvironment } from '../support/environment';

/*
 * The gateway answers a new password once bcrypt (cost 12, in JavaScript) has hashed it: well
 * under a second on a quiet machine, several seconds on a loaded one.
 */
const HASHED = { timeout: 30_000 };

describe('Users', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const admin = new AdminApi();

  /** Narrows the list to one person and returns their row. */
  async function findRow(email: string): Promise<Locator> {
    await page.getByLabel('Search by name or email').fill(email);
    const row = page.locator(`tr[data-email="${email}"]`);
    await row.waitFor();
    await page.locator(`tr[data-email]:not([data-email="${email}"])`).first().waitFor({
      state: 'detached',
    });
    return row;
  }

  async function act(row: Locator, action: string, confirm?: string): Promise<void> {
    await row.getByRole('button', { name: /^Actions for / }).click();
    await page.getByRole('menuitem', { name: action }).click();
    if (confirm !== undefined) {
      await page.getByRole('dialog').getByRole('button', { name: confirm }).click();
    }
  }

  async function expectCell(row: Locator, text: string): Promise<void> {
    await row
      .getByRole('cell')
      .filter({ hasText: new RegExp(`^\\s*${text}`) })
      .first()
      .waitFor();
  }

  beforeAll(async () => {
    browser = await launchChromium();
    context = await signedInContext(browser, e2eEnvironment().admin);
  });

  afterAll(async () => {
    await browser.close();
  });

  beforeEach(async () => {
    page = await openPage(context, '/users');
    await page.getByRole('table', { name: 'Users' }).waitFor();
  });

  afterEach(async () => {
    await page.close();
  });

  it('should add a user who can then sign in with the password they were given', async () => {
    const email = uniqueEmail('new-hire');
    await page.getByRole('button', { name: 'Add user' }).click();
    const dialog = await openedDialog(page);
    await dialog.getByLabel('Full name').fill('Jordan Blake');
    await dialog.getByLabel('Email address').fill(email);
    await dialog.getByRole('radio', { name: /Support staff/ }).check();
    await dialog.getByRole('button', { name: 'Generate a strong password' }).click();
    const password = await dialog.getByLabel('First password').inputValue();
    await dialog.getByRole('button', { name: 'Add user' }).click();

    await page.getByText('Jordan Blake can now sign in as Support staff').waitFor(HASHED);
    const row = await findRow(email);
    await expectCell(row, 'Support staff');
    await expectCell(row, 'Active');
    expect(await signInStatus({ email, password })).toBe(200);
    await page.getByLabel('Search by name or email').fill('');
    await page.locator(`tr[data-email="${e2eEnvironment().admin.email}"]`).waitFor();
    await saveScreenshot(page, 'users');
  });

  it('should change a role, disable and enable, and reset a password', async () => {
    const person = await admin.createUser('staff', 'Riley Chen');
    const row = await findRow(person.email);

    await act(row, 'Make administrator', 'Change role');
    await expectCell(row, 'Administrator');
    await act(row, 'Make support staff', 'Change role');
    await expectCell(row, 'Support staff');

    await act(row, 'Disable', 'Disable');
    await expectCell(row, 'Disabled');
    expect(await signInStatus(person)).not.toBe(200);
    await act(row, 'Enable');
    await expectCell(row, 'Active');

    const password = strongPassword();
    await act(row, 'Reset password…');
    const dialog = await openedDialog(page);
    await dialog.getByLabel('New password').fill(password);
    await dialog.getByRole('button', { name: 'Set password' }).click();
    await page.getByText('New password set for Riley Chen').waitFor(HASHED);
    expect(await signInStatus(person)).toBe(401);
    await expect(login({ email: person.email, password })).resolves.toBeDefined();
  });

  it('should unlock an account locked after repeated wrong passwords', async () => {
    const person = await admin.createUser('staff', 'Sasha Novak');
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await signInStatus({ email: person.email, password: 'wrong-password-guess' });
    }
    const row = await findRow(person.email);
    await expectCell(row, 'Locked');

    await act(row, 'Unlock');

    await expectCell(row, 'Active');
    expect(await signInStatus(person)).toBe(200);
  });

  it('should explain the last-administrator rule instead of demoting the only administrator', async () => {
    const row = await findRow(e2eEnvironment().admin.email);
    expect(await row.innerText()).toContain('(you)');

    await act(row, 'Make support staff', 'Change role');

    const alert = page.getByRole('alert').filter({ hasText: 'last active administrator' });
    await alert.waitFor();
    expect(await alert.innerText()).toContain('promote another user first');
    await expectCell(row, 'Administrator');

    await alert.getByRole('button', { name: 'Dismiss' }).click();
    await alert.waitFor({ state: 'detached' });
  });
});
