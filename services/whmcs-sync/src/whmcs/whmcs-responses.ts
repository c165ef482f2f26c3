import { z } from 'zod';

import { idText, numeric, text, unwrapList, wrappedList } from './whmcs-values';

/** Parsing is tolerant: unknown fields are ignored, missing optional ones become defaults. */

export const TicketListItem = z.object({
  id: idText,
  tid: text,
  deptid: idText,
  userid: idText.default('0'),
  name: text,
  email: text,
  subject: text,
  status: text,
  priority: text,
  date: text,
  lastreply: text,
});
export type TicketListItem = z.infer<typeof TicketListItem>;

export const TicketListPage = z.object({
  totalresults: numeric.default(0),
  startnumber: numeric.default(0),
  numreturned: numeric.default(0),
  tickets: wrappedList(TicketListItem, 'ticket'),
});
export type TicketListPage = z.infer<typeof TicketListPage>;

const attachmentNames = z
  .unknown()
  .transform((value) =>
    unwrapList(value, 'attachment')
      .map((item) => (item as { filename?: unknown }).filename)
      .filter((name): name is string => typeof name === 'string' && name !== ''),
  )
  .default([]);

export const TicketReply = z.object({
  replyid: idText,
  userid: idText.default('0'),
  name: text,
  email: text,
  requestor_name: text,
  requestor_type: text,
  date: text,
  message: text,
  admin: text,
  attachments: attachmentNames,
});
export type TicketReply = z.infer<typeof TicketReply>;

export const TicketNoteItem = z.object({
  noteid: idText,
  date: text,
  message: text,
  admin: text,
});
export type TicketNoteItem = z.infer<typeof TicketNoteItem>;

export const TicketDetail = z.object({
  ticketid: idText,
  tid: text,
  deptid: idText,
  deptname: text,
  userid: idText.default('0'),
  name: text,
  email: text,
  requestor_name: text,
  subject: text,
  status: text,
  priority: text,
  date: text,
  lastreply: text,
  replies: wrappedList(TicketReply, 'reply'),
  notes: wrappedList(TicketNoteItem, 'note'),
});
export type TicketDetail = z.infer<typeof TicketDetail>;

export const Department = z.object({ id: idText, name: text });
export type Department = z.infer<typeof Department>;

export const DepartmentList = z.object({ departments: wrappedList(Department, 'department') });

/** `color` since WHMCS 8.0. */
export const SupportStatus = z.object({ title: text, color: text });
export type SupportStatus = z.infer<typeof SupportStatus>;

export const SupportStatusList = z.object({ statuses: wrappedList(SupportStatus, 'status') });

export const AdminDetails = z.object({
  adminid: idText,
  name: text,
  departments: text,
  whmcs: z.object({ version: text }).partial().default({}),
});
export type AdminDetails = z.infer<typeof AdminDetails>;

export const AdminUser = z.object({
  id: idText,
  username: text,
  firstname: text,
  lastname: text,
  email: text,
  signature: text,
  isDisabled: z
    .union([z.boolean(), numeric])
    .optional()
    .transform((value) => Boolean(value)),
});
export type AdminUser = z.infer<typeof AdminUser>;

export const AdminUserList = z.object({ admin_users: wrappedList(AdminUser, 'admin_user') });

const ClientRecord = z.object({
  id: idText,
  firstname: text,
  lastname: text,
  fullname: text,
  companyname: text,
  email: text,
  status: text,
  credit: text,
  language: text,
  currency_code: text,
});

export const ClientDetails = z.object({
  client: ClientRecord,
  stats: z
    .object({
      numoverdueinvoices: numeric.default(0),
      creditbalance: text,
      productsnumactive: numeric.default(0),
    })
    .partial()
    .optional(),
});
export type ClientDetails = z.infer<typeof ClientDetails>;

/** One of a client's services from GetClientsProducts; credentials and notes are not read. */
const ClientProduct = z.object({ name: text, domain: text, status: text });
export type ClientProduct = z.infer<typeof ClientProduct>;

/** `products` is `{ product: [...] }`, or an empty string when the client has none. */
export const ClientProducts = z.object({ products: wrappedList(ClientProduct, 'product') });
