import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';

import type { AccessTokenResponse, ConversationWithMessages } from '@deskpilot/contracts';
import { waitFor } from '@deskpilot/testing';

import {
  launchChromium,
  openPage,
  openedDialog,
  saveScreenshot,
  signedInContext,
} from '../support/browser';
import type { Credentials } from '../support/console-api';
import { AdminApi } from '../support/console-api';
import { e2eEnvironment } from '../support/environment';
import type { ModelSystem } from '../support/model-system';
import { startModelSystem } from '../support/model-system';

/** The conversation as the gateway stored it, read with the signed-in person's own token. */
async function storedConversation(
  url: string,
  who: Credentials,
  id: string,
): Promise<ConversationWithMessages> {
  const signIn = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: who.email, password: who.password }),
  });
  const { accessToken } = (await signIn.json()) as AccessTokenResponse;
  const response = await fetch(`${url}/api/conversations/${id}`, {
    headers: { authorization: `Bearer ${accessToken}` },
  });
  if (!response.ok) {
    throw new Error(`GET conversation ${id}: ${response.status}`);
  }
  return (await response.json()) as ConversationWithMessages;
}

/** Text as a person reads it: without Markdown marks and with single spaces. */
function plain(text: string): string {
  return text
    .replace(/[*_`#>]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function conversationIdOf(page: Page): string {
  const id = /\/chat\/([0-9a-f-]{36})/.exec(page.url())?.[1];
  if (id === undefined) {
    throw new Error(`No conversation in ${page.url()}`);
  }
  return id;
}

async function ask(page: Page, question: string): Promise<void> {
  const box = page.getByLabel('Ask a question');
  await box.fill(question);
  await box.press('Enter');
}

/** The last answer of the thread. */
function lastAnswer(page: Page): Locator {
  return page.locator('dp-chat-message.answer').last();
}

/** Waits until the last answer is no longer being written (its actions appear). */
async function answered(page: Page): Promise<Locator> {
  const answer = lastAnswer(page);
  await answer.getByRole('group', { name: 'Answer actions' }).waitFor({ timeout: 30_000 });
  return answer;
}

/**
 * Asks `question` of a model that translates it for the search as `translation` and answers
 * `answer`; resolves with the answer once it is written.
 */
async function askTranslated(
  page: Page,
  system: ModelSystem,
  asked: { question: string; translation: string; answer: string },
): Promise<Locator> {
  await system.simulator.addCannedAnswer({
    contains: 'Translate the text',
    answer: asked.translation,
  });
  await system.simulator.addCannedAnswer({ contains: asked.question, answer: asked.answer });
  await ask(page, asked.question);
  return answered(page);
}

describe('Chat', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser.close();
  });

  describe('without a model key (offline answers)', () => {
    let context: BrowserContext;
    let page: Page;
    const { url, admin } = e2eEnvironment();

    beforeAll(async () => {
      context = await signedInContext(browser, admin);
    });

    beforeEach(async () => {
      page = await openPage(context, '/chat');
      await page.getByRole('heading', { name: 'Ask the knowledge base' }).waitFor();
    });

    afterEach(async () => {
      await page.close();
    });

    it('should answer a first question, labelled offline, with its sources and confidence', async () => {
      const box = page.getByLabel('Ask a question');
      await box.fill('How do I reset');
      await box.press('Shift+Enter');
      await box.pressSequentially('a customer password?');
      expect(await box.inputValue()).toBe('How do I reset\na customer password?');
      await box.press('Enter');

      await page.waitForURL(/\/chat\/[0-9a-f-]{36}$/);
      await page.locator('dp-chat-message.question', { hasText: 'a customer password?' }).waitFor();
      const answer = await answered(page);
      await answer.getByText('Offline answer').waitFor();
      expect(await box.isEnabled()).toBe(true);

      const stored = await storedConversation(url, admin, conversationIdOf(page));
      const reply = stored.messages.find((message) => message.role === 'assistant');
      expect(reply?.status).toBe('complete');
      expect(reply?.offline).toBe(true);
      expect(plain(await answer.locator('.text').innerText())).toContain(
        plain(reply?.content ?? '').slice(0, 40),
      );
      if (reply?.confidence !== null && reply?.confidence !== undefined) {
        await answer
          .getByText(new RegExp(`confidence · ${Math.round(reply.confidence * 100)}%`))
          .waitFor();
      }
      // The shared system's knowledge base may be empty: sources are checked when there are any.
      const first = reply?.citations[0];
      if (first === undefined) {
        expect(await answer.getByRole('region', { name: 'Sources' }).count()).toBe(0);
      } else {
        await answer
          .getByRole('button', { name: `Open source ${first.index}: ${first.documentTitle}` })
          .click();
        const dialog = page.getByRole('dialog');
        await dialog.getByRole('heading', { name: first.documentTitle }).waitFor();
        await dialog.getByText(first.excerpt.slice(0, 40)).first().waitFor();
        await dialog.getByRole('button', { name: 'Close' }).click();
        await dialog.waitFor({ state: 'detached' });
        await answer
          .getByRole('button', { name: `Show source ${first.index}` })
          .first()
          .click();
        await dialog.getByRole('heading', { name: first.documentTitle }).waitFor();
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'detached' });
      }

      const conversations = page.getByRole('navigation', { name: 'Conversations' });
      // Other specs ask as the same administrator, "How do I reset my cPanel password?" among them.
      await conversations.getByRole('link', { name: /^How do I reset a customer/ }).waitFor();
      expect(await conversations.locator('a[aria-current="page"]').count()).toBe(1);
    });

    it('should say when the sources say little about the question', async () => {
      const note = 'The sources say little about your question';
      await ask(page, 'How do I reset my cPanel password?');
      await page.waitForURL(/\/chat\/[0-9a-f-]{36}$/);
      const covered = await answered(page);
      expect(await covered.getByText(note).count()).toBe(0);

      await ask(page, 'Do you support Magento with Elasticsearch and Varnish?');
      await page.locator('dp-chat-message.question', { hasText: 'Varnish' }).waitFor();
      const offTopic = await answered(page);
      await offTopic.getByRole('status').getByText(note).waitFor();
      const stored = await storedConversation(url, admin, conversationIdOf(page));
      const reply = stored.messages.filter((message) => message.role === 'assistant').at(-1);
      expect(reply?.citations.length).toBeGreaterThan(0);
      expect(reply?.flags?.topicCoverage).toBeLessThan(1 / 3);
    });

    it('should name an article that fits the question about as well as the sources', async () => {
      // The sample knowledge base has no article on moving a domain between client accounts:
      // the transfer, backup and DNS articles score alike for the question.
      await ask(page, 'How do I move a domain to another client account?');
      await page.locator('dp-chat-message.question', { hasText: 'another client' }).waitFor();
      const reply = await answered(page);
      const stored = await storedConversation(url, admin, conversationIdOf(page));
      const leftOut = stored.messages.filter((message) => message.role === 'assistant').at(-1)
        ?.flags?.bestLeftOut;
      expect(leftOut?.lead).toBeLessThan(0.25);
      const note = reply.getByRole('status').filter({ hasText: 'fits your question' });
      await note
        .getByText(`“${leftOut?.documentTitle ?? ''}” fits your question about as well`)
        .waitFor();

      await note.getByRole('button', { name: 'Read its passage' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('heading', { name: leftOut?.documentTitle ?? '' }).waitFor();
      expect(await dialog.getByLabel('Passage not cited').innerText()).toBe(leftOut?.passage?.text);
      await dialog.getByRole('button', { name: 'Close' }).click();
      await dialog.waitFor({ state: 'detached' });
    });

    it('should keep a thumbs-up after a reload', async () => {
      await ask(page, 'Which ports does cPanel use?');
      await page.waitForURL(/\/chat\/[0-9a-f-]{36}$/);
      const answer = await answered(page);
      const helpful = answer.getByRole('button', { name: 'Helpful', exact: true });
      expect(await helpful.getAttribute('aria-pressed')).toBe('false');
      await helpful.click();
      await page.getByText('Thanks for the feedback').waitFor();
      expect(await helpful.getAttribute('aria-pressed')).toBe('true');

      await page.reload();
      const reloaded = await answered(page);
      await reloaded.getByRole('button', { name: 'Helpful', pressed: true, exact: true }).waitFor();
      expect(
        await reloaded
          .getByRole('button', { name: 'Not helpful', exact: true })
          .getAttribute('aria-pressed'),
      ).toBe('false');
      const stored = await storedConversation(url, admin, conversationIdOf(page));
      expect(
        stored.messages.find((message) => message.role === 'assistant')?.feedback?.rating,
      ).toBe('up');
    });

    it('should leave the cursor in the question box of a new conversation', async () => {
      await ask(page, 'How do I point a domain at the server?');
      await page.waitForURL(/\/chat\/[0-9a-f-]{36}$/);
      await answered(page);

      await page.getByRole('button', { name: 'New conversation' }).click();
      await page.waitForURL(/\/chat$/);
      await page.keyboard.type('Which DNS records');

      expect(await page.getByLabel('Ask a question').inputValue()).toBe('Which DNS records');
    });

    it('should copy an answer to the clipboard as it was written, without source markers', async () => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url });
      await ask(page, 'How do I change the PHP version of a site?');
      await page.waitForURL(/\/chat\/[0-9a-f-]{36}$/);
      const answer = await answered(page);
      await answer.getByRole('button', { name: 'Copy answer' }).click();
      await page.getByText('Answer copied').waitFor();

      const copied = await page.evaluate(() => navigator.clipboard.readText());
      const stored = await storedConversation(url, admin, conversationIdOf(page));
      const reply = stored.messages.find((message) => message.role === 'assistant');
      expect(copied.length).toBeGreaterThan(0);
      expect(reply?.content).toMatch(/ \[\d\]/);
      expect(copied).toBe(reply?.content.replace(/ \[\d\]/g, ''));
      expect(plain(await answer.locator('.text').innerText())).toContain(
        plain(copied).slice(0, 40),
      );
    });

    it('should take a "Not helpful" vote with a comment, and show the comment in the logs', async () => {
      await ask(page, 'Can I get a refund for a domain I never used?');
      await page.waitForURL(/\/chat\/[0-9a-f-]{36}$/);
      const answer = await answered(page);
      await answer.getByRole('button', { name: 'Not helpful', exact: true }).click();
      await page.getByText('Thanks for the feedback').waitFor();
      await answer
        .getByRole('button', { name: 'Not helpful', pressed: true, exact: true })
        .waitFor();

      const comment = `It explains hosting refunds, not domain refunds (${Date.now().toString(36)})`;
      await answer.getByRole('button', { name: 'Add a comment' }).click();
      const dialog = page.getByRole('dialog', { name: 'What was wrong?' });
      await dialog.getByLabel('Comment (optional)').fill(comment);
      await dialog.getByRole('button', { name: 'Save comment' }).click();
      await page.getByText('Comment saved').waitFor();
      await dialog.waitFor({ state: 'detached' });
      await answer.getByRole('button', { name: 'Edit comment' }).waitFor();

      const stored = await storedConversation(url, admin, conversationIdOf(page));
      const reply = stored.messages.find((message) => message.role === 'assistant');
      expect(reply?.feedback).toMatchObject({ rating: 'down', comment });
      const interactionId = reply?.interactionId ?? '';
      await waitFor(
        async () =>
          (await new AdminApi().interactions({ feedback: 'down' })).items.some(
            (item) =>
              item.id === interactionId && item.feedback.some((entry) => entry.comment === comment),
          ),
        { message: 'the comment copied onto the interaction log' },
      );
      await page.goto(`/analytics/interactions/${interactionId}`);
      await page.getByRole('heading', { name: 'Interaction', exact: true }).waitFor();
      const facts = page.locator('dl.facts');
      await facts.getByText(`“${comment}”`).waitFor();
      await facts.getByText('Not helpful', { exact: true }).waitFor();
    });

    it('should rename a conversation and delete it after confirmation', async () => {
      await ask(page, 'Where do I find the invoice settings?');
      await page.waitForURL(/\/chat\/[0-9a-f-]{36}$/);
      await answered(page);
      const id = conversationIdOf(page);
      const conversations = page.getByRole('navigation', { name: 'Conversations' });
      await conversations.getByRole('link', { name: /Where do I find the invoice/ }).waitFor();

      await conversations
        .getByRole('button', { name: /^Actions for Where do I find the invoice/ })
        .click();
      await page.getByRole('menuitem', { name: 'Rename…' }).click();
      const renameDialog = await openedDialog(page);
      await renameDialog.getByLabel('Name').fill('Invoices');
      await renameDialog.getByRole('button', { name: 'Rename' }).click();
      await conversations.getByRole('link', { name: /^Invoices/ }).waitFor();
      await page.getByRole('heading', { name: 'Invoices', exact: true }).waitFor();
      expect((await storedConversation(url, admin, id)).title).toBe('Invoices');

      await conversations.getByRole('button', { name: 'Actions for Invoices' }).click();
      await page.getByRole('menuitem', { name: 'Delete…' }).click();
      const confirm = page.getByRole('dialog');
      await confirm.getByRole('heading', { name: 'Delete this conversation?' }).waitFor();
      await confirm.getByRole('button', { name: 'Cancel' }).click();
      await confirm.waitFor({ state: 'detached' });
      await conversations.getByRole('link', { name: /^Invoices/ }).waitFor();

      await conversations.getByRole('button', { name: 'Actions for Invoices' }).click();
      await page.getByRole('menuitem', { name: 'Delete…' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
      await page.getByText('Conversation deleted').waitFor();
      await page.waitForURL(/\/chat$/);
      await conversations.getByRole('link', { name: /^Invoices/ }).waitFor({ state: 'detached' });
      await expect(storedConversation(url, admin, id)).rejects.toThrow(/404/);
    });
  });

  describe('with a model (the OpenRouter simulator)', () => {
    let system: ModelSystem;
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      system = await startModelSystem();
      await system.addDocument(
        'Domain handbook',
        [
          '# Domain transfers',
          '',
          '## Moving a domain to another client account',
          '',
          'To move a domain to another client account, open the domain in WHMCS and choose',
          'Move to another client. Invoices already raised stay with the original client.',
        ].join('\n'),
      );
      context = await signedInContext(browser, system.admin, system.url);
    }, 240_000);

    afterAll(async () => {
      await context.close();
      await system.stop();
    });

    beforeEach(async () => {
      await system.simulator.reset();
      page = await openPage(context, '/chat');
      await page.getByRole('heading', { name: 'Ask the knowledge base' }).waitFor();
    });

    afterEach(async () => {
      await page.close();
    });

    it('should list the sources of an answer and open the cited passage from the list and the text', async () => {
      await ask(page, 'How do I move a domain to another client account?');
      const answer = await answered(page);
      const sources = answer.getByRole('region', { name: 'Sources' });
      await sources
        .getByText('Domain transfers › Moving a domain to another client account')
        .waitFor();
      await sources.getByRole('button', { name: /^Open source 1: Domain handbook/ }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('heading', { name: /Domain handbook/ }).waitFor();
      await dialog.getByText(/choose\s+Move to another client/).waitFor();
      await dialog.getByRole('button', { name: 'Close' }).click();
      await dialog.waitFor({ state: 'detached' });

      await answer.locator('a.citation', { hasText: '[1]' }).first().click();
      await dialog.getByText(/choose\s+Move to another client/).waitFor();
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      await answer.getByText('Offline answer').waitFor({ state: 'detached' });
      await answer.getByRole('button', { name: 'Helpful', exact: true }).waitFor();
      await saveScreenshot(page, 'chat');
    });

    it('should list the sentences of an answer that its sources do not back', async () => {
      const question = 'Can your team move a domain to another client account for me?';
      await system.simulator.addCannedAnswer({
        contains: question,
        answer:
          'Open the domain in WHMCS and choose Move to another client [1]. ' +
          'Our team moves domains for free within five minutes.',
      });

      await ask(page, question);

      const answer = await answered(page);
      await answer.getByText('Sentences without support (1)').click();
      expect(await answer.locator('dp-unsupported-sentences li').allInnerTexts()).toEqual([
        'Our team moves domains for free within five minutes.',
      ]);
      await answer.getByText(/^Medium confidence|^Low confidence/).waitFor();
    });

    it('should say that an answer written in German from English sources was checked by what it names', async () => {
      const answer = await askTranslated(page, system, {
        question: 'Wie verschiebe ich eine Domain in WHMCS zu einem anderen Kunden?',
        translation: 'How do I move a domain in WHMCS to another client?',
        answer:
          'Öffnen Sie die Domain in WHMCS und wählen Sie dort „Move to another client“ [1]. ' +
          'Bereits gestellte Rechnungen bleiben beim bisherigen Kunden [1].',
      });

      await answer
        .getByText(
          'Written in German from English sources: checked only by the numbers, addresses ' +
            'and names it states.',
        )
        .waitFor();
      await answer.getByText(/^High confidence/).waitFor();
      expect(await answer.getByText(/^Sentences without support/).count()).toBe(0);
    });

    it('should search for the English of a French question, and say what it looked for', async () => {
      const translation = 'How do I move a domain to another client account?';
      const answer = await askTranslated(page, system, {
        question: 'Comment déplacer un domaine vers un autre compte client ?',
        translation,
        answer: 'Ouvrez le domaine dans WHMCS et choisissez « Move to another client » [1].',
      });

      await answer
        .getByText(`The search looked for the question in English: “${translation}”`)
        .waitFor();
      await answer.getByText('Written in French from English sources', { exact: false }).waitFor();
      await answer
        .getByRole('region', { name: 'Sources' })
        .getByText('Domain transfers › Moving a domain to another client account')
        .waitFor();
    });

    it('should say which misspelt words the search read as others, from the start of the answer and after a reload', async () => {
      await system.simulator.updateSettings({ tokenDelayMs: 60 });
      await ask(page, 'How do I move a domian to another client acount?');
      const note = 'The search read “domian” as “domain” and “acount” as “account”.';
      await lastAnswer(page).getByRole('status').getByText(note).waitFor();
      expect(await page.getByRole('button', { name: 'Stop' }).isVisible()).toBe(true);
      const answer = await answered(page);
      await answer
        .getByRole('region', { name: 'Sources' })
        .getByRole('button', { name: /^Open source 1: Domain handbook/ })
        .waitFor();
      await answer.getByRole('status').getByText(note).waitFor();

      await page.reload();
      await lastAnswer(page).getByRole('status').getByText(note).waitFor();
    });

    it('should show the answer growing as the model writes it, and stop it on request', async () => {
      await system.simulator.updateSettings({ tokenDelayMs: 120 });
      await ask(page, 'What does the suspension notice say?');
      const answer = lastAnswer(page);
      const stop = page.getByRole('button', { name: 'Stop' });
      await stop.waitFor();
      await answer.locator('.text').waitFor();
      const early = await answer.locator('.text').innerText();
      await page.waitForFunction(
        (length) =>
          (document.querySelectorAll('dp-chat-message.answer .text')[0]?.textContent ?? '').length >
          length,
        early.length,
        { timeout: 10_000 },
      );
      expect(await stop.isVisible()).toBe(true);
      expect(await page.getByLabel('Ask a question').isDisabled()).toBe(true);

      await stop.click();
      await answer.getByText('You stopped this answer.').waitFor();
      await answer.getByText('Stopped', { exact: true }).waitFor();
      expect((await answer.locator('.text').innerText()).length).toBeGreaterThan(0);
      expect(await page.getByLabel('Ask a question').isEnabled()).toBe(true);
      await answer.getByText('Offline answer').waitFor({ state: 'detached' });
    });

    it('should keep a partial answer marked as failed when the model breaks off, and retry', async () => {
      await system.simulator.updateSettings({ tokenDelayMs: 20 });
      await system.simulator.addFault({ kind: 'midstream-error', afterTokens: 4 });
      await ask(page, 'How do I move a domain to another account?');
      await page.waitForURL(/\/chat\/[0-9a-f-]{36}$/);

      const failed = page.locator('dp-chat-message.answer').first();
      await failed
        .getByRole('alert')
        .getByText('The answer failed before it was finished')
        .waitFor({
          timeout: 30_000,
        });
      await failed.getByText('Failed', { exact: true }).waitFor();
      const partial = await failed.locator('.text').innerText();
      expect(partial.trim().length).toBeGreaterThan(0);
      const stored = await storedConversation(system.url, system.admin, conversationIdOf(page));
      const reply = stored.messages.find((message) => message.role === 'assistant');
      expect(reply?.status).toBe('failed');
      expect(reply?.failure?.reason).toBe('midstream_error');

      await failed.getByRole('button', { name: 'Retry' }).click();
      const retried = await answered(page);
      expect(await page.locator('dp-chat-message.answer').count()).toBe(2);
      await retried.getByRole('button', { name: 'Helpful', exact: true }).waitFor();
      expect(await retried.getByText('Failed', { exact: true }).count()).toBe(0);
      expect(await failed.getByText('Failed', { exact: true }).count()).toBe(1);
    });

    it('should search a follow-up as the model rewrote it with the question before, and say so', async () => {
      const rewrite = 'What are the FTP connection settings?';
      await ask(page, 'How do I connect with FTP?');
      await answered(page);
      await system.simulator.addCannedAnswer({
        contains: 'Rewrite it as one question',
        answer: rewrite,
      });
      await system.simulator.addCannedAnswer({
        contains: 'What are the settings?',
        answer: 'Use the host name, port and user name listed in the connection settings [1].',
      });

      await ask(page, 'What are the settings?');

      const followUp = page.locator('dp-chat-message.answer').nth(1);
      await followUp.getByRole('group', { name: 'Answer actions' }).waitFor({ timeout: 30_000 });
      await followUp.getByText(`The search looked for the follow-up as “${rewrite}”`).waitFor();
      await followUp
        .getByRole('region', { name: 'Sources' })
        .getByRole('button', { name: /^Open source 1: Connecting with FTP and SFTP/ })
        .waitFor();
    });

    // Last of this system's tests: the German article makes its knowledge base bilingual.
    it('should search a German question as asked and in English once some articles are German', async () => {
      await system.addDocument(
        'Domain-Handbuch',
        [
          '# Domains',
          '',
          '## Domain zu einem anderen Kundenkonto verschieben',
          '',
          'Um eine Domain zu einem anderen Kundenkonto zu verschieben, schreiben Sie uns von der',
          'E-Mail-Adresse beider Kundenkonten. Wir verschieben die Domain innerhalb eines',
          'Werktags; offene Rechnungen bleiben beim bisherigen Kundenkonto.',
        ].join('\n'),
      );
      const translation = 'How do I move a domain to another client account?';
      const answer = await askTranslated(page, system, {
        question: 'Wie verschiebe ich eine Domain zu einem anderen Kundenkonto?',
        translation,
        answer:
          'Schreiben Sie uns von der E-Mail-Adresse beider Kundenkonten; wir verschieben die ' +
          'Domain in WHMCS mit „Move to another client“ [1][2].',
      });

      await answer
        .getByText(`The search looked for the question as asked and in English: “${translation}”`)
        .waitFor();
      const sources = answer.getByRole('region', { name: 'Sources' });
      await sources
        .getByText('Domain transfers › Moving a domain to another client account')
        .waitFor();
      await sources
        .getByText('Domains › Domain zu einem anderen Kundenkonto verschieben')
        .waitFor();
    });
  });
});
