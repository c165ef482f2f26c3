import { Client } from 'pg';
import request from 'supertest';

import type { AccessTokenResponse, ApiError, AuditPage, User } from '@deskpilot/contracts';
import { AuditAction, REFRESH_COOKIE } from '@deskpilot/contracts';

import { AuthErrorCode, describeAuthError } from '../../src/auth/auth.exception';
import { LOGIN_LIMIT_PER_IP, ipKey } from '../../src/rate-limit/login-throttle.service';
import type { TestGateway, TestSession } from '../support/session';
import { startTestGateway } from '../support/session';

const INVALID = describeAuthError(AuthErrorCode.InvalidCredentials).message;
const LOCKED = describeAuthError(AuthErrorCode.AccountLocked).message;

function refreshCookieOf(response: request.Response): string {
  const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  const cookie = cookies.find((value) => value.startsWith(`${REFRESH_COOKIE}=`));
  if (cookie === undefined) {
    throw new Error('no refresh cookie set');
  }
  return cookie;
}

let nextAddress = 1;

/** Each brute-force test signs in from its own client address (via the trusted proxy header). */
function freshAddress(): string {
  nextAddress += 1;
  return `192.0.2.${nextAddress}`;
}

function cookieValue(setCookie: string): string {
  return setCookie.split(';')[0]!;
}

