import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';

import { waitFor } from '@deskpilot/testing';

import {
  launchChromium,
  openPage,
  openSignedIn,
  openedDialog,
  saveScreenshot,
  signedInContext,
} from '../support/browser';
import { AdminApi } from '../support/console-api';
import { e2eEnvironment } from '../support/environment';

const COLUMNS = { status: 1, chunks: 2, version: 3, updated: 4 } as const;

/** A cell of a document's row in the table. */
function cell(row: Locator, column: keyof typeof COLUMNS): Locator {
  return row.getByRole('cell').nth(COLUMNS[column]);
}

/**
 * Notes every text the element matching `selector` shows, however briefly: ingest stages can
 * pass faster than polling would see them. Resolves to a reader of the texts seen so far.
 */
async function recordTexts(page: Page, selector: string): Promise<() => Promise<string[]>> {
  const key = `seen-${randomBytes(4).toString('hex')}`;
  await page.evaluate(
    ({ watched, store }) => {
      const seen: string[] = [];
      (window as unknown as Record<string, string[]>)[store] = seen;
      const note = (): void => {
        const element = document.querySelector<HTMLElement>(watched);
        const text = element?.innerText.replace(/\s+/g, ' ').trim();
        if (text !== undefined && text !== '' && text !== seen.at(-1)) {
          seen.push(text);
        }
      };
      note();
      new MutationObserver(note).observe(document.body, {
        subtree: true,
        childList: true,
        characterData: true,
      });
    },
    { watched: selector, store: key },
  );
  return () =>
    page.evaluate((store) => (window as unknown as Record<string, string[]>)[store] ?? [], key);
}

/** A Markdown manual long enough to be embedded in several batches. */
function longManual(title: string, sections: number): string {
  const parts = [`# ${title}`];
  for (let section = 1; section <= sections; section += 1) {
    parts.push(
      `## Step ${section}`,
      `Open the control panel and choose item ${section} in the list of mail domains. ` +
        `Check the DNS records of domain number ${section}, wait for the change to spread, ` +
        `and send a test message to confirm that delivery works for section ${section}.`,
    );
  }
  return parts.join('\n\n');
}

/**
 * The status texts a row showed from Indexed back to Indexed. A reload of the table shows one
 * stage at most; several distinct ones, with their progress, came live from the progress stream.
 */
function expectLiveStages(seen: readonly string[]): void {
  const between = seen.slice(1, -1);
  expect(seen.at(-1)).toBe('Indexed');
  expect(new Set(between).size).toBeGreaterThanOrEqual(2);
  expect(between).toContainEqual(expect.stringMatching(/^(Extracting|Embedding) \d+%$/));
}

/** Picks an entry of the table's status filter. */
async function chooseStatus(page: Page, option: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
  await page.getByRole('listbox').waitFor({ state: 'detached' });
}

/** The time an Updated cell shows (in UTC, the browser's time zone). */
function shownTime(text: string): number {
  const shown = text.split('\n')[0]?.replace(/\s+/g, ' ').trim() ?? '';
  return Date.parse(`${shown} UTC`);
}

