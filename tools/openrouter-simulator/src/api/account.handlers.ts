import { errorReply } from '../faults/error-replies';
import { toGenerationStats } from '../generations/generation-store';
import { keyLabel } from '../server/key-ledger';
import type { ApiContext } from './api-context';
import { replyError, replyJson } from './api-context';

/** `GET /generation?id=gen-…`: stats once they are available, 404 before. */
export function handleGeneration(context: ApiContext): void {
  const id = context.query.get('id');
  if (id === null || id.length === 0) {
    replyError(context, errorReply(400, 'Missing generation id', { userId: context.state.userId }));
    return;
  }
  const record = context.state.generations.lookup(id);
  if (!record) {
    replyError(context, errorReply(404, `Generation ${id} not found`));
    return;
  }
  replyJson(context, 200, { data: toGenerationStats(record) });
}

/** `GET /key` (and the older `/auth/key`): the key's limit and what it has spent. */
export function handleKey(context: ApiContext): void {
  const { state, apiKey } = context;
  const usage = state.ledger.usage(apiKey);
  const limit = state.settings.creditLimit;
  replyJson(context, 200, {
    data: {
      label: keyLabel(apiKey),
      limit,
      limit_reset: null,
      limit_remaining: limit === null ? null : Math.max(0, limit - usage),
      include_byok_in_limit: false,
      usage,
      usage_daily: usage,
      usage_weekly: usage,
      usage_monthly: usage,
      byok_usage: 0,
      byok_usage_daily: 0,
      byok_usage_weekly: 0,
      byok_usage_monthly: 0,
      is_free_tier: false,
      is_management_key: false,
      is_provisioning_key: false,
      expires_at: null,
      rate_limit: { requests: -1, interval: '10s', note: 'deprecated' },
    },
  });
}
