import type { KnownAuditAction } from '@deskpilot/contracts';

/**
 * How the audit log names each action. An action without a label here (a feature added it to
 * the contracts later) is still shown, spelled out from its name.
 */
const LABELS: Partial<Record<KnownAuditAction, string>> & Record<string, string | undefined> = {
  'auth.login.succeeded': 'Signed in',
  'auth.login.failed': 'Sign-in failed',
  'auth.login.refused': 'Sign-in refused',
  'auth.account.locked': 'Account locked',
  'auth.logout': 'Signed out',
  'auth.session.reuse_detected': 'Session ended: refresh token reused',
  'users.user.created': 'User created',
  'users.user.updated': 'User changed',
  'users.user.disabled': 'User disabled',
  'users.user.enabled': 'User enabled',
  'users.user.unlocked': 'User unlocked',
  'users.password.reset': 'Password reset',
  'users.password.changed': 'Password changed',
  'ops.dead_letters.replayed': 'Dead letters replayed',
  'knowledge.document.uploaded': 'Document uploaded',
  'knowledge.document.replaced': 'Document replaced',
  'knowledge.document.deleted': 'Document deleted',
  'knowledge.document.reindexed': 'Document re-indexed',
  'knowledge.documents.reindexed': 'All documents re-indexed',
  'knowledge.document.language_set': 'Document language set',
  'knowledge.documents.refreshed': 'All web documents refreshed',
  'settings.bot.updated': 'Bot settings changed',
  'settings.bot.rolled_back': 'Bot settings rolled back',
  'tickets.draft.edited': 'Draft edited',
  'tickets.draft.approved': 'Draft approved',
  'tickets.draft.rejected': 'Draft rejected',
  'tickets.draft.regenerated': 'Draft written again',
  'tickets.reply.sent': 'Reply posted to WHMCS',
  'tickets.reply.added_to_knowledge': 'Reply added to the knowledge base',
  'tickets.note.added': 'Staff note added',
  'tickets.sync.resumed': 'WHMCS polling resumed',
  'tickets.departments.changed': 'Drafted departments changed',
  'analytics.knowledge_gap.closed': 'Knowledge gap closed',
  'analytics.knowledge_gap.reopened': 'Knowledge gap reopened',
  'analytics.knowledge_gap.topic_forgotten': 'Topic no longer dismissed',
};

export interface ActionOption {
  readonly value: string;
  readonly label: string;
}

/** The filter's choices: whole areas first, then every known action. */
export const ACTION_GROUPS: readonly { label: string; options: readonly ActionOption[] }[] = [
  {
    label: 'Areas',
    options: [
      { value: 'auth.*', label: 'All sign-in activity' },
      { value: 'users.*', label: 'All user changes' },
      { value: 'ops.*', label: 'All operations' },
      { value: 'knowledge.*', label: 'All knowledge-base changes' },
      { value: 'settings.*', label: 'All bot settings changes' },
      { value: 'tickets.*', label: 'All ticket activity' },
      { value: 'analytics.*', label: 'All knowledge gaps closed or reopened' },
    ],
  },
  {
    label: 'Actions',
    options: Object.entries(LABELS).map(([value, label]) => ({ value, label: label ?? value })),
  },
];

export function actionLabel(action: string): string {
  return LABELS[action] ?? spellOut(action);
}

/** `documents.document.uploaded` reads "Documents: document uploaded". */
function spellOut(action: string): string {
  const [area = action, ...rest] = action.split('.');
  const words = rest.join(' ').replaceAll('_', ' ');
  const title = area.charAt(0).toUpperCase() + area.slice(1);
  return words === '' ? title : `${title}: ${words}`;
}

/** Failures and security events stand out in the table. */
export function actionTone(action: string): 'danger' | 'warning' | 'neutral' {
  if (action === 'auth.session.reuse_detected' || action === 'auth.account.locked') {
    return 'danger';
  }
  if (action === 'auth.login.failed' || action === 'auth.login.refused') {
    return 'warning';
  }
  return 'neutral';
}
