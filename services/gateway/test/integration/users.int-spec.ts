import type { ApiError, AuditPage, User, UserPage } from '@deskpilot/contracts';
import { AuditAction } from '@deskpilot/contracts';

import type { TestGateway, TestSession } from '../support/session';
import { startTestGateway, strongPassword } from '../support/session';

describe('Users and the audit log', () => {
  let gateway: TestGateway;
  let admin: TestSession;

  beforeAll(async () => {
    gateway = await startTestGateway();
    admin = await gateway.signIn(gateway.admin);
  });

  afterAll(async () => {
    await gateway.stop();
  });

  describe('POST /api/users', () => {
    it('should create a user who can then sign in, with the email stored lower-case', async () => {
      const password = strongPassword();

      const created = await admin.agent
        .post('/api/users')
        .send({ email: '  Dana.Ops@Gateway.TEST ', password, role: 'staff', name: 'Dana' })
        .expect(201);

      expect(created.body).toMatchObject({
        email: 'dana.ops@gateway.test',
        role: 'staff',
        name: 'Dana',
        disabled: false,
        lockedUntil: null,
      });
      expect(JSON.stringify(created.body)).not.toMatch(/hash|password"/i);
      await gateway
        .http()
        .post('/api/auth/login')
        .send({ email: 'dana.ops@gateway.test', password })
        .expect(200);
    });

    it('should refuse an email already taken, whatever its case', async () => {
      const { email } = await gateway.createUser('staff');

      const response = await admin.agent
        .post('/api/users')
        .send({ email: email.toUpperCase(), password: strongPassword(), role: 'staff', name: 'X' })
        .expect(409);

      expect(response.body).toEqual({
        statusCode: 409,
        error: 'Conflict',
        message: 'A user with this email address exists',
      });
    });

    it.each([
      ['too short', 'Short-1'],
      ['common', 'password1234'],
      ['containing the email', 'newhire-at-the-desk-2024'],
    ])('should refuse a %s password', async (_kind, password) => {
      const response = await admin.agent
        .post('/api/users')
        .send({ email: 'newhire@gateway.test', password, role: 'staff', name: 'New' })
        .expect(400);

      expect((response.body as ApiError).statusCode).toBe(400);
    });

    it('should refuse unknown fields and roles', async () => {
      await admin.agent
        .post('/api/users')
        .send({ email: 'a@gateway.test', password: strongPassword(), role: 'root', name: 'A' })
        .expect(400);
      await admin.agent
        .post('/api/users')
        .send({
          email: 'a@gateway.test',
          password: strongPassword(),
          role: 'staff',
          name: 'A',
          isAdmin: true,
        })
        .expect(400);
    });
  });

  describe('GET /api/users', () => {
    it('should page and search', async () => {
      for (let i = 0; i < 3; i += 1) {
        await gateway.createUser('staff', { email: `pager-${i}@gateway.test`, name: `Pager ${i}` });
      }

      const first = await admin.agent
        .get('/api/users')
        .query({ search: 'pager-', pageSize: 2, page: 1 })
        .expect(200);
      const second = await admin.agent
        .get('/api/users')
        .query({ search: 'pager-', pageSize: 2, page: 2 })
        .expect(200);

      const one = first.body as UserPage;
      const two = second.body as UserPage;
      expect(one.total).toBe(3);
      expect(one.items.map((u) => u.email)).toEqual([
        'pager-0@gateway.test',
        'pager-1@gateway.test',
      ]);
      expect(two.items.map((u) => u.email)).toEqual(['pager-2@gateway.test']);
    });
  });

  describe('the last active admin', () => {
    it('should not be demoted or disabled, but can be once another admin exists', async () => {
      const everyone = (await admin.agent.get('/api/users').query({ role: 'admin' }).expect(200))
        .body as UserPage;
      expect(everyone.items.map((u) => u.email)).toEqual([gateway.admin.email]);

      const demote = await admin.agent
        .patch(`/api/users/${admin.user.id}`)
        .send({ role: 'staff' })
        .expect(409);
      await admin.agent.post(`/api/users/${admin.user.id}/disable`).expect(409);

      expect((demote.body as ApiError).message).toMatch(/last active administrator/);
      const second = await gateway.createUser('admin');
      await admin.agent.post(`/api/users/${second.user.id}/disable`).expect(200);
      await admin.agent.patch(`/api/users/${admin.user.id}`).send({ role: 'staff' }).expect(409);
      await admin.agent.post(`/api/users/${second.user.id}/enable`).expect(200);
      const other = await gateway.signIn(second);
      await other.agent.patch(`/api/users/${second.user.id}`).send({ role: 'staff' }).expect(200);
    });
  });

  describe('passwords', () => {
    it('should let an admin reset a password, ending all sessions of that user', async () => {
      const staff = await gateway.signIn('staff');
      const password = strongPassword();

      await admin.agent.post(`/api/users/${staff.user.id}/password`).send({ password }).expect(200);

      await staff.agent.get('/api/me').expect(401);
      await gateway
        .http()
        .post('/api/auth/login')
        .send({ email: staff.credentials.email, password })
        .expect(200);
    });

    it('should let users change their own password with the current one, ending their other sessions', async () => {
      const staff = await gateway.signIn('staff');
      const elsewhere = await gateway.signIn(staff.credentials);
      const next = strongPassword();

      await staff.agent
        .put('/api/me/password')
        .send({ currentPassword: 'not-the-password-1', newPassword: next })
        .expect(400);
      await staff.agent
        .put('/api/me/password')
        .send({ currentPassword: staff.credentials.password, newPassword: next })
        .expect(204);

      await staff.agent.get('/api/me').expect(200);
      await elsewhere.agent.get('/api/me').expect(401);
      await gateway
        .http()
        .post('/api/auth/login')
        .send({ email: staff.credentials.email, password: next })
        .expect(200);
    });
  });

  describe('GET /api/me', () => {
    it('should return the caller and their role', async () => {
      const staff = await gateway.signIn('staff');

      const response = await staff.agent.get('/api/me').expect(200);

      expect(response.body as User).toMatchObject({ id: staff.user.id, role: 'staff' });
    });
  });

  describe('GET /api/audit', () => {
    it('should record who changed what, from where, with the correlation id', async () => {
      const { user } = await gateway.createUser('staff');

      await admin.agent
        .patch(`/api/users/${user.id}`)
        .set('X-Correlation-Id', 'audit-trace-1')
        .send({ role: 'admin', name: 'Promoted' })
        .expect(200);

      const page = (
        await admin.agent
          .get('/api/audit')
          .query({ actorId: admin.user.id, action: AuditAction.UserUpdated })
          .expect(200)
      ).body as AuditPage;
      const entry = page.items.find((item) => item.targetId === user.id);
      expect(entry).toMatchObject({
        actorId: admin.user.id,
        actorEmail: gateway.admin.email,
        action: AuditAction.UserUpdated,
        targetType: 'user',
        ip: expect.stringMatching(/127\.0\.0\.1/) as unknown,
        correlationId: 'audit-trace-1',
        details: { changes: { role: { from: 'staff', to: 'admin' }, name: { to: 'Promoted' } } },
      });
    });

    it('should filter by action area and time range', async () => {
      const before = new Date(Date.now() - 1000).toISOString();
      await gateway.signIn('staff');

      const recent = (
        await admin.agent.get('/api/audit').query({ action: 'auth.*', from: before }).expect(200)
      ).body as AuditPage;
      const none = (
        await admin.agent.get('/api/audit').query({ action: 'auth.*', to: '2000-01-01T00:00:00Z' })
      ).body as AuditPage;

      expect(recent.items.length).toBeGreaterThan(0);
      expect(recent.items.every((item) => item.action.startsWith('auth.'))).toBe(true);
      expect(none.total).toBe(0);
    });

    it('should refuse bad filters', async () => {
      await admin.agent.get('/api/audit').query({ from: 'yesterday' }).expect(400);
      await admin.agent.get('/api/audit').query({ pageSize: 100000 }).expect(400);
    });
  });
});
