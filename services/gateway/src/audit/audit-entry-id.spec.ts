import { z } from 'zod';

import { auditEntryIdFor } from './audit-entry-id';

describe(auditEntryIdFor.name, () => {
  it('should give the same version 5 UUID for the same key', () => {
    const sut = auditEntryIdFor('tickets.reply.sent:8d0f7a7e-1c1b-4a52-9a36-0b0d3f7f2a11');

    expect(sut).toBe(auditEntryIdFor('tickets.reply.sent:8d0f7a7e-1c1b-4a52-9a36-0b0d3f7f2a11'));
    expect(sut).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(z.uuid().safeParse(sut).success).toBe(true);
  });

  it('should give different ids for different keys', () => {
    expect(auditEntryIdFor('a')).not.toBe(auditEntryIdFor('b'));
  });
});
