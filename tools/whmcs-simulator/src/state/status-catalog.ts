import type { StatusDefinition } from './model';

export const AWAITING_REPLY = 'Awaiting Reply';
export const ALL_ACTIVE_TICKETS = 'All Active Tickets';
export const MY_FLAGGED_TICKETS = 'My Flagged Tickets';

/** The install seed of WHMCS: four core statuses plus the optional On Hold and In Progress. */
export const DEFAULT_STATUSES: readonly StatusDefinition[] = [
  {
    title: 'Open',
    active: true,
    awaitingReply: true,
    autoClose: false,
    color: '#779500',
    sortOrder: 1,
  },
  {
    title: 'Answered',
    active: true,
    awaitingReply: false,
    autoClose: true,
    color: '#000000',
    sortOrder: 2,
  },
  {
    title: 'Customer-Reply',
    active: true,
    awaitingReply: true,
    autoClose: true,
    color: '#ff6600',
    sortOrder: 3,
  },
  {
    title: 'On Hold',
    active: true,
    awaitingReply: false,
    autoClose: false,
    color: '#224488',
    sortOrder: 4,
  },
  {
    title: 'In Progress',
    active: true,
    awaitingReply: false,
    autoClose: false,
    color: '#cc0000',
    sortOrder: 5,
  },
  {
    title: 'Closed',
    active: false,
    awaitingReply: false,
    autoClose: false,
    color: '#888888',
    sortOrder: 10,
  },
];

/** Looks statuses up the way MySQL compares them: case-insensitively. */
export class StatusCatalog {
  private readonly ordered: readonly StatusDefinition[];

  constructor(statuses: readonly StatusDefinition[] = DEFAULT_STATUSES) {
    this.ordered = [...statuses].sort((a, b) => a.sortOrder - b.sortOrder);
  }

  all(): readonly StatusDefinition[] {
    return this.ordered;
  }

  find(title: string): StatusDefinition | undefined {
    const wanted = title.trim().toLowerCase();
    return this.ordered.find((status) => status.title.toLowerCase() === wanted);
  }

  isActive(title: string): boolean {
    return this.find(title)?.active ?? false;
  }

  isAwaitingReply(title: string): boolean {
    return this.find(title)?.awaitingReply ?? false;
  }

  titles(): string[] {
    return this.ordered.map((status) => status.title);
  }
}
