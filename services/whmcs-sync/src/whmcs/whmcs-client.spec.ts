import { Writable } from 'node:stream';

import { createLogger } from '@deskpilot/observability';
import type { RunningWhmcsSimulator } from '@deskpilot/whmcs-simulator';
import {
  READ_ONLY_CREDENTIALS,
  SIMULATOR_CREDENTIALS,
  startWhmcsSimulator,
} from '@deskpilot/whmcs-simulator';

import type { WhmcsConnectionConfig } from '../config/whmcs-sync.config';
import { WhmcsClient } from './whmcs-client';
import { WhmcsTransport } from './whmcs-transport';
import { WhmcsErrorCode, WhmcsException } from './whmcs.exception';

describe(WhmcsClient.name, () => {
  let simulator: RunningWhmcsSimulator;
  let logged: string;

  function client(overrides: Partial<WhmcsConnectionConfig> = {}): WhmcsClient {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logged += chunk.toString('utf8');
        done();
      },
    });
    const logger = createLogger({ service: 'test', instanceId: 'test', level: 'debug' }, sink);
    const connection: WhmcsConnectionConfig = {
      url: simulator.url,
      identifier: SIMULATOR_CREDENTIALS.identifier,
      secret: SIMULATOR_CREDENTIALS.secret,
      accessKey: undefined,
      timeoutMs: 2_000,
      timeZone: simulator.timeZone,
      ...overrides,
    };
    return new WhmcsClient(new WhmcsTransport(connection, logger), logger, {
      attempts: 3,
      firstDelayMs: 5,
      maxDelayMs: 20,
    });
  }

  const calls = (action: string): number => simulator.control.callCounts()[action] ?? 0;

  async function failure(call: Promise<unknown>): Promise<WhmcsException> {
    try {
      await call;
    } catch (error) {
      if (error instanceof WhmcsException) {
        return error;
      }
      throw error;
    }
    throw new Error('The call did not fail');
  }

  beforeEach(async () => {
    logged = '';
    simulator = await startWhmcsSimulator({ backlog: 150 });
  });

  afterEach(async () => {
    await simulator.close();
  });

  describe('awaitingTickets', () => {
    it('should page through every awaiting ticket of every department', async () => {
      const sut = client();

      const tickets = await sut.awaitingTickets();

      expect(tickets.map((t) => t.id).sort()).toEqual(simulator.control.awaitingTicketIds().sort());
      expect(new Set(tickets.map((t) => t.deptid))).toEqual(new Set(['1', '2', '3', '4']));
      expect(calls('gettickets')).toBe(2);
    });

    it('should retry a 500 with backoff and then succeed', async () => {
      simulator.control.setFaults([{ fault: 'http-500', count: 2 }]);
      const sut = client();

      await sut.awaitingTickets();

      expect(
        simulator.control
          .calls('gettickets')
          .map((c) => c.status)
          .slice(0, 3),
      ).toEqual([500, 500, 200]);
    });

    it('should give up as unavailable when WHMCS keeps answering an HTML page', async () => {
      simulator.control.setFaults([{ fault: 'html-page' }]);
      const sut = client();

      const error = await failure(sut.awaitingTickets());

      expect(error.code).toBe(WhmcsErrorCode.Unavailable);
      expect(error.detail).toBe('HTTP 200 answered an HTML page instead of JSON');
      expect(calls('gettickets')).toBe(3);
    });

    it('should fail at once, without retrying, on a 403', async () => {
      simulator.control.setFaults([{ fault: 'ip-banned' }]);
      const sut = client();

      const error = await failure(sut.awaitingTickets());

      expect(error.code).toBe(WhmcsErrorCode.Forbidden);
      expect(error.detail).toBe('HTTP 403 IP Banned');
      expect(calls('gettickets')).toBe(1);
    });

    it('should report a 403 from a firewall with an HTML body as forbidden', async () => {
      simulator.control.setFaults([{ fault: 'waf-403' }]);

      const error = await failure(client().awaitingTickets());

      expect(error.code).toBe(WhmcsErrorCode.Forbidden);
    });

    it('should treat a slow WHMCS as unavailable after the timeout', async () => {
      simulator.control.setFaults([{ fault: 'hang', delayMs: 1_000 }]);
      const sut = client({ timeoutMs: 100 });

      const error = await failure(sut.awaitingTickets());

      expect(error.code).toBe(WhmcsErrorCode.Unavailable);
      expect(error.detail).toBe('no answer within 100 ms');
    });
  });

  describe('ticket', () => {
    it('should report a business error as rejected without retrying', async () => {
      const error = await failure(client().ticket('99999'));

      expect(error.code).toBe(WhmcsErrorCode.Rejected);
      expect(error.detail).toBe('Ticket ID Not Found');
      expect(calls('getticket')).toBe(1);
    });

    it('should read the thread with the opening message first', async () => {
      const ticketId = simulator.control.ticketIdByKey('dns-propagation');

      const detail = await client().ticket(ticketId);

      expect(detail.replies.map((r) => r.replyid)[0]).toBe('0');
      expect(detail.deptname).toBe('Technical Support');
    });
  });

  describe('clientProducts', () => {
    it("should read the client's services and nothing for a client without any", async () => {
      const products = await client().clientProducts('1');
      const none = await client().clientProducts('0');

      expect(products).toEqual([
        { name: 'Shared Hosting – Business', domain: 'okafordigital.co.uk', status: 'Active' },
      ]);
      expect(none).toEqual([]);
    });

    it('should report a role without the action as forbidden', async () => {
      const error = await failure(
        client({
          identifier: READ_ONLY_CREDENTIALS.identifier,
          secret: READ_ONLY_CREDENTIALS.secret,
        }).clientProducts('1'),
      );

      expect(error.code).toBe(WhmcsErrorCode.Forbidden);
      expect(error.detail).toMatch(/Invalid Permissions/);
    });
  });

  describe('addStaffReply', () => {
    it('should post once as markdown under the given admin name', async () => {
      const ticketId = simulator.control.ticketIdByKey('cpanel-login');

      await client().addStaffReply({
        ticketId,
        message: '**Done**',
        adminUsername: 'Support Team',
      });

      expect(simulator.control.postedReplies(ticketId)).toEqual([
        expect.objectContaining({ admin: 'Support Team', message: '**Done**' }) as unknown,
      ]);
    });

    it('should not retry a post that failed', async () => {
      simulator.control.setFaults([{ fault: 'http-500', actions: ['AddTicketReply'] }]);
      const ticketId = simulator.control.ticketIdByKey('cpanel-login');

      const error = await failure(
        client().addStaffReply({ ticketId, message: 'x', adminUsername: 'Support' }),
      );

      expect(error.code).toBe(WhmcsErrorCode.Unavailable);
      expect(calls('addticketreply')).toBe(1);
    });
  });

  describe('credentials', () => {
    it('should keep the identifier and secret out of every log line', async () => {
      simulator.control.setFaults([{ fault: 'http-500', count: 1 }]);
      const sut = client();

      await sut.adminDetails();
      await failure(client({ secret: 'wrong-secret' }).adminDetails());

      expect(logged).toContain('GetAdminDetails');
      expect(logged).not.toContain(SIMULATOR_CREDENTIALS.secret);
      expect(logged).not.toContain(SIMULATOR_CREDENTIALS.identifier);
      expect(logged).not.toContain('wrong-secret');
    });
  });
});
