import type { ApiError } from '@deskpilot/contracts';

import type { TestGateway } from '../support/session';
import { startTestGateway } from '../support/session';

describe('HTTP hardening', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway({ env: { CORS_ORIGINS: 'https://console.example.com' } });
  });

  afterAll(async () => {
    await gateway.stop();
  });

  it('should send security headers and no framework banner', async () => {
    const response = await gateway.http().get('/api/health').expect(200);

    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['strict-transport-security']).toBeDefined();
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it('should allow only configured origins to call the API from a browser', async () => {
    const allowed = await gateway
      .http()
      .options('/api/me')
      .set('Origin', 'https://console.example.com')
      .set('Access-Control-Request-Method', 'GET');
    const refused = await gateway
      .http()
      .options('/api/me')
      .set('Origin', 'https://evil.example.net')
      .set('Access-Control-Request-Method', 'GET');

    expect(allowed.headers['access-control-allow-origin']).toBe('https://console.example.com');
    expect(allowed.headers['access-control-allow-credentials']).toBe('true');
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('should answer a body over the limit with a JSON 413 and no stack trace', async () => {
    const response = await gateway
      .http()
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(1_100_000) }))
      .expect(413);

    expect(response.body).toEqual({
      statusCode: 413,
      error: 'Payload Too Large',
      message: 'The request body is too large',
    });
  });

  it('should answer malformed JSON with a JSON 400 and no stack trace', async () => {
    const response = await gateway
      .http()
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"email": ')
      .expect(400);

    expect(response.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'The request body is not valid JSON',
    });
    expect(response.text).not.toContain('at ');
  });

  it('should answer unknown API routes with the error shape', async () => {
    const response = await gateway.http().get('/api/no-such-thing').expect(404);

    expect(response.body as ApiError).toMatchObject({ statusCode: 404, error: 'Not Found' });
  });

  it('should publish the OpenAPI document with bearer and cookie security and the account schemas', async () => {
    const response = await gateway.http().get('/api/docs-json').expect(200);
    const document = response.body as {
      paths: Record<string, Record<string, { security?: unknown[]; requestBody?: unknown }>>;
      components: { securitySchemes: Record<string, unknown> };
    };

    expect(Object.keys(document.components.securitySchemes)).toEqual(
      expect.arrayContaining(['bearer', 'deskpilot_refresh']),
    );
    expect(document.paths['/api/users']?.post?.security).toEqual([{ bearer: [] }]);
    expect(document.paths['/api/users']?.post?.requestBody).toBeDefined();
    expect(document.paths['/api/auth/login']?.post?.security).toBeUndefined();
    await gateway.http().get('/api/docs').expect(200);
  });
});
