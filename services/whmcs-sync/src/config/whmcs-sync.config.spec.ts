import { ConfigError } from '@deskpilot/config';

import { loadWhmcsSyncConfig } from './whmcs-sync.config';

const VALID = {
  WHMCS_URL: 'https://billing.example.com/',
  WHMCS_IDENTIFIER: 'id',
  WHMCS_SECRET: 'secret',
};

describe(loadWhmcsSyncConfig.name, () => {
  it('should apply the defaults', () => {
    const sut = loadWhmcsSyncConfig(VALID);

    expect(sut.whmcs).toMatchObject({
      url: 'https://billing.example.com',
      timeZone: 'UTC',
      timeoutMs: 30_000,
    });
    expect(sut.pollSeconds).toBe(30);
    expect(sut.concurrency).toBe(1);
    expect(sut.adminUsername).toBeUndefined();
    expect(sut.replyAuthor).toBe('integration');
    expect(sut.replySignature).toBeUndefined();
    expect(sut.draftWithNotes).toBe(true);
    expect(sut.draftDepartments).toBeUndefined();
    expect(sut.retentionDays).toBe(0);
  });

  it('should post as the approvers only when WHMCS_REPLY_AUTHOR says so', () => {
    expect(loadWhmcsSyncConfig({ ...VALID, WHMCS_REPLY_AUTHOR: 'approver' }).replyAuthor).toBe(
      'approver',
    );
    expect(() => loadWhmcsSyncConfig({ ...VALID, WHMCS_REPLY_AUTHOR: 'agent' })).toThrow(
      /WHMCS_REPLY_AUTHOR.*must be one of integration, approver/s,
    );
  });

  it('should read the team signature with \\n or real line breaks', () => {
    const escaped = 'Kind regards,\\nThe Brightnest support team';
    const broken = 'Kind regards,\nThe Brightnest support team\n';

    expect(
      [escaped, broken, '  '].map(
        (value) => loadWhmcsSyncConfig({ ...VALID, WHMCS_REPLY_SIGNATURE: value }).replySignature,
      ),
    ).toEqual([
      'Kind regards,\nThe Brightnest support team',
      'Kind regards,\nThe Brightnest support team',
      undefined,
    ]);
  });

  it('should leave the staff notes out of draft requests when WHMCS_DRAFT_NOTES is false', () => {
    expect(loadWhmcsSyncConfig({ ...VALID, WHMCS_DRAFT_NOTES: 'false' }).draftWithNotes).toBe(
      false,
    );
  });

  it('should draft only for the departments WHMCS_DRAFT_DEPARTMENTS names', () => {
    const sut = loadWhmcsSyncConfig({
      ...VALID,
      WHMCS_DRAFT_DEPARTMENTS: ' Technical Support, 3 ,,Sales & Domains ',
    });

    expect(sut.draftDepartments).toEqual(['technical support', '3', 'sales & domains']);
  });

  it('should keep tickets for the days WHMCS_RETENTION_DAYS gives', () => {
    expect(loadWhmcsSyncConfig({ ...VALID, WHMCS_RETENTION_DAYS: '365' }).retentionDays).toBe(365);
  });

  it('should not add includes/api.php twice', () => {
    const sut = loadWhmcsSyncConfig({
      ...VALID,
      WHMCS_URL: 'https://example.com/whmcs/includes/api.php',
    });

    expect(sut.whmcs.url).toBe('https://example.com/whmcs');
  });

  it('should name every missing variable', () => {
    expect(() => loadWhmcsSyncConfig({})).toThrow(ConfigError);
    expect(() => loadWhmcsSyncConfig({})).toThrow(
      /WHMCS_URL[\s\S]*WHMCS_IDENTIFIER[\s\S]*WHMCS_SECRET/,
    );
  });

  it.each([
    ['WHMCS_POLL_SECONDS', '0'],
    ['WHMCS_TIMEZONE', 'Mars/Olympus'],
    ['WHMCS_URL', 'ftp://example.com'],
    ['WHMCS_TIMEOUT_SECONDS', 'soon'],
    ['WHMCS_CONCURRENCY', '0'],
    ['WHMCS_CONCURRENCY', '17'],
    ['WHMCS_RETENTION_DAYS', '-1'],
  ])('should stop on an invalid %s naming it', (variable, value) => {
    expect(() => loadWhmcsSyncConfig({ ...VALID, [variable]: value })).toThrow(variable);
  });

  it('should fingerprint the credential without containing it', () => {
    const sut = loadWhmcsSyncConfig(VALID);
    const other = loadWhmcsSyncConfig({ ...VALID, WHMCS_SECRET: 'rotated' });

    expect(sut.fingerprint).not.toContain('secret');
    expect(sut.fingerprint).not.toBe(other.fingerprint);
  });
});
