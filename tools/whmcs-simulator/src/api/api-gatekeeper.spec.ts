import { LOCAL_IP, createHarness } from '../../test/api-harness';
import { LEGACY_LOGIN, READ_ONLY_CREDENTIALS, SIMULATOR_CREDENTIALS } from './api-credentials';
import { ApiGatekeeper, md5 } from './api-gatekeeper';

const json = { responsetype: 'json' };

describe(ApiGatekeeper.name, () => {
  describe('authenticate', () => {
    it('should answer 403 Authentication Failed when no credentials are sent', async () => {
      const sut = createHarness();

      const outcome = await sut.raw({ action: 'GetTickets', ...json });

      expect(outcome).toMatchObject({ kind: 'respond', response: { status: 403 } });
      expect(outcome.kind === 'respond' && JSON.parse(outcome.response.text)).toEqual({
        result: 'error',
        message: 'Authentication Failed',
      });
    });

    it('should answer Authentication Failed when the secret is wrong', async () => {
      const sut = createHarness();

      const result = await sut.call('GetTickets', { secret: 'wrong' });

      expect(result.status).toBe(403);
      expect(result.json['message']).toBe('Authentication Failed');
    });

    it('should answer Invalid or missing credentials when the identifier is unknown', async () => {
      const sut = createHarness();

      const result = await sut.call('GetTickets', { identifier: 'nobody' });

      expect(result.status).toBe(403);
      expect(result.json['message']).toBe('Invalid or missing credentials');
    });

    it('should answer Invalid or missing credentials when the secret is empty', async () => {
      const sut = createHarness();

      const result = await sut.call('GetTickets', { secret: '' });

      expect(result.json['message']).toBe('Invalid or missing credentials');
    });

    it('should accept the credential pair sent as username and password', async () => {
      const sut = createHarness();

      const outcome = await sut.raw({
        action: 'GetAdminDetails',
        username: SIMULATOR_CREDENTIALS.identifier,
        password: SIMULATOR_CREDENTIALS.secret,
        ...json,
      });

      expect(outcome.kind === 'respond' && outcome.response.status).toBe(200);
    });

    it('should accept a legacy admin login with the md5 of the password', async () => {
      const sut = createHarness();

      const outcome = await sut.raw({
        action: 'GetAdminDetails',
        username: LEGACY_LOGIN.username,
        password: md5(LEGACY_LOGIN.password),
        ...json,
      });

      expect(outcome.kind === 'respond' && JSON.parse(outcome.response.text)).toMatchObject({
        result: 'success',
        adminid: '4',
      });
    });

    it('should refuse a legacy login with the plain password', async () => {
      const sut = createHarness();

      const outcome = await sut.raw({
        action: 'GetAdminDetails',
        username: LEGACY_LOGIN.username,
        password: LEGACY_LOGIN.password,
        ...json,
      });

      expect(outcome.kind === 'respond' && outcome.response.status).toBe(403);
    });

    it('should refuse a disabled admin', async () => {
      const sut = createHarness();

      const outcome = await sut.raw({
        action: 'GetAdminDetails',
        username: 'jake.holloway',
        password: md5('correct-horse-jake'),
        ...json,
      });

      expect(outcome.kind === 'respond' && JSON.parse(outcome.response.text)).toMatchObject({
        message: 'Administrator Account Disabled',
      });
    });

    it('should ban the IP after repeated failures and then refuse even good credentials', async () => {
      const sut = createHarness({ banAfterFailures: 3 });
      for (let attempt = 0; attempt < 3; attempt += 1) {
        await sut.call('GetTickets', { secret: 'wrong' });
      }

      const result = await sut.call('GetTickets');

      expect(result.status).toBe(403);
      expect(result.json['message']).toBe('IP Banned');
    });

    it('should refuse calls from an IP outside the allow list', async () => {
      const sut = createHarness();

      const result = await sut.call('GetTickets', {}, '203.0.113.9');

      expect(result.status).toBe(403);
      expect(result.json['message']).toBe('Invalid IP 203.0.113.9');
    });

    it('should let a caller with the access key in from any IP', async () => {
      const sut = createHarness({ accessKey: 'k3y!(x)' });

      const result = await sut.call('GetTickets', { accesskey: 'k3y!(x)' }, '203.0.113.9');

      expect(result.status).toBe(200);
    });

    it('should answer Invalid Access Key when the access key is wrong', async () => {
      const sut = createHarness({ accessKey: 'right' });

      const result = await sut.call('GetTickets', { accesskey: 'wrong' }, LOCAL_IP);

      expect(result.json['message']).toBe('Invalid Access Key');
    });
  });

  describe('authorise', () => {
    it('should refuse an action the API role does not allow, naming it lower-cased', async () => {
      const sut = createHarness();

      const result = await sut.call('AddTicketReply', {
        identifier: READ_ONLY_CREDENTIALS.identifier,
        secret: READ_ONLY_CREDENTIALS.secret,
        ticketid: 1,
        message: 'x',
      });

      expect(result.status).toBe(403);
      expect(result.json['message']).toBe(
        'Invalid Permissions: API action "addticketreply" is not allowed',
      );
    });

    it('should answer Command Not Found for an unknown action the role allows', async () => {
      const sut = createHarness();

      const outcome = await sut.raw({
        action: 'MakeCoffee',
        username: LEGACY_LOGIN.username,
        password: md5(LEGACY_LOGIN.password),
        ...json,
      });

      expect(outcome.kind === 'respond' && outcome.response.status).toBe(200);
      expect(outcome.kind === 'respond' && JSON.parse(outcome.response.text)).toEqual({
        result: 'error',
        message: 'Command Not Found',
      });
    });

    it('should answer 400 Empty action request when no action is sent', async () => {
      const sut = createHarness();

      const result = await sut.call('');

      expect(result.status).toBe(400);
      expect(result.json['message']).toBe('Empty action request');
    });
  });
});
