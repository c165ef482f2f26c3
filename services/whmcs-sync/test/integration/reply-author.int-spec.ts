import { API_ADMIN_ID, SIMULATOR_CREDENTIALS, SYNC_ROLE_ACTIONS } from '@deskpilot/whmcs-simulator';

import { SyncHarness } from '../support/sync-harness';

/** Replies posted as their approvers; polling only at start, so each test sets WHMCS up itself. */
const APPROVER_AUTHOR = { WHMCS_POLL_SECONDS: '3600', WHMCS_REPLY_AUTHOR: 'approver' };

const SARAH = {
  id: 'user-sarah',
  name: 'Sarah (Deskpilot)',
  email: 'Sarah.Mitchell@brightnest-hosting.example',
};
const SARAH_SIGNATURE = 'Kind regards,\nSarah\nBrightNest Hosting Support';
const TOMASZ = {
  id: 'user-tomasz',
  name: 'Tomasz Nowak',
  email: 'tomasz.nowak@brightnest-hosting.example',
};
const TOMASZ_SIGNATURE = 'Kind regards,\nTomasz\nBrightNest Hosting Support';

describe('whmcs-sync reply author', () => {
  describe('with WHMCS_REPLY_AUTHOR=approver', () => {
    let harness: SyncHarness;
    const idOf = (key: string): string => harness.simulator.control.ticketIdByKey(key);

    beforeAll(async () => {
      harness = await SyncHarness.start({ env: APPROVER_AUTHOR, drafter: { cite: true } });
    });

    afterAll(async () => {
      await harness.close();
    });

    it('should tell a reviewer who their replies go out as before they approve one', async () => {
      const own = await harness.bus.request('tickets.replies.author', { approver: SARAH });
      const other = await harness.bus.request('tickets.replies.author', {
        approver: { id: 'user-9', name: 'Olga Outsider', email: 'olga@example.com' },
      });

      expect(own).toEqual({
        name: 'Sarah Mitchell',
        signature: SARAH_SIGNATURE,
        source: 'approver',
      });
      expect(other).toEqual({
        name: 'Deskpilot Integration',
        signature: null,
        source: 'integration',
      });
    });

    it("should post as the approver's WHMCS admin, signed with their signature", async () => {
      const ticketId = idOf('cpanel-login');
      const draft = await harness.draftOf(ticketId, 'ready');
      const text = 'Hello Daniel,\n\nyour IP address was unblocked.\n\nBest regards,';

      const result = await harness.bus.request('tickets.drafts.approve', {
        draftId: draft.id,
        approvedBy: SARAH,
        text,
      });

      const signed = `Hello Daniel,\n\nyour IP address was unblocked.\n\n${SARAH_SIGNATURE}`;
      expect(result.outcome).toBe('sent');
      expect(result.draft).toMatchObject({ status: 'sent', humanText: text, text: signed });
      expect(harness.simulator.control.postedReplies(ticketId)).toMatchObject([
        { admin: 'Sarah Mitchell', message: signed },
      ]);
      const history = await harness.bus.request('tickets.replies.list', {
        ticketId,
        limit: 10,
        offset: 0,
      });
      expect(history.items).toMatchObject([
        { text: signed, postedAs: 'Sarah Mitchell', approvedBy: SARAH },
      ]);
    });

    it('should post the draft without its citation markers, which mean nothing to the customer', async () => {
      const ticketId = idOf('vps-unresponsive');
      const draft = await harness.draftOf(ticketId, 'ready');
      expect(draft.aiText).toMatch(/^We are looking into: .* \[1\]$/m);

      const result = await harness.bus.request('tickets.drafts.approve', {
        draftId: draft.id,
        approvedBy: SARAH,
      });

      // The drafter's own closing ("Kind regards,\nSupport") gives way to Sarah's signature.
      const body = (draft.aiText ?? '')
        .replace(' [1]', '')
        .replace(/\n+Kind regards,\nSupport$/u, '');
      expect(body).not.toBe(draft.aiText);
      const posted = `${body}\n\n${SARAH_SIGNATURE}`;
      expect(result.draft).toMatchObject({ status: 'sent', aiText: draft.aiText, text: posted });
      expect(harness.simulator.control.postedReplies(ticketId)).toMatchObject([
        { admin: 'Sarah Mitchell', message: posted },
      ]);
    });

    it('should post as the integration when no enabled WHMCS admin has the approver’s email', async () => {
      const outsider = { id: 'user-2', name: 'Olga Outsider', email: 'olga@example.com' };
      const disabled = {
        id: 'user-3',
        name: 'Jake Holloway',
        email: 'jake.holloway@brightnest-hosting.example',
      };
      const cases = [
        { key: 'double-charge', approver: outsider },
        { key: 'epp-code-request', approver: disabled },
      ];

      for (const { key, approver } of cases) {
        const ticketId = idOf(key);
        const draft = await harness.draftOf(ticketId, 'ready');
        const text = 'Hello,\n\nthis is sorted now.\n\nKind regards,';
        const result = await harness.bus.request('tickets.drafts.approve', {
          draftId: draft.id,
          approvedBy: approver,
          text,
        });

        expect(result.outcome).toBe('sent');
        expect(harness.simulator.control.postedReplies(ticketId)).toMatchObject([
          { admin: 'Deskpilot Integration', message: text },
        ]);
      }
    });

    it('should hold the reply while WHMCS cannot say who the approver is, then sign it', async () => {
      const ticketId = idOf('spf-dkim');
      const draft = await harness.draftOf(ticketId, 'ready');
      harness.simulator.control.setFaults([
        { fault: 'http-500', count: 3, actions: ['GetAdminUsers'] },
      ]);
      const text = 'Hello Raj,\n\nthe DKIM record is published.';

      const held = await harness.bus.request('tickets.drafts.approve', {
        draftId: draft.id,
        approvedBy: TOMASZ,
        text,
      });

      expect(held.outcome).toBe('queued');
      expect(harness.simulator.control.postedReplies(ticketId)).toHaveLength(0);
      harness.simulator.control.clearFaults();
      const sent = await harness.draftOf(ticketId, 'sent');
      expect(sent.text).toBe(`${text}\n\n${TOMASZ_SIGNATURE}`);
      expect(harness.simulator.control.postedReplies(ticketId)).toMatchObject([
        { admin: 'Tomasz Nowak', message: `${text}\n\n${TOMASZ_SIGNATURE}` },
      ]);
    });
  });

  describe('with a team signature (WHMCS_REPLY_SIGNATURE)', () => {
    let harness: SyncHarness;
    const team = 'Kind regards,\nThe BrightNest support team';

    beforeAll(async () => {
      harness = await SyncHarness.start({
        env: {
          WHMCS_POLL_SECONDS: '3600',
          WHMCS_REPLY_SIGNATURE: 'Kind regards,\\nThe BrightNest support team',
        },
      });
    });

    afterAll(async () => {
      await harness.close();
    });

    it("should sign the integration's replies with it, in place of the closing line", async () => {
      const ticketId = harness.simulator.control.ticketIdByKey('cpanel-login');
      const draft = await harness.draftOf(ticketId, 'ready');
      const author = await harness.bus.request('tickets.replies.author', { approver: SARAH });

      const result = await harness.bus.request('tickets.drafts.approve', {
        draftId: draft.id,
        approvedBy: SARAH,
        text: 'Hello Daniel,\n\nyour IP address was unblocked.\n\nBest regards,',
      });

      const posted = `Hello Daniel,\n\nyour IP address was unblocked.\n\n${team}`;
      expect(author).toEqual({
        name: 'Deskpilot Integration',
        signature: team,
        source: 'integration',
      });
      expect(result.outcome).toBe('sent');
      expect(harness.simulator.control.postedReplies(ticketId)).toMatchObject([
        { admin: 'Deskpilot Integration', message: posted },
      ]);
      const history = await harness.bus.request('tickets.replies.list', {
        ticketId,
        limit: 10,
        offset: 0,
      });
      expect(history.items).toMatchObject([{ text: posted }]);
    });
  });

  describe('with an API role that may not list admins', () => {
    let harness: SyncHarness;

    beforeAll(async () => {
      harness = await SyncHarness.start({
        env: APPROVER_AUTHOR,
        simulator: {
          credentials: [
            {
              identifier: SIMULATOR_CREDENTIALS.identifier,
              secret: SIMULATOR_CREDENTIALS.secret,
              adminId: API_ADMIN_ID,
              allowedActions: SYNC_ROLE_ACTIONS.filter((action) => action !== 'getadminusers'),
            },
          ],
        },
      });
    });

    afterAll(async () => {
      await harness.close();
    });

    it('should post as the integration and go on talking to WHMCS', async () => {
      const ticketId = harness.simulator.control.ticketIdByKey('cpanel-login');
      const draft = await harness.draftOf(ticketId, 'ready');
      const text = 'Hello Daniel,\n\nyour IP address was unblocked.';

      const result = await harness.bus.request('tickets.drafts.approve', {
        draftId: draft.id,
        approvedBy: SARAH,
        text,
      });

      expect(result.outcome).toBe('sent');
      expect(harness.simulator.control.postedReplies(ticketId)).toMatchObject([
        { admin: 'Deskpilot Integration', message: text },
      ]);
      expect(harness.simulator.control.calls('getadminusers')).toMatchObject([{ status: 403 }]);
      await harness.runSync();
      const status = await harness.bus.request('tickets.sync.status', {});
      expect(status.state).not.toBe('blocked');
      expect(status.alerts).toHaveLength(0);
    });
  });
});
