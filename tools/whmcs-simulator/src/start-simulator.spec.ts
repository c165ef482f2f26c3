import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { SIMULATOR_CREDENTIALS } from './api/api-credentials';
import type { RunningWhmcsSimulator } from './start-simulator';
import { startWhmcsSimulator } from './start-simulator';

const AUTH = {
  identifier: SIMULATOR_CREDENTIALS.identifier,
  secret: SIMULATOR_CREDENTIALS.secret,
  responsetype: 'json',
};

describe(startWhmcsSimulator.name, () => {
  let sut: RunningWhmcsSimulator;

  async function post(params: Record<string, string | number>): Promise<Response> {
    const body = new URLSearchParams(AUTH);
    for (const [key, value] of Object.entries(params)) {
      body.set(key, typeof value === 'number' ? value.toString() : value);
    }
    return fetch(sut.apiUrl, { method: 'POST', body });
  }

  async function control(method: string, path: string, body?: unknown): Promise<Response> {
    return fetch(`${sut.controlUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  }

  beforeEach(async () => {
    sut = await startWhmcsSimulator({ seed: 3, backlog: 5 });
  });

  afterEach(async () => {
    await sut.close();
  });

  describe('API', () => {
    it('should answer a form-encoded POST with JSON', async () => {
      const response = await post({ action: 'GetTickets', status: 'Awaiting Reply' });

      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ result: 'success' });
    });

    it('should answer a GET with the parameters in the query string', async () => {
      const query = new URLSearchParams({ ...AUTH, action: 'GetSupportStatuses' });

      const response = await fetch(`${sut.apiUrl}?${query.toString()}`);

      expect(await response.json()).toMatchObject({ result: 'success', totalresults: 6 });
    });

    it('should refuse a JSON body as unauthenticated, since PHP does not parse it', async () => {
      const response = await fetch(sut.apiUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...AUTH, action: 'GetTickets' }),
      });

      expect(response.status).toBe(403);
      expect(await response.text()).toBe('result=error;message=Authentication Failed');
    });

    it('should answer "An admin user is required" when the API path is appended twice', async () => {
      const response = await fetch(`${sut.apiUrl}/includes/api.php`, {
        method: 'POST',
        body: new URLSearchParams({ ...AUTH, action: 'GetTickets' }),
      });

      expect(response.status).toBe(200);
      expect(await response.text()).toBe('An admin user is required');
    });
  });

  describe('faults', () => {
    it('should answer an HTML page with status 500 and run nothing for http-500', async () => {
      const ticketId = sut.control.ticketIdByKey('cpanel-login');
      sut.control.setFaults([{ fault: 'http-500', actions: ['AddTicketReply'] }]);

      const response = await post({
        action: 'AddTicketReply',
        ticketid: ticketId,
        message: 'hi',
        adminusername: 'deskpilot',
      });

      expect(response.status).toBe(500);
      expect(response.headers.get('content-type')).toContain('text/html');
      expect(sut.control.postedReplies()).toHaveLength(0);
      expect(sut.control.calls('addticketreply')).toEqual([
        expect.objectContaining({ ticketId, status: 500, fault: 'http-500' }),
      ]);
    });

    it('should store the reply and still answer 500 for written-then-500', async () => {
      const ticketId = sut.control.ticketIdByKey('cpanel-login');
      sut.control.setFaults([{ fault: 'written-then-500', count: 1 }]);

      const response = await post({
        action: 'AddTicketReply',
        ticketid: ticketId,
        message: 'hi',
        adminusername: 'deskpilot',
      });

      expect(response.status).toBe(500);
      expect(sut.control.postedReplies(ticketId)).toHaveLength(1);
    });

    it('should store the reply and drop the connection for written-then-hang', async () => {
      const ticketId = sut.control.ticketIdByKey('cpanel-login');
      sut.control.setFaults([{ fault: 'written-then-hang', delayMs: 50 }]);

      const call = post({
        action: 'AddTicketReply',
        ticketid: ticketId,
        message: 'hi',
        adminusername: 'deskpilot',
      });

      await expect(call).rejects.toThrow();
      expect(sut.control.postedReplies(ticketId)).toHaveLength(1);
    });

    it('should answer IP Banned with 403 while the fault is set, and normally once cleared', async () => {
      await control('PUT', '/faults', { rules: [{ fault: 'ip-banned' }] });
      const banned = await post({ action: 'GetTickets' });
      await control('DELETE', '/faults');
      const after = await post({ action: 'GetTickets' });

      expect(banned.status).toBe(403);
      expect(await banned.json()).toEqual({ result: 'error', message: 'IP Banned' });
      expect(after.status).toBe(200);
    });

    it('should answer a PHP error page with status 200 for html-page', async () => {
      sut.control.setFaults([{ fault: 'html-page' }]);

      const response = await post({ action: 'GetTickets' });

      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<b>Fatal error</b>');
    });
  });

  describe('control API', () => {
    it('should inject an email reply that makes the ticket Customer-Reply with a newer lastreply', async () => {
      const ticketId = sut.control.ticketIdByKey('ssl-common-name');
      const before = sut.control.ticket(ticketId);

      const response = await control('POST', `/tickets/${ticketId}/customer-replies`, {
        message: 'It\'s still "broken" <3',
      });

      expect(response.status).toBe(201);
      const after = sut.control.ticket(ticketId);
      expect(after['status']).toBe('Customer-Reply');
      expect(String(after['lastreply']) > String(before['lastreply'])).toBe(true);
      const thread = (after['replies'] as { reply: { message: string }[] }).reply;
      expect(thread.at(-1)?.message).toBe('It&#039;s still &quot;broken&quot; &lt;3');
    });

    it('should keep lastreply when the install only updates it on a status change', async () => {
      await sut.close();
      sut = await startWhmcsSimulator({ quirks: { lastReplyUpdate: 'statusonly' } });
      const ticketId = sut.control.ticketIdByKey('dns-propagation');
      const before = sut.control.ticket(ticketId)['lastreply'];

      sut.control.injectCustomerReply(ticketId, { message: 'Any news?' });

      expect(sut.control.ticket(ticketId)['lastreply']).toBe(before);
    });

    it('should open a ticket and list replies posted through the API', async () => {
      const opened = await control('POST', '/tickets', {
        deptId: 3,
        clientId: 2,
        subject: 'Domain question',
        message: 'Hi',
      });
      const { id } = (await opened.json()) as { id: string };
      await post({ action: 'AddTicketReply', ticketid: id, message: 'Answer', adminusername: 'x' });

      const listed = await control('GET', `/replies?ticketId=${id}`);

      expect(await listed.json()).toMatchObject({
        replies: [{ ticketId: id, admin: 'x', message: 'Answer', statusAfter: 'Answered' }],
      });
    });

    it('should count calls by action', async () => {
      await post({ action: 'GetTickets' });
      await post({ action: 'gettickets' });

      const response = await control('GET', '/calls');

      expect(await response.json()).toMatchObject({ counts: { gettickets: 2 } });
    });

    it('should rebuild the same install on reset', async () => {
      const awaiting = sut.control.awaitingTicketIds();
      sut.control.injectCustomerReply(sut.control.ticketIdByKey('php-upgrade'), { message: 'x' });

      const response = await control('POST', '/reset', {});

      expect(response.status).toBe(200);
      expect(sut.control.awaitingTicketIds()).toEqual(awaiting);
    });

    it('should answer 400 for an invalid fault rule and 404 for an unknown ticket', async () => {
      const invalid = await control('PUT', '/faults', { rules: [{ fault: 'meteor' }] });
      const missing = await control('POST', '/tickets/9999/customer-replies', { message: 'x' });

      expect(invalid.status).toBe(400);
      expect(missing.status).toBe(404);
    });
  });

  describe('backlog', () => {
    it('should generate the same awaiting tickets for the same seed', async () => {
      const other = await startWhmcsSimulator({ seed: 3, backlog: 5 });
      try {
        const ids = sut.control.awaitingTicketIds();
        expect(other.control.awaitingTicketIds()).toEqual(ids);
        const last = ids.at(-1) ?? '';
        expect(other.control.ticket(last)['subject']).toBe(sut.control.ticket(last)['subject']);
        expect(other.control.ticket(last)['tid']).toBe(sut.control.ticket(last)['tid']);
      } finally {
        await other.close();
      }
    });

    it('should add the requested number of awaiting tickets', async () => {
      const bigger = await startWhmcsSimulator({ seed: 3, backlog: 500 });
      try {
        expect(bigger.control.awaitingTicketIds()).toHaveLength(
          sut.control.awaitingTicketIds().length + 495,
        );
      } finally {
        await bigger.close();
      }
    });
  });

  describe('kept state', () => {
    let directory: string;
    let stateFile: string;

    beforeEach(() => {
      directory = mkdtempSync(join(tmpdir(), 'whmcs-simulator-'));
      stateFile = join(directory, 'state.json');
    });

    afterEach(() => {
      rmSync(directory, { recursive: true, force: true });
    });

    it('should find tickets, replies and statuses of the last run after a restart', async () => {
      const first = await startWhmcsSimulator({ seed: 3, stateFile });
      const ticketId = first.control.awaitingTicketIds()[0] ?? '';
      first.control.addStaffReply(ticketId, { message: 'Answered before the restart' });
      const opened = first.control.openTicket({
        deptId: 1,
        name: 'Guest',
        email: 'guest@example.com',
        subject: 'Opened before the restart',
        message: 'Hello',
      });
      await first.close();

      const second = await startWhmcsSimulator({ seed: 3, stateFile });
      try {
        expect(second.control.awaitingTicketIds()).not.toContain(ticketId);
        expect(second.control.ticket(ticketId)).toMatchObject({ status: 'Answered' });
        expect(second.control.ticket(opened.id)).toMatchObject({
          subject: 'Opened before the restart',
        });
        expect(
          second.control.openTicket({
            deptId: 1,
            name: 'G',
            email: 'g@example.com',
            subject: 's',
            message: 'm',
          }).id,
        ).toBe(String(Number(opened.id) + 1));
      } finally {
        await second.close();
      }
    });

    it('should keep a reply posted through the API without waiting for close', async () => {
      const running = await startWhmcsSimulator({ seed: 3, stateFile });
      try {
        const ticketId = running.control.awaitingTicketIds()[0] ?? '';
        const body = new URLSearchParams({
          ...AUTH,
          action: 'AddTicketReply',
          ticketid: ticketId,
          message: 'Posted through the API',
          adminusername: SIMULATOR_CREDENTIALS.adminUsername,
        });
        const response = await fetch(running.apiUrl, { method: 'POST', body });
        expect(await response.json()).toMatchObject({ result: 'success' });

        await waitFor(
          () =>
            existsSync(stateFile) &&
            readFileSync(stateFile, 'utf8').includes('Posted through the API'),
        );
      } finally {
        await running.close();
      }
    });

    it('should start from the seed when the kept state is for other seed settings', async () => {
      const first = await startWhmcsSimulator({ seed: 3, stateFile });
      const ticketId = first.control.awaitingTicketIds()[0] ?? '';
      first.control.addStaffReply(ticketId, { message: 'Answered' });
      await first.close();

      const other = await startWhmcsSimulator({ seed: 3, backlog: 2, stateFile });
      try {
        expect(other.control.awaitingTicketIds()).toContain(ticketId);
      } finally {
        await other.close();
      }
    });

    it('should move an unreadable state file aside, report it and start from the seed', async () => {
      writeFileSync(stateFile, '{"format":1,"tick');
      const errors: unknown[] = [];

      const fresh = await startWhmcsSimulator({
        seed: 3,
        stateFile,
        onError: (error) => errors.push(error),
      });
      try {
        expect(errors).toHaveLength(1);
        expect(String(errors[0])).toContain('is not JSON');
        expect(
          readdirSync(directory).some((name) => name.startsWith('state.json.unreadable-')),
        ).toBe(true);
        expect(fresh.control.summary().tickets).toBeGreaterThan(0);
      } finally {
        await fresh.close();
      }
    });
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error('condition not met in time');
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
