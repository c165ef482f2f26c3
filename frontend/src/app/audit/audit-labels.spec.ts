import { describe, expect, it } from '@jest/globals';

import { AuditAction } from '@deskpilot/contracts';

import { ACTION_GROUPS, actionLabel } from './audit-labels';

describe('audit labels', () => {
  it('should offer every action the audit log records as a filter, with a label', () => {
    const offered = new Map(
      ACTION_GROUPS.flatMap((group) => group.options).map((option) => [option.value, option.label]),
    );

    const missing = Object.values(AuditAction).filter((action) => !offered.has(action));
    expect(missing).toEqual([]);
    expect(offered.get(AuditAction.KnowledgeGapClosed)).toBe('Knowledge gap closed');
  });

  it('should spell out an action it has no label for', () => {
    expect(actionLabel('billing.invoice.paid_late')).toBe('Billing: invoice paid late');
  });
});
