import type {
  AdminUser,
  Client,
  Department,
  MessageChannel,
  MessageOrigin,
  RequestorType,
  TicketAttachment,
  TicketPriority,
} from './model';

export interface Directory {
  readonly departments: readonly Department[];
  readonly admins: readonly AdminUser[];
  readonly clients: readonly Client[];
}

export interface MessageInput {
  readonly message: string;
  readonly channel: MessageChannel;
  readonly origin: MessageOrigin;
  readonly date?: number;
  readonly markdown?: boolean;
  readonly attachments?: readonly TicketAttachment[];
  readonly rating?: number;
}

export interface CustomerReplyInput extends MessageInput {
  readonly userId: number;
  readonly contactId?: number;
  readonly name: string;
  readonly email: string;
  readonly requestorType: Exclude<RequestorType, 'Operator'>;
}

export interface StaffReplyInput extends MessageInput {
  readonly admin: string;
  readonly status?: string;
  readonly emailed: boolean;
}

export interface NoteInput {
  readonly admin: string;
  readonly message: string;
  readonly date?: number;
  readonly markdown?: boolean;
  readonly attachments?: readonly TicketAttachment[];
}

export interface NewTicketInput extends MessageInput {
  readonly key?: string;
  readonly deptId: number;
  readonly userId: number;
  readonly contactId?: number;
  readonly name: string;
  readonly email: string;
  readonly subject: string;
  readonly priority: TicketPriority;
  readonly admin?: string;
  readonly service?: string;
  readonly cc?: string;
}

/** A reply stored through AddTicketReply, kept so tests can prove none is posted twice. */
export interface PostedReply {
  readonly replyId: number;
  readonly ticketId: number;
  readonly admin: string;
  readonly message: string;
  readonly date: number;
  readonly statusAfter: string;
}
