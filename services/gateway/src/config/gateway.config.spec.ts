import { ConfigError } from '@deskpilot/config';

import { loadGatewayConfig } from './gateway.config';

const SECRET = 's'.repeat(32);

function problemsOf(read: () => unknown): string[] {
  try {
    read();
  } catch (error) {
    if (error instanceof ConfigError) {
      return error.problems.map((p) => `${p.variable}: ${p.message}`);
    }
    throw error;
  }
  return [];
}

describe(loadGatewayConfig.name, () => {
  it('should require JWT_SECRET in a standalone gateway only', () => {
    expect(problemsOf(() => loadGatewayConfig({}, 'standalone'))).toEqual([
      expect.stringMatching(/^JWT_SECRET: is required when the gateway runs in its own process/),
    ]);
    expect(loadGatewayConfig({}, 'embedded').jwtSecret).toBeUndefined();
  });

  it('should refuse a short JWT_SECRET in any mode', () => {
    expect(problemsOf(() => loadGatewayConfig({ JWT_SECRET: 'short' }, 'embedded'))).toEqual([
      'JWT_SECRET: must be at least 32 characters',
    ]);
  });

  it('should want ADMIN_EMAIL and ADMIN_PASSWORD together, and a strong password', () => {
    expect(
      problemsOf(() => loadGatewayConfig({ JWT_SECRET: SECRET, ADMIN_EMAIL: 'a@b.co' })),
    ).toEqual(['ADMIN_PASSWORD: is required with ADMIN_EMAIL']);
    expect(
      problemsOf(() =>
        loadGatewayConfig({ JWT_SECRET: SECRET, ADMIN_EMAIL: 'a@b.co', ADMIN_PASSWORD: 'letmein' }),
      ),
    ).toContain('ADMIN_PASSWORD: must be at least 12 characters');
  });

  it('should read a complete configuration', () => {
    const config = loadGatewayConfig({
      JWT_SECRET: SECRET,
      ADMIN_EMAIL: 'Owner@Example.com',
      ADMIN_PASSWORD: 'Tidal-Hammock-Quartz-71',
      CORS_ORIGINS: 'https://a.example, https://b.example',
    });

    expect(config).toMatchObject({
      mode: 'standalone',
      jwtSecret: SECRET,
      admin: { email: 'owner@example.com', password: 'Tidal-Hammock-Quartz-71' },
      corsOrigins: ['https://a.example', 'https://b.example'],
    });
  });

  it('should limit chat questions to 20 a minute unless CHAT_MESSAGES_PER_MINUTE says otherwise', () => {
    expect(loadGatewayConfig({}, 'embedded').chatMessagesPerMinute).toBe(20);
    expect(
      loadGatewayConfig({ CHAT_MESSAGES_PER_MINUTE: '5' }, 'embedded').chatMessagesPerMinute,
    ).toBe(5);
    expect(
      problemsOf(() => loadGatewayConfig({ CHAT_MESSAGES_PER_MINUTE: '0' }, 'embedded')),
    ).toEqual([expect.stringMatching(/^CHAT_MESSAGES_PER_MINUTE: must be an integer from 1/)]);
  });

  it('should keep conversations for ever unless CHAT_RETENTION_DAYS sets a period', () => {
    expect(loadGatewayConfig({}, 'embedded').chatRetentionDays).toBe(0);
    expect(loadGatewayConfig({ CHAT_RETENTION_DAYS: '90' }, 'embedded').chatRetentionDays).toBe(90);
    expect(problemsOf(() => loadGatewayConfig({ CHAT_RETENTION_DAYS: '-1' }, 'embedded'))).toEqual([
      expect.stringMatching(/^CHAT_RETENTION_DAYS: must be an integer from 0/),
    ]);
  });

  it('should keep the audit log for ever unless AUDIT_RETENTION_DAYS sets a period', () => {
    expect(loadGatewayConfig({}, 'embedded').auditRetentionDays).toBe(0);
    expect(loadGatewayConfig({ AUDIT_RETENTION_DAYS: '400' }, 'embedded').auditRetentionDays).toBe(
      400,
    );
    expect(
      problemsOf(() => loadGatewayConfig({ AUDIT_RETENTION_DAYS: '1.5' }, 'embedded')),
    ).toEqual([expect.stringMatching(/^AUDIT_RETENTION_DAYS: must be an integer from 0/)]);
  });

  it('should refuse internal addresses to web imports and refresh web documents daily by default', () => {
    expect(loadGatewayConfig({}, 'embedded').webImport).toEqual({
      allowInternal: false,
      timeoutMs: 30_000,
      refreshMs: 86_400_000,
    });
    expect(
      loadGatewayConfig(
        {
          WEB_IMPORT_ALLOW_INTERNAL: 'true',
          WEB_IMPORT_TIMEOUT_SECONDS: '10',
          WEB_IMPORT_REFRESH_HOURS: '0',
        },
        'embedded',
      ).webImport,
    ).toEqual({ allowInternal: true, timeoutMs: 10_000, refreshMs: 0 });
    expect(
      problemsOf(() => loadGatewayConfig({ WEB_IMPORT_ALLOW_INTERNAL: 'maybe' }, 'embedded')),
    ).toEqual([expect.stringMatching(/^WEB_IMPORT_ALLOW_INTERNAL: must be true or false/)]);
  });
});
