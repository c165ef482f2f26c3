import type { Role } from '@deskpilot/contracts';

export interface NavItem {
  readonly label: string;
  readonly icon: string;
  readonly path: string;
  /** One line for the home page's shortcuts. */
  readonly summary: string;
  readonly roles: readonly Role[];
}

export interface NavSection {
  readonly heading: string | undefined;
  readonly items: readonly NavItem[];
}

const EVERYONE: readonly Role[] = ['admin', 'staff'];
const ADMINS: readonly Role[] = ['admin'];

/**
 * Every screen of the console, in sidenav order. A screen's route declares the same roles
 * (`roleGuard` in app.routes.ts); this list only decides what each person is offered.
 */
export const NAVIGATION: readonly NavSection[] = [
  {
    heading: undefined,
    items: [
      {
        label: 'Home',
        icon: 'home',
        path: '/home',
        summary: 'Where to start',
        roles: EVERYONE,
      },
    ],
  },
  {
    heading: 'Support',
    items: [
      {
        label: 'Chat',
        icon: 'forum',
        path: '/chat',
        summary: 'Ask the knowledge base and get answers with sources',
        roles: EVERYONE,
      },
      {
        label: 'Tickets & drafts',
        icon: 'inbox',
        path: '/tickets',
        summary: 'Review, edit and approve drafted replies to WHMCS tickets',
        roles: EVERYONE,
      },
    ],
  },
  {
    heading: 'Administration',
    items: [
      {
        label: 'Knowledge base',
        icon: 'library_books',
        path: '/knowledge',
        summary: 'Upload and maintain the documents answers come from',
        roles: ADMINS,
      },
      {
        label: 'Bot settings',
        icon: 'tune',
        path: '/bot',
        summary: 'How the assistant answers, with versions and a playground',
        roles: ADMINS,
      },
      {
        label: 'Logs & analytics',
        icon: 'insights',
        path: '/analytics',
        summary: 'Every interaction, its cost, and how drafts are received',
        roles: ADMINS,
      },
      {
        label: 'Users',
        icon: 'group',
        path: '/users',
        summary: 'Who can sign in, and with which role',
        roles: ADMINS,
      },
      {
        label: 'Audit log',
        icon: 'history',
        path: '/audit',
        summary: 'Who did what, when, and from where',
        roles: ADMINS,
      },
      {
        label: 'Operations',
        icon: 'monitor_heart',
        path: '/operations',
        summary: 'Service health, queues and dead letters',
        roles: ADMINS,
      },
    ],
  },
];

/** The sections and items a person with this role is offered; empty sections are dropped. */
export function navigationFor(role: Role | null): NavSection[] {
  if (role === null) {
    return [];
  }
  return NAVIGATION.map((section) => ({
    ...section,
    items: section.items.filter((item) => item.roles.includes(role)),
  })).filter((section) => section.items.length > 0);
}
