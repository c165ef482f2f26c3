import type { TicketPriority } from '../state/model';

/** One message of a seed thread; `from` is `customer` or the id of the replying admin. */
export interface SeedMessage {
  readonly from: 'customer' | number;
  readonly hoursAgo: number;
  readonly text: string;
  /** Channel of a customer message; defaults to the ticket's channel. */
  readonly via?: 'email' | 'web';
  readonly attachments?: readonly string[];
  readonly rating?: number;
}

export interface SeedNote {
  readonly adminId: number;
  readonly hoursAgo: number;
  readonly text: string;
}

/** A hand-written ticket; the first message opens it. */
export interface SeedTicketSpec {
  readonly key: string;
  readonly deptId: number;
  readonly clientId?: number;
  readonly guest?: { readonly name: string; readonly email: string };
  readonly subject: string;
  readonly priority: TicketPriority;
  readonly status: string;
  readonly via: 'email' | 'web';
  readonly service?: string;
  readonly flag?: number;
  readonly cc?: string;
  /** Key of the ticket this one was merged into. */
  readonly mergedInto?: string;
  readonly messages: readonly SeedMessage[];
  readonly notes?: readonly SeedNote[];
}
