import { AuditQuery } from './audit.http';
import { CreateUserRequest, Email, NewPassword, UpdateUserRequest } from './users.http';

describe('account contracts', () => {
  it('should normalise email addresses', () => {
    expect(Email.parse('  Dana@Example.COM ')).toBe('dana@example.com');
    expect(Email.safeParse('not-an-email').success).toBe(false);
  });

  it('should check password length in characters and bytes', () => {
    expect(NewPassword.safeParse('short').success).toBe(false);
    expect(NewPassword.safeParse('long-enough-passphrase').success).toBe(true);
    expect(NewPassword.safeParse('ü'.repeat(40)).success).toBe(false);
  });

  it('should refuse unknown fields and roles when creating a user', () => {
    const valid = { email: 'a@b.co', password: 'long-enough-passphrase', role: 'staff', name: 'A' };

    expect(CreateUserRequest.safeParse(valid).success).toBe(true);
    expect(CreateUserRequest.safeParse({ ...valid, role: 'root' }).success).toBe(false);
    expect(CreateUserRequest.safeParse({ ...valid, admin: true }).success).toBe(false);
  });

  it('should want something to change in a user update', () => {
    expect(UpdateUserRequest.safeParse({}).success).toBe(false);
    expect(UpdateUserRequest.safeParse({ role: 'admin' }).success).toBe(true);
  });

  it('should accept exact actions and area wildcards in audit queries', () => {
    expect(AuditQuery.parse({ action: 'auth.*' })).toMatchObject({
      action: 'auth.*',
      page: 1,
      pageSize: 50,
    });
    expect(AuditQuery.safeParse({ action: 'auth.%' }).success).toBe(false);
    expect(AuditQuery.safeParse({ pageSize: '500' }).success).toBe(false);
  });
});