describe('Sign-in, refresh and logout', () => {
  let gateway: TestGateway;
  let admin: TestSession;

  beforeAll(async () => {
    gateway = await startTestGateway();
    admin = await gateway.signIn(gateway.admin);
  });

  afterAll(async () => {
    await gateway.stop();
  });

  async function auditActions(email: string): Promise<string[]> {
    const response = await admin.agent
      .get('/api/audit')
      .query({ actorEmail: email, pageSize: 200 })
      .expect(200);
    return (response.body as AuditPage).items.map((entry) => entry.action);
  }

  describe('login', () => {
    it('should return a short-lived bearer token and set the refresh token only as a strict cookie', async () => {
      const { email, password } = await gateway.createUser('staff');

      const response = await gateway
        .http()
        .post('/api/auth/login')
        .send({ email: email.toUpperCase(), password })
        .expect(200);

      const body = response.body as AccessTokenResponse;
      expect(body).toMatchObject({
        tokenType: 'Bearer',
        expiresIn: 900,
        user: { email, role: 'staff' },
      });
      expect(JSON.stringify(body)).not.toContain('refresh');
      const cookie = refreshCookieOf(response);
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Strict/i);
      expect(cookie).toMatch(/Path=\/api\/auth/);
      expect(cookie).toMatch(/Expires=/);
    });

    it('should answer an unknown email and a wrong password identically', async () => {
      const { email } = await gateway.createUser('staff');

      const address = freshAddress();
      const unknown = await gateway
        .http()
        .post('/api/auth/login')
        .set('X-Forwarded-For', address)
        .send({ email: 'nobody@gateway.test', password: 'whatever-password-1' });
      const wrong = await gateway
        .http()
        .post('/api/auth/login')
        .set('X-Forwarded-For', address)
        .send({ email, password: 'whatever-password-1' });

      expect(unknown.status).toBe(401);
      expect(wrong.status).toBe(401);
      expect(unknown.body).toEqual(wrong.body);
      expect(unknown.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: INVALID });
      expect(unknown.headers['set-cookie']).toBeUndefined();
      expect(await auditActions('nobody@gateway.test')).toContain(AuditAction.LoginFailed);
    });

    it('should refuse a disabled account with the same answer, even with the right password', async () => {
      const { email, password, user } = await gateway.createUser('staff');
      await admin.agent.post(`/api/users/${user.id}/disable`).expect(200);

      const response = await gateway
        .http()
        .post('/api/auth/login')
        .set('X-Forwarded-For', freshAddress())
        .send({ email, password })
        .expect(401);

      expect((response.body as { message: string }).message).toBe(INVALID);
    });

    it('should reject malformed bodies before counting an attempt', async () => {
      const response = await gateway
        .http()
        .post('/api/auth/login')
        .send({ email: 'x@gateway.test' })
        .expect(400);

      expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    });
  });

  describe('lockout', () => {
    it('should lock the account after five wrong passwords, even for the right one, until an admin unlocks it', async () => {
      const { email, password, user } = await gateway.createUser('staff');
      const address = freshAddress();
      for (let attempt = 1; attempt <= 5; attempt += 1) {
        await gateway
          .http()
          .post('/api/auth/login')
          .set('X-Forwarded-For', address)
          .send({ email, password: `wrong-password-${attempt}` })
          .expect(401);
      }

      const locked = await gateway
        .http()
        .post('/api/auth/login')
        .set('X-Forwarded-For', address)
        .send({ email, password });

      expect(locked.status).toBe(429);
      expect((locked.body as ApiError).message).toBe(LOCKED);
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
      const listed = await admin.agent.get(`/api/users/${user.id}`).expect(200);
      expect((listed.body as User).lockedUntil).not.toBeNull();
      expect(await auditActions(email)).toContain(AuditAction.AccountLocked);

      await admin.agent.post(`/api/users/${user.id}/unlock`).expect(200);

      await gateway
        .http()
        .post('/api/auth/login')
        .set('X-Forwarded-For', address)
        .send({ email, password })
        .expect(200);
    });

    it('should give an unknown email the same lockout answer as a real account', async () => {
      const email = 'ghost@gateway.test';
      const address = freshAddress();
      for (let attempt = 1; attempt <= 5; attempt += 1) {
        await gateway
          .http()
          .post('/api/auth/login')
          .set('X-Forwarded-For', address)
          .send({ email, password: `wrong-password-${attempt}` })
          .expect(401);
      }

      const response = await gateway
        .http()
        .post('/api/auth/login')
        .set('X-Forwarded-For', address)
        .send({ email, password: 'wrong-password-6' })
        .expect(429);

      expect((response.body as ApiError).message).toBe(LOCKED);
    });

    it('should refuse sign-in from an address that used up its attempts, whatever the account', async () => {
      const { email, password } = await gateway.createUser('staff');
      const address = '198.51.100.23';
      const client = new Client({ connectionString: gateway.databaseUrl });
      await client.connect();
      try {
        await client.query(
          `INSERT INTO "gateway"."rate_limit_counters" ("key", "hits", "window_ends_at")
           VALUES ($1, $2, now() + interval '10 minutes')`,
          [ipKey(address), LOGIN_LIMIT_PER_IP.limit],
        );
      } finally {
        await client.end();
      }

      const response = await gateway
        .http()
        .post('/api/auth/login')
        .set('X-Forwarded-For', address)
        .send({ email, password })
        .expect(429);

      expect((response.body as ApiError).message).toBe(
        describeAuthError(AuthErrorCode.TooManyAttemptsFromAddress).message,
      );
      await gateway.http().post('/api/auth/login').send({ email, password }).expect(200);
    });
  });

  describe('refresh', () => {
    it('should rotate the refresh token and issue a working access token', async () => {
      const staff = await gateway.signIn('staff');

      const response = await staff.agent.post('/api/auth/refresh').expect(200);

      const body = response.body as AccessTokenResponse;
      expect(body.user.id).toBe(staff.user.id);
      await gateway
        .http()
        .get('/api/me')
        .set('Authorization', `Bearer ${body.accessToken}`)
        .expect(200);
      await staff.agent.post('/api/auth/refresh').expect(200);
    });

    it('should revoke the whole session when an already used refresh token comes back', async () => {
      const { email, password } = await gateway.createUser('staff');
      const login = await gateway.http().post('/api/auth/login').send({ email, password });
      const first = cookieValue(refreshCookieOf(login));
      const rotated = await gateway
        .http()
        .post('/api/auth/refresh')
        .set('Cookie', first)
        .expect(200);
      const second = cookieValue(refreshCookieOf(rotated));
      const accessToken = (rotated.body as AccessTokenResponse).accessToken;

      const reuse = await gateway.http().post('/api/auth/refresh').set('Cookie', first).expect(401);

      expect(refreshCookieOf(reuse)).toMatch(new RegExp(`^${REFRESH_COOKIE}=;`));
      await gateway.http().post('/api/auth/refresh').set('Cookie', second).expect(401);
      await gateway.http().get('/api/me').set('Authorization', `Bearer ${accessToken}`).expect(401);
      expect(await auditActions(email)).toContain(AuditAction.RefreshTokenReused);
    });

    it('should refuse a request without a refresh cookie', async () => {
      await gateway.http().post('/api/auth/refresh').expect(401);
    });
  });

  describe('logout', () => {
    it('should end the session at once: the access token and the refresh cookie stop working', async () => {
      const staff = await gateway.signIn('staff');
      const login = await gateway
        .http()
        .post('/api/auth/login')
        .send(staff.credentials)
        .expect(200);
      const cookie = cookieValue(refreshCookieOf(login));
      const token = (login.body as AccessTokenResponse).accessToken;

      const response = await gateway
        .http()
        .post('/api/auth/logout')
        .set('Cookie', cookie)
        .expect(204);

      expect(refreshCookieOf(response)).toMatch(new RegExp(`^${REFRESH_COOKIE}=;`));
      await gateway.http().get('/api/me').set('Authorization', `Bearer ${token}`).expect(401);
      await gateway.http().post('/api/auth/refresh').set('Cookie', cookie).expect(401);
      await staff.agent.get('/api/me').expect(200);
      expect(await auditActions(staff.credentials.email)).toContain(AuditAction.Logout);
    });

    it('should succeed without a session', async () => {
      await gateway.http().post('/api/auth/logout').expect(204);
    });
  });

  describe('disabling a user', () => {
    it('should stop their access tokens and refresh cookies at once', async () => {
      const staff = await gateway.signIn('staff');
      await staff.agent.get('/api/me').expect(200);

      await admin.agent.post(`/api/users/${staff.user.id}/disable`).expect(200);

      await staff.agent.get('/api/me').expect(401);
      await staff.agent.post('/api/auth/refresh').expect(401);
    });
  });

  describe('role changes', () => {
    it('should apply to existing access tokens at once', async () => {
      const staff = await gateway.signIn('staff');
      await staff.agent.get('/api/users').expect(403);

      await admin.agent.patch(`/api/users/${staff.user.id}`).send({ role: 'admin' }).expect(200);

      await staff.agent.get('/api/users').expect(200);
    });
  });
});
