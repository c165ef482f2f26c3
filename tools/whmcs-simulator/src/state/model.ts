/** A configured ticket status and the flags that drive the pseudo statuses and counts. */
export interface StatusDefinition {
  readonly title: string;
  readonly active: boolean;
  readonly awaitingReply: boolean;
  readonly autoClose: boolean;
  readonly color: string;
  readonly sortOrder: number;
}

export interface Department {
  readonly id: number;
  readonly name: string;
  readonly email: string;
  readonly hidden: boolean;
}

export interface AdminUser {
  readonly id: number;
  readonly username: string;
  readonly firstname: string;
  readonly lastname: string;
  readonly email: string;
  readonly roleId: number;
  readonly roleName: string;
  departmentIds: number[];
  disabled: boolean;
  readonly password: string;
  readonly signature: string;
  readonly notes: string;
  readonly language: string;
}

export interface ApiCredential {
  readonly identifier: string;
  readonly secret: string;
  readonly adminId: number;
  /** Normalised action names the API role allows, or every action. */
  readonly allowedActions: readonly string[] | 'all';
}

export type ServiceStatus = 'Pending' | 'Active' | 'Suspended' | 'Terminated' | 'Cancelled';

export interface ClientService {
  readonly id: number;
  readonly product: string;
  readonly domain: string;
  readonly status: ServiceStatus;
}

export interface ClientDomain {
  readonly id: number;
  readonly domain: string;
  readonly status: 'Active' | 'Pending Transfer' | 'Expired' | 'Cancelled';
}

export interface ClientInvoice {
  readonly id: number;
  readonly total: number;
  readonly status: 'Paid' | 'Unpaid' | 'Cancelled';
  /** Days from the seed anchor; negative means the due date has passed. */
  readonly dueInDays: number;
}

export interface Client {
  readonly id: number;
  readonly uuid: string;
  readonly firstname: string;
  readonly lastname: string;
  readonly companyname: string;
  readonly email: string;
  readonly address1: string;
  readonly city: string;
  readonly state: string;
  readonly postcode: string;
  readonly countrycode: string;
  readonly countryname: string;
  readonly phonecc: number;
  readonly phonenumber: string;
  readonly status: 'Active' | 'Inactive' | 'Closed';
  readonly credit: string;
  readonly currencyCode: string;
  readonly language: string;
  readonly notes: string;
  readonly createdAt: number;
  readonly services: readonly ClientService[];
  readonly domains: readonly ClientDomain[];
  readonly invoices: readonly ClientInvoice[];
}

export type RequestorType = 'Owner' | 'Guest' | 'Operator';

/** Where a message came from: email piping stores text `htmlspecialchars`-encoded. */
export type MessageChannel = 'email' | 'web' | 'api' | 'admin';

export type MessageOrigin = 'seed' | 'api' | 'control';

export interface TicketAttachment {
  readonly filename: string;
  readonly storedName: string;
}

export interface TicketMessage {
  /** 0 for the opening message, a global auto-increment id for replies. */
  readonly id: number;
  readonly userId: number;
  readonly contactId: number;
  readonly name: string;
  readonly email: string;
  /** Staff display name; empty for customer messages. */
  readonly admin: string;
  readonly requestorType: RequestorType;
  readonly date: number;
  message: string;
  readonly markdown: boolean;
  readonly channel: MessageChannel;
  readonly origin: MessageOrigin;
  readonly attachments: readonly TicketAttachment[];
  readonly rating: number;
  /** Whether WHMCS would have emailed the customer about this message. */
  readonly emailed: boolean;
}

export interface TicketNote {
  readonly id: number;
  readonly date: number;
  readonly message: string;
  readonly admin: string;
  readonly markdown: boolean;
  readonly attachments: readonly TicketAttachment[];
}

export type TicketPriority = 'Low' | 'Medium' | 'High';

export interface Ticket {
  readonly id: number;
  /** Stable seed handle such as `hostile-injection`; empty for tickets created at run time. */
  readonly key: string;
  readonly tid: string;
  readonly c: string;
  deptId: number;
  userId: number;
  contactId: number;
  /** Requester name and email for guests; clients' come from their client record. */
  name: string;
  email: string;
  cc: string;
  date: number;
  subject: string;
  status: string;
  priority: TicketPriority;
  /** Display name of the admin who opened the ticket; empty when a customer opened it. */
  readonly admin: string;
  lastReply: number;
  flag: number;
  readonly service: string;
  mergedInto: number;
  readonly opening: TicketMessage;
  readonly replies: TicketMessage[];
  readonly notes: TicketNote[];
}

/** Install settings that change ticket bookkeeping; see the WHMCS reference §3. */
export interface SimulatorQuirks {
  /** `statusonly`: a customer reply that does not change the status leaves `lastreply` alone. */
  lastReplyUpdate: 'always' | 'statusonly';
  /** TicketLastReplyUpdateClientOnly: staff replies do not bump `lastreply`. */
  lastReplyClientOnly: boolean;
  /** PreventEmailReopening: emailed replies to Closed tickets are rejected. */
  preventEmailReopening: boolean;
  /** Admin ticket counts disabled: GetTicketCounts answers `"x"` for the totals. */
  ticketCountsDisabled: boolean;
}

export const DEFAULT_QUIRKS: SimulatorQuirks = {
  lastReplyUpdate: 'always',
  lastReplyClientOnly: false,
  preventEmailReopening: false,
  ticketCountsDisabled: false,
};
