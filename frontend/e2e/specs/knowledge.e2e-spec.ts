import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';

import { launchChromium, openSignedIn, saveScreenshot } from '../support/browser';
import { e2eEnvironment } from '../support/environment';

describe('Knowledge base', () => {
  let browser: Browser;
  let context: BrowserContext | undefined;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser.close();
  });

  afterEach(async () => {
    await context?.close();
  });

  it('should upload two files, show them indexed with their chunks, find a passage, and delete one', async () => {
    const tag = randomBytes(3).toString('hex');
    const vat = `Charging VAT on hosting invoices ${tag}`;
    const nginx = `Serving a site with nginx ${tag}`;
    const opened = await openSignedIn(browser, e2eEnvironment().admin, '/knowledge');
    context = opened.context;
    page = opened.page;
    await page.getByRole('table', { name: 'Documents' }).waitFor();

    await page.getByLabel('Files to upload').setInputFiles([
      {
        name: `vat-${tag}.md`,
        mimeType: 'text/markdown',
        buffer: Buffer.from(
          `# ${vat}\n\nEU customers with a valid VAT number are charged no VAT.\n\n## Reverse charge\n\nThe invoice states "reverse charge" and the customer's VAT number ${tag}.`,
        ),
      },
      {
        name: `nginx-${tag}.md`,
        mimeType: 'text/markdown',
        buffer: Buffer.from(`# ${nginx}\n\nReload nginx after changing a server block.`),
      },
    ]);

    for (const file of [`vat-${tag}.md`, `nginx-${tag}.md`]) {
      const upload = page.locator(`li[data-file="${file}"]`);
      await upload.getByRole('progressbar').waitFor();
      await upload.getByText('Indexed').waitFor({ timeout: 30_000 });
    }

    await page.getByLabel('Search by title').fill(tag);
    const row = page.locator(`tr[data-title="${vat}"]`);
    await row.getByText('Indexed').waitFor();
    await page.locator(`tr[data-title="${nginx}"]`).waitFor();
    expect(Number(await row.getByRole('cell').nth(2).innerText())).toBeGreaterThan(0);

    await page.getByLabel('Question').fill('Do EU customers with a VAT number pay VAT?');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const passages = page.getByRole('list', { name: 'Passages' });
    await passages.getByRole('link', { name: vat }).first().waitFor();
    expect(await passages.getByText(/^score \d\.\d{4}$/).count()).toBeGreaterThan(0);
    await page.getByRole('heading', { name: 'Knowledge base' }).scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'knowledge');

    await row.getByRole('link', { name: vat }).click();
    await page.getByRole('heading', { level: 1, name: vat }).waitFor();
    const chunks = page.getByRole('region', { name: 'Chunks' });
    await chunks.getByRole('heading', { name: /^Reverse charge/ }).waitFor();
    await chunks.getByText(`customer's VAT number ${tag}`).waitFor();
    await page.getByRole('link', { name: 'Knowledge base' }).first().click();

    await page.getByLabel('Search by title').fill(tag);
    const nginxRow = page.locator(`tr[data-title="${nginx}"]`);
    await nginxRow.getByRole('button', { name: `Actions for ${nginx}` }).click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('This cannot be undone').waitFor();
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await page.getByText(`${nginx} was deleted`).waitFor();
    await nginxRow.waitFor({ state: 'detached' });
    await page.locator(`tr[data-title="${vat}"]`).waitFor();
  });

  it('should take a file dropped on the page', async () => {
    const tag = randomBytes(3).toString('hex');
    const name = `ftp-${tag}.md`;
    const opened = await openSignedIn(browser, e2eEnvironment().admin, '/knowledge');
    context = opened.context;
    page = opened.page;
    await page.getByRole('table', { name: 'Documents' }).waitFor();

    const dataTransfer = await page.evaluateHandle(
      ({ fileName, text }) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([text], fileName, { type: 'text/markdown' }));
        return transfer;
      },
      { fileName: name, text: `# Passive FTP ${tag}\n\nUse passive mode behind a firewall.` },
    );
    const zone = page.getByRole('region', { name: 'Upload documents' });
    await zone.dispatchEvent('dragover', { dataTransfer });
    await zone.dispatchEvent('drop', { dataTransfer });

    await page.locator(`li[data-file="${name}"]`).getByText('Indexed').waitFor({ timeout: 30_000 });
    await page.getByLabel('Search by title').fill(tag);
    await page.locator(`tr[data-title="Passive FTP ${tag}"]`).getByText('Indexed').waitFor();
  });
});