/** A help centre on this host: the HTML `pageAt` gives for a path, or 404 where it gives none. */
async function serveHelpCentre(
  pageAt: (path: string) => string | undefined,
): Promise<{ readonly base: string; stop(): void }> {
  const site = createServer((request, response) => {
    const html = pageAt(request.url ?? '');
    if (html === undefined) {
      response.writeHead(404, 'Not Found').end();
    } else {
      response.writeHead(200, { 'content-type': 'text/html' }).end(html);
    }
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(site.address() as AddressInfo).port}`,
    stop: () => {
      site.close();
      site.closeAllConnections();
    },
  };
}

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

    // A misspelt word reads as the word the knowledge base has.
    await page.getByLabel('Question').fill('ngnix');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await passages.getByRole('link', { name: vat }).first().waitFor({ state: 'detached' });
    await passages.getByText(/nginx/i).first().waitFor();
    await page.getByRole('status').getByText('The search read “ngnix” as “nginx”.').waitFor();

    await row.getByRole('link', { name: vat }).click();
    await page.getByRole('heading', { level: 1, name: vat }).waitFor();
    const chunks = page.getByRole('region', { name: 'Chunks' });
    await chunks.getByRole('heading', { name: /^Reverse charge/ }).waitFor();
    await chunks.getByText(`customer's VAT number ${tag}`).waitFor();
    await saveScreenshot(page, 'knowledge-document');
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

  it('should import a help-centre page by its address, show its source, and refresh it', async () => {
    const tag = randomBytes(3).toString('hex');
    const title = `Pointing a domain ${tag}`;
    let body = `<p>Set the nameservers to ns1.example-host.net, amber ${tag}.</p>`;
    const site = await serveHelpCentre((path) =>
      path === '/kb/domains'
        ? `<html><head><title>${title} | Example Host</title></head><body>` +
          `<nav>Store | Support</nav><main><h1>${title}</h1>${body}</main></body></html>`
        : undefined,
    );
    const base = site.base;
    try {
      const opened = await openSignedIn(browser, e2eEnvironment().admin, '/knowledge');
      context = opened.context;
      page = opened.page;
      await page.getByRole('table', { name: 'Documents' }).waitFor();

      await page.getByLabel('Web addresses to import').fill(`${base}/kb/domains
${base}/kb/missing-${tag}`);
      await page.getByRole('button', { name: 'Import', exact: true }).click();

      await page
        .locator(`li[data-file="${base}/kb/domains"]`)
        .getByText('Indexed')
        .waitFor({ timeout: 30_000 });
      await page
        .locator(`li[data-file="${base}/kb/missing-${tag}"]`)
        .getByText('The server answered 404 Not Found.')
        .waitFor();
      expect(await page.getByLabel('Web addresses to import').inputValue()).toBe('');
      await page.getByLabel('Search by title').fill(tag);
      const row = page.locator(`tr[data-title="${title}"]`);
      await row.getByText(`${base}/kb/domains`).waitFor();
      await saveScreenshot(page, 'knowledge-web-import');

      await row.getByRole('link', { name: title }).click();
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      const facts = page.getByRole('region', { name: 'About this document' });
      expect(
        await facts.getByRole('link', { name: `${base}/kb/domains` }).getAttribute('href'),
      ).toBe(`${base}/kb/domains`);
      const chunks = page.getByRole('region', { name: 'Chunks' });
      await chunks.getByText(`amber ${tag}`).waitFor();
      expect(await chunks.getByText('Store | Support').count()).toBe(0);

      await page.getByRole('button', { name: 'Refresh from the web' }).click();
      await page.getByText(`${title}: the page has not changed`).waitFor();
      body = `<p>Nameserver changes take up to 24 hours, indigo ${tag}.</p>`;
      await page.getByRole('button', { name: 'Refresh from the web' }).click();
      await page.getByText(`${title}: the page changed; version 2 is being indexed`).waitFor();
      await waitFor(
        async () => {
          await page.reload();
          await chunks.waitFor();
          return (await chunks.getByText(`indigo ${tag}`).count()) === 1;
        },
        { timeoutMs: 30_000, message: 'the new version was not indexed' },
      );
      expect(await facts.locator('dt:text-is("Version") + dd').innerText()).toBe('2');
      expect(await chunks.getByText(`amber ${tag}`).count()).toBe(0);

      site.stop();
      await page.getByRole('button', { name: 'Refresh from the web' }).click();
      await facts
        .getByRole('alert')
        .getByText(/has not answered since .+: .*refused the connection.* stays searchable/)
        .waitFor();
      expect(
        await page.getByRole('alert').filter({ hasText: 'refused the connection' }).count(),
      ).toBe(2);
      expect(await facts.locator('dt:text-is("Version") + dd').innerText()).toBe('2');

      await page.getByRole('link', { name: 'Knowledge base' }).first().click();
      const notice = page.getByRole('status').filter({ hasText: /not answer/ });
      await notice.getByText(/web pages? do(es)? not answer; answers keep citing/).waitFor();
      await notice.getByRole('button', { name: 'Show them' }).click();
      await notice.waitFor({ state: 'detached' });
      expect(await page.getByRole('combobox', { name: 'Source' }).innerText()).toContain(
        'Pages not answering',
      );
      await row.getByText('Page not answering').waitFor();
      await row.getByText(/Since .+refused the connection/s).waitFor();
      await saveScreenshot(page, 'knowledge-web-failing');
      await page.getByRole('combobox', { name: 'Source' }).click();
      await page.getByRole('option', { name: 'Uploaded files' }).click();
      await row.waitFor({ state: 'detached' });
    } finally {
      site.stop();
    }
  });

  it('should import the articles a help centre lists under a category, picked in a list', async () => {
    const tag = randomBytes(3).toString('hex');
    const articles: Record<string, string> = {
      '/kb/ssl': `Installing an SSL certificate ${tag}`,
      '/kb/backups': `Restoring a backup ${tag}`,
    };
    const linksTo = (entries: [string, string][]): string =>
      entries.map(([path, name]) => `<a href="${path}">${name}</a>`).join(' ');
    const pagesOfSite: Record<string, string> = {
      '/kb/': `<nav>${linksTo([
        ['/cart.php', 'Store'],
        ['/login', 'Log in'],
      ])}</nav><main>${linksTo([['/kb/hosting', 'Hosting']])}</main>`,
      '/kb/hosting': `<main><h1>Hosting</h1>${linksTo(Object.entries(articles))}</main>`,
      ...Object.fromEntries(
        Object.entries(articles).map(([path, title]) => [
          path,
          `<main><h1>${title}</h1><p>Step by step, ${tag}.</p></main>`,
        ]),
      ),
    };
    const site = await serveHelpCentre((path) => pagesOfSite[path]);
    const base = site.base;
    try {
      const opened = await openSignedIn(browser, e2eEnvironment().admin, '/knowledge');
      context = opened.context;
      page = opened.page;
      await page.getByRole('table', { name: 'Documents' }).waitFor();

      await page.getByLabel('Web addresses to import').fill(`${base}/kb/`);
      await page.getByRole('button', { name: 'Find linked pages' }).click();
      const dialog = page.getByRole('dialog');
      const pages = dialog.getByRole('list', { name: 'Linked pages' });
      await pages.getByText(`${base}/cart.php`).waitFor();
      expect(await pages.getByRole('listitem').count()).toBe(3);

      await dialog.getByText('Also list what the pages under it link to').click();
      await pages.getByText(`${base}/kb/ssl`).waitFor();
      expect(await pages.getByRole('listitem').count()).toBe(5);
      await dialog.getByLabel('Only addresses or titles containing').fill('/kb/');
      await dialog.getByText('All 3 shown').click();
      await pages.getByText('Hosting', { exact: true }).click();
      await saveScreenshot(page, 'knowledge-linked-pages');
      await dialog.getByRole('button', { name: 'Import 2 pages' }).click();
      await dialog.waitFor({ state: 'detached' });

      for (const path of Object.keys(articles)) {
        await page
          .locator(`li[data-file="${base}${path}"]`)
          .getByText('Indexed')
          .waitFor({ timeout: 30_000 });
      }
      expect(await page.locator(`li[data-file="${base}/kb/hosting"]`).count()).toBe(0);
      await page.getByLabel('Search by title').fill(tag);
      for (const title of Object.values(articles)) {
        await page.locator(`tr[data-title="${title}"]`).getByText('Indexed').waitFor();
      }

      await page.getByLabel('Web addresses to import').fill(`${base}/kb/`);
      await page.getByRole('button', { name: 'Find linked pages' }).click();
      await dialog.getByText('Also list what the pages under it link to').click();
      await pages.getByText(`${base}/kb/ssl`).waitFor();
      await dialog.getByText('2 of them are already in the knowledge base.').waitFor();
      for (const path of Object.keys(articles)) {
        const article = pages.getByRole('listitem').filter({ hasText: `${base}${path}` });
        await article.getByText('In the knowledge base').waitFor();
        expect(await article.getByRole('checkbox').isDisabled()).toBe(true);
      }
      await dialog.getByLabel('Only addresses or titles containing').fill('/kb/');
      await dialog.getByText('All 1 shown not yet imported').click();
      await dialog.getByRole('button', { name: 'Import 1 page' }).waitFor();
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'detached' });

      const ssl = articles['/kb/ssl'] ?? '';
      pagesOfSite['/kb/ssl'] = `<main><h1>${ssl}</h1><p>Renewed every 60 days, ${tag}.</p></main>`;
      const api = new AdminApi();
      const { total: webPages } = await api.documents({ source: 'web' });
      await page.getByRole('button', { name: 'Refresh web pages' }).click();
      await dialog.getByText('A page that changed becomes a new version').waitFor();
      await dialog.getByRole('button', { name: 'Refresh web pages' }).click();
      await page.getByText(`${webPages} web pages are being fetched again`).waitFor();
      await waitFor(
        async () =>
          (await api.documents({ search: ssl })).items.some(
            (item) => item.version === 2 && item.status === 'indexed',
          ),
        { timeoutMs: 60_000, intervalMs: 500, message: 'the changed article was not versioned' },
      );
      const backups = await api.documents({ search: articles['/kb/backups'] ?? '' });
      expect(backups.items.map((item) => item.version)).toEqual([1]);
    } finally {
      site.stop();
    }
  });

  it('should catch up on an upload whose progress was sent while the progress stream was away', async () => {
    const tag = randomBytes(3).toString('hex');
    const name = `dkim-${tag}.md`;
    const title = `DKIM keys ${tag}`;
    context = await signedInContext(browser, e2eEnvironment().admin);
    // The progress stream, and the read of the new document that the upload's answer triggers
    // (on a busy machine ingest can finish first): the list and the upload itself still pass.
    const away = (url: URL): boolean => url.pathname.startsWith('/api/documents/');
    let refused = 0;
    await context.route(away, (route) => {
      refused += 1;
      return route.abort();
    });
    page = await openPage(context, '/knowledge');
    await page.getByRole('table', { name: 'Documents' }).waitFor();

    await page.getByLabel('Files to upload').setInputFiles({
      name,
      mimeType: 'text/markdown',
      buffer: Buffer.from(`# ${title}\n\nPublish the DKIM key as a TXT record.`),
    });
    await waitFor(
      async () => (await new AdminApi().documents({ search: tag })).items[0]?.status === 'indexed',
      { timeoutMs: 30_000, message: 'the document indexed' },
    );
    const upload = page.locator(`li[data-file="${name}"]`);
    await upload.getByRole('progressbar').waitFor();
    expect(refused).toBeGreaterThan(0);
    expect(await upload.getByText('Indexed').count()).toBe(0);

    await context.unroute(away);

    await upload.getByText('Indexed').waitFor({ timeout: 15_000 });
    await page.locator(`tr[data-title="${title}"]`).getByText('Indexed').waitFor();
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

  it('should take an article written here, and save an edit of it as a new version', async () => {
    const tag = randomBytes(3).toString('hex');
    const title = `Colocation racks ${tag}`;
    const text = `We rent out racks in Falkenstein, teal ${tag}.\n\n## Power\n\nEvery rack has two feeds.`;
    const opened = await openSignedIn(browser, e2eEnvironment().admin, '/knowledge');
    context = opened.context;
    page = opened.page;
    await page.getByRole('table', { name: 'Documents' }).waitFor();

    await page.getByRole('button', { name: 'Write an article' }).click();
    const writing = await openedDialog(page, { name: 'Write an article' });
    await writing.getByLabel('Title', { exact: true }).fill(title);
    await writing.getByLabel('Article text (Markdown)').fill(text);
    await writing.getByRole('radio', { name: 'Preview' }).click();
    const preview = writing.getByLabel('Preview of the article');
    await preview.getByRole('heading', { name: 'Power' }).waitFor();
    expect(await preview.innerText()).toContain(`teal ${tag}`);
    await writing.getByRole('radio', { name: 'Write' }).click();
    expect(await writing.getByLabel('Article text (Markdown)').inputValue()).toBe(text);
    await writing.getByRole('button', { name: 'Add article' }).click();
    const added = page.locator('mat-snack-bar-container', {
      hasText: `"${title}" was added to the knowledge base.`,
    });
    await added.waitFor();
    await page
      .locator(`li[data-file="colocation-racks-${tag}.md"]`)
      .getByText('Indexed')
      .waitFor({ timeout: 30_000 });

    await added.getByRole('button', { name: 'Open' }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const chunks = page.getByRole('region', { name: 'Chunks' });
    await chunks.getByText(`teal ${tag}`).waitFor();
    await page.getByRole('button', { name: 'Edit article' }).click();
    const editing = await openedDialog(page, { name: `Edit "${title}"` });
    const editor = editing.getByLabel('Article text (Markdown)');
    expect(await editor.inputValue()).toBe(text);
    await editor.fill(text.replace('teal', 'amber'));
    await editing.getByRole('button', { name: 'Save as a new version' }).click();
    await page.getByText('Saved as version 2; answers use it once it is indexed.').waitFor();
    // The page reads the document again after the save; the notice can come first.
    const facts = page.getByRole('region', { name: 'About this document' });
    await facts.locator('dt:text-is("Version") + dd', { hasText: /^2$/ }).waitFor();
    await waitFor(
      async () => {
        await page.reload();
        await page.getByRole('heading', { level: 1, name: title }).waitFor();
        return (await chunks.getByText(`amber ${tag}`).count()) === 1;
      },
      { timeoutMs: 30_000, intervalMs: 1_000, message: 'the edit indexed' },
    );
    expect(await chunks.getByText(`teal ${tag}`).count()).toBe(0);
  });

  it('should replace a document with a new version whose content alone is shown and found', async () => {
    const tag = randomBytes(3).toString('hex');
    const title = `Backup schedule ${tag}`;
    const oldText = `Backups run nightly at two in the morning, cobalt ${tag}.`;
    const newText = `Backups run every six hours, saffron ${tag}.`;
    const opened = await openSignedIn(browser, e2eEnvironment().admin, '/knowledge');
    context = opened.context;
    page = opened.page;
    await page.getByRole('table', { name: 'Documents' }).waitFor();
    await page.getByLabel('Files to upload').setInputFiles({
      name: `backups-${tag}.md`,
      mimeType: 'text/markdown',
      buffer: Buffer.from(`# ${title}\n\n${oldText}`),
    });
    await page
      .locator(`li[data-file="backups-${tag}.md"]`)
      .getByText('Indexed')
      .waitFor({ timeout: 30_000 });
    await page.getByLabel('Search by title').fill(tag);
    const row = page.locator(`tr[data-title="${title}"]`);
    await row.getByText('Indexed').waitFor();
    expect(await cell(row, 'version').innerText()).toBe('1');

    const stages = await recordTexts(page, `tr[data-title="${title}"] td.mat-column-status`);
    const replacedAt = Math.floor(Date.now() / 1000) * 1000;
    await row.getByRole('button', { name: `Actions for ${title}` }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('menuitem', { name: 'Replace file' }).click();
    await (
      await chooser
    ).setFiles({
      name: `backups-${tag}-v2.md`,
      mimeType: 'text/markdown',
      buffer: Buffer.from(`${longManual(title, 40)}\n\n${newText}`),
    });
    await page.getByText(`${title}: version 2 is being indexed`).waitFor();
    await cell(row, 'version').getByText('2', { exact: true }).waitFor();
    await waitFor(async () => (await stages()).at(-1) === 'Indexed', {
      timeoutMs: 30_000,
      message: 'the new version was not indexed',
    });
    expectLiveStages(await stages());
    const updated = await cell(row, 'updated').innerText();
    expect(shownTime(updated)).toBeGreaterThanOrEqual(replacedAt);
    expect(updated).toMatch(/\nby \S/);

    await row.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const facts = page.getByRole('region', { name: 'About this document' });
    expect(await facts.locator('dt:text-is("Version") + dd').innerText()).toBe('2');
    const chunks = page.getByRole('region', { name: 'Chunks' });
    await chunks.getByText(newText).waitFor();
    expect(await chunks.getByText(`cobalt ${tag}`).count()).toBe(0);
    await page.getByRole('link', { name: 'Knowledge base' }).first().click();

    await page.getByLabel('Question').fill(`How often do backups run? ${tag}`);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const passages = page.getByRole('list', { name: 'Passages' });
    await passages.getByText(newText).waitFor();
    expect(await passages.getByText(`cobalt ${tag}`).count()).toBe(0);
  });

  it('should filter the table by status, and re-index a document through every stage live', async () => {
    const tag = randomBytes(3).toString('hex');
    const title = `Mail domain checklist ${tag}`;
    const manual = `checklist-${tag}.md`;
    const blank = `blank-${tag}.md`;
    const opened = await openSignedIn(browser, e2eEnvironment().admin, '/knowledge');
    context = opened.context;
    page = opened.page;
    await page.getByRole('table', { name: 'Documents' }).waitFor();

    const uploadStages = await recordTexts(page, `li[data-file="${manual}"] .upload-state`);
    await page.getByLabel('Files to upload').setInputFiles([
      { name: manual, mimeType: 'text/markdown', buffer: Buffer.from(longManual(title, 80)) },
      { name: blank, mimeType: 'text/markdown', buffer: Buffer.from('\n\n   \n') },
    ]);
    await page.locator(`li[data-file="${manual}"]`).getByText('Indexed').waitFor({
      timeout: 60_000,
    });
    await page
      .locator(`li[data-file="${blank}"]`)
      .getByText('The file contains only whitespace.')
      .waitFor({ timeout: 30_000 });
    expect(await uploadStages()).toContainEqual(expect.stringMatching(/^Embedding \d+%$/));

    await page.getByLabel('Search by title').fill(tag);
    const row = page.locator(`tr[data-title="${title}"]`);
    const failedRow = page.locator('tr[data-title]', { hasText: blank });
    await row.getByText('Indexed').waitFor();
    await failedRow.getByText('Failed').waitFor();
    const chunkCount = Number(await cell(row, 'chunks').innerText());
    expect(chunkCount).toBeGreaterThan(32);

    await chooseStatus(page, 'Failed');
    await row.waitFor({ state: 'detached' });
    await failedRow.getByText('The file contains only whitespace.').waitFor();
    await chooseStatus(page, 'Indexed');
    await failedRow.waitFor({ state: 'detached' });
    await row.waitFor();
    await chooseStatus(page, 'Any status');
    await failedRow.waitFor();
    await row.waitFor();

    const stages = await recordTexts(page, `tr[data-title="${title}"] td.mat-column-status`);
    await row.getByRole('button', { name: `Actions for ${title}` }).click();
    await page.getByRole('menuitem', { name: 'Re-index' }).click();
    await page.getByText(`${title} is being indexed again`).waitFor();
    await waitFor(
      async () => {
        const seen = await stages();
        return seen.length > 1 && seen.at(-1) === 'Indexed';
      },
      { timeoutMs: 60_000, message: `${title} was not indexed again` },
    );
    expectLiveStages(await stages());
    expect(await cell(row, 'version').innerText()).toBe('1');
    expect(Number(await cell(row, 'chunks').innerText())).toBe(chunkCount);
  });

  it('should read a German question with German stems, and say so in the retrieval test and on the document', async () => {
    const tag = randomBytes(3).toString('hex');
    const api = new AdminApi();
    await api.upload(
      `rechnungen-${tag}.txt`,
      `Alle Rechnungen Ihres Vertrags ${tag} finden Sie im Kundenbereich unter Abrechnung.`,
    );
    const article = await waitFor(
      async () => {
        const [found] = (await api.documents({ search: tag })).items;
        return found?.status === 'indexed' && found;
      },
      { timeoutMs: 30_000, message: 'the German article was not indexed' },
    );
    const opened = await openSignedIn(browser, e2eEnvironment().admin, '/knowledge');
    context = opened.context;
    page = opened.page;
    const passages = page.getByRole('list', { name: 'Passages' });
    const readAsGerman = page.getByText('Read as German: words match in their other German forms.');

    await page.getByLabel('Question').fill(`Wo finde ich die Rechnung für ${tag}?`);
    await page.getByRole('button', { name: 'Search', exact: true }).click();

    await readAsGerman.waitFor();
    expect(await passages.getByRole('link').first().innerText()).toContain(tag);
    await page.getByLabel('Question').fill('How do I reset a cPanel password?');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await readAsGerman.waitFor({ state: 'detached' });

    // The document says which language its words are searched in.
    await page.goto(`/knowledge/${article.documentId}`);
    const facts = page.getByRole('region', { name: 'About this document' });
    await facts.locator('dt:text-is("Searched in") + dd').waitFor();
    expect(await facts.locator('dt:text-is("Searched in") + dd').innerText()).toBe('German');
  });

  it('should say that answers search for the translation of a question in no document language', async () => {
    const opened = await openSignedIn(browser, e2eEnvironment().admin, '/knowledge');
    context = opened.context;
    page = opened.page;

    await page.getByLabel('Question').fill('Où puis-je trouver ma facture ?');
    await page.getByRole('button', { name: 'Search', exact: true }).click();

    await page
      .getByText(
        'Read as French, which no document is written in: chat and ticket drafts search for ' +
          'its English translation when a model is configured.',
      )
      .waitFor();
  });

  it('should search a document in the language set on its page, and follow its indexing live', async () => {
    const tag = randomBytes(3).toString('hex');
    const api = new AdminApi();
    // Menu paths without a function word: nothing to tell German by, so read as English.
    await api.upload(
      `domainumzug-${tag}.txt`,
      `Transfersperren ${tag}: Kundenbereich > Domains > Transfersperren aufheben`,
    );
    const listing = await waitFor(
      async () => {
        const [found] = (await api.documents({ search: tag })).items;
        return found?.status === 'indexed' && found;
      },
      { timeoutMs: 30_000, message: 'the listing was not indexed' },
    );
    const opened = await openSignedIn(
      browser,
      e2eEnvironment().admin,
      `/knowledge/${listing.documentId}`,
    );
    context = opened.context;
    page = opened.page;
    const facts = page.getByRole('region', { name: 'About this document' });
    const searchedIn = facts.locator('dt:text-is("Searched in") + dd');
    const language = page.getByRole('combobox', { name: 'Search language' });
    // The chosen value alone: while the select is drawn again its options can be inside it.
    const chosen = language.locator('.mat-mdc-select-value-text');
    await searchedIn.waitFor();
    const toldAs = await searchedIn.innerText();
    const choiceAsTold = await chosen.innerText();

    await language.click();
    await page.getByRole('option', { name: 'German' }).click();

    await page.getByText('will be searched in German; it is being indexed again').waitFor();
    // The page follows the new generation through the progress stream, without a reload.
    await facts.locator('dt:text-is("Searched in") + dd:text-is("German")').waitFor();
    expect(toldAs).toBe('English');
    expect(choiceAsTold).toBe('Told from the document');
    expect(await chosen.innerText()).toBe('German');
    // Retrieval serves the German chunks a moment before ingest records the document indexed.
    const indexed = await waitFor(
      async () => {
        const [found] = (await api.documents({ search: tag })).items;
        return found?.status === 'indexed' && found;
      },
      { timeoutMs: 30_000, message: 'the listing was not indexed again' },
    );
    expect(indexed.language).toBe('german');
  });

  it('should re-index every document after a confirmation', async () => {
    const api = new AdminApi();
    const opened = await openSignedIn(browser, e2eEnvironment().admin, '/knowledge');
    context = opened.context;
    page = opened.page;
    await page.getByRole('table', { name: 'Documents' }).waitFor();
    const { total } = await api.documents({});

    await page.getByRole('button', { name: 'Re-index all' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Answers keep using the current passages').waitFor();
    await dialog.getByRole('button', { name: 'Re-index all' }).click();

    await page.getByText(`${total} documents are being indexed again`).waitFor();
    const settled = await waitFor(
      async () => {
        const { items } = await api.documents({ pageSize: '100' });
        return (
          items.every((item) => item.status === 'indexed' || item.status === 'failed') && items
        );
      },
      { timeoutMs: 120_000, intervalMs: 500, message: 'not every document was indexed again' },
    );
    expect(settled.filter((item) => item.status === 'indexed').length).toBeGreaterThan(0);
    const audit = await api.audit({ action: 'knowledge.documents.reindexed' });
    expect(audit.items[0]?.details).toEqual({ queued: total });
  });
});
