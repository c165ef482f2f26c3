import type { SeededRandom } from '../php/seeded-random';
import type { Client, MessageChannel, TicketPriority } from '../state/model';
import type { TicketStore } from '../state/ticket-store';
import type { SeedEvent } from './seed-builder';
import { DEPT_ABUSE, DEPT_BILLING, DEPT_SALES, DEPT_TECHNICAL } from './seed-directory';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** Backlog clients and tickets sort after the hand-written ones. */
const FIRST_CLIENT_ID = 1001;
const FIRST_SERVICE_ID = 5001;
const FIRST_DOMAIN_ID = 7001;
/** Keeps backlog events after every hand-written event of the same instant. */
const ORDER_BASE = 1_000_000;

interface ProblemTemplate {
  readonly deptId: number;
  readonly subject: string;
  readonly opening: string;
  readonly followUp: string;
  readonly staffAnswer: string;
}

const PROBLEMS: readonly ProblemTemplate[] = [
  {
    deptId: DEPT_TECHNICAL,
    subject: 'Website {domain} is down',
    opening:
      'Hi, {domain} has been showing "This site can\'t be reached" for the last hour. Nothing was changed on our side. Can you check the server?',
    followUp: "It's still down for us & our customers are complaining. Any update?",
    staffAnswer:
      'Hello {first}, the web server of your account restarted during maintenance. Could you clear your browser cache and try again?',
  },
  {
    deptId: DEPT_TECHNICAL,
    subject: 'Emails from {domain} go to spam',
    opening:
      'Our emails from info@{domain} land in the spam folder of Gmail users. Is our SPF/DKIM set up correctly?',
    followUp:
      'I checked the headers again: "dkim=none" and "spf=softfail". What exactly should the TXT record say?',
    staffAnswer:
      'Hello {first}, DKIM was not enabled for {domain}. Please enable it under cPanel > Email Deliverability.',
  },
  {
    deptId: DEPT_TECHNICAL,
    subject: 'Cannot connect over FTP to {domain}',
    opening:
      'FileZilla says "530 Login authentication failed" for ftp.{domain}. I\'m sure the password is right.',
    followUp: 'Tried SFTP on port 22 as suggested but it times out after 20 seconds.',
    staffAnswer:
      'Hello {first}, plain FTP is disabled on this server; please use SFTP on port 22 with the same details.',
  },
  {
    deptId: DEPT_TECHNICAL,
    subject: 'SSL certificate expired on {domain}',
    opening:
      'Browsers show "Your connection is not private" on https://{domain} since this morning. The AutoSSL should renew it, right?',
    followUp:
      'AutoSSL log says "DNS DCV: The domain resolved to an IP address that does not exist on this server".',
    staffAnswer:
      'Hello {first}, AutoSSL could not validate {domain}. Is the domain pointing to our nameservers?',
  },
  {
    deptId: DEPT_TECHNICAL,
    subject: 'WordPress admin very slow on {domain}',
    opening:
      'wp-admin on {domain} takes 20+ seconds to load every page. The front end is OK. Are we hitting a resource limit?',
    followUp:
      'The "Resource Usage" page shows entry-process faults every afternoon. Should we upgrade?',
    staffAnswer:
      'Hello {first}, your account reached its entry process limit several times today. A caching plugin usually helps.',
  },
  {
    deptId: DEPT_TECHNICAL,
    subject: 'Restore a deleted database for {domain}',
    opening:
      "I accidentally dropped the database of {domain} in phpMyAdmin. Can you restore it from last night's backup?",
    followUp: 'Please restore only the database, not the files - we uploaded new images today.',
    staffAnswer:
      'Hello {first}, we can restore the database from the 02:00 backup. Shall we overwrite the current one?',
  },
  {
    deptId: DEPT_BILLING,
    subject: 'Invoice #{invoice} paid but still unpaid',
    opening:
      'I paid invoice #{invoice} by bank transfer three days ago but it still shows as unpaid in the client area.',
    followUp: 'Our bank confirms the transfer left on Monday. Reference: INV-{invoice}.',
    staffAnswer:
      'Hello {first}, bank transfers can take up to 3 working days. Could you send us the transfer confirmation?',
  },
  {
    deptId: DEPT_BILLING,
    subject: 'Change billing cycle to annual',
    opening:
      'Can we switch our hosting for {domain} from monthly to annual billing? We would like the annual discount.',
    followUp: 'Will the unused part of this month be credited to the new annual invoice?',
    staffAnswer:
      'Hello {first}, yes - we can change the billing cycle from your next due date. Shall we go ahead?',
  },
  {
    deptId: DEPT_BILLING,
    subject: 'Please update our VAT number',
    opening:
      'Our company now has an EU VAT number. Please add it to our account so invoices for {domain} are reverse-charged.',
    followUp: 'The last invoice still has VAT on it. Can you re-issue it without VAT?',
    staffAnswer:
      'Hello {first}, please enter the VAT number under Account Details; it applies to new invoices.',
  },
  {
    deptId: DEPT_SALES,
    subject: 'Transfer {domain} to you',
    opening:
      'We want to move {domain} from our current registrar to you. What do we need besides the EPP code?',
    followUp: 'We started the transfer but the status is "Pending Transfer" for two days now.',
    staffAnswer:
      'Hello {first}, you need the EPP code and the domain must be unlocked at the current registrar.',
  },
  {
    deptId: DEPT_SALES,
    subject: 'Upgrade from shared hosting to a VPS',
    opening:
      'Our shop on {domain} is outgrowing shared hosting. Which VPS plan would you recommend for ~2,000 visitors a day?',
    followUp: 'Would you migrate the site for us, and is there downtime during the move?',
    staffAnswer:
      'Hello {first}, a VPS 4GB is a good start for that traffic. We can migrate the site for you.',
  },
  {
    deptId: DEPT_ABUSE,
    subject: '[Abuse] Spam sent from {domain}',
    opening:
      'Our spam trap received 300 messages in the last hour from a mail server hosting {domain}. Sample headers attached.',
    followUp: 'We are still receiving spam from the same sender. Please act within 24 hours.',
    staffAnswer: 'Thank you for the report. We are investigating the account involved.',
  },
];

const FIRST_NAMES = [
  'Olivia',
  'Noah',
  'Amelia',
  'Lucas',
  'Isla',
  'Mateo',
  'Freya',
  'Hugo',
  'Zara',
  'Elias',
  'Maya',
  'Arjun',
  'Lena',
  'Kofi',
  'Ines',
  'Yusuf',
] as const;
const LAST_NAMES = [
  'Hughes',
  'Ricci',
  'Novak',
  'Santos',
  'Keller',
  'Dubois',
  'Ahmed',
  'Larsen',
  "O'Brien",
  'Moreau',
  'Silva',
  'Nakamura',
  'Adeyemi',
  'Varga',
] as const;
const BUSINESSES = [
  'bakery',
  'studio',
  'garage',
  'dental',
  'yoga',
  'print',
  'florist',
  'legal',
  'outdoor',
  'coffee',
] as const;
const TLDS = ['com', 'co.uk', 'de', 'net', 'fr', 'io'] as const;
const PRIORITIES: readonly TicketPriority[] = ['Low', 'Medium', 'Medium', 'High'];

/** Extra clients that own the generated backlog tickets. */
export function backlogClients(random: SeededRandom, count: number, anchor: number): Client[] {
  const clientCount = count === 0 ? 0 : Math.max(1, Math.ceil(count / 3));
  const clients: Client[] = [];
  for (let index = 0; index < clientCount; index += 1) {
    const id = FIRST_CLIENT_ID + index;
    const firstname = random.pick(FIRST_NAMES);
    const lastname = random.pick(LAST_NAMES);
    const business = random.pick(BUSINESSES);
    const domain = `${lastname.toLowerCase().replace(/[^a-z]/g, '')}-${business}${index}.${random.pick(TLDS)}`;
    clients.push({
      id,
      uuid: `7a1d3c5e-2b4f-4d6a-8c9e-${String(id).padStart(12, '0')}`,
      firstname,
      lastname,
      companyname: random.chance(0.6)
        ? `${lastname} ${business[0]?.toUpperCase() ?? ''}${business.slice(1)}`
        : '',
      email: `${firstname.toLowerCase()}@${domain}`,
      address1: `${random.int(1, 200)} High Street`,
      city: 'Bristol',
      state: 'Bristol',
      postcode: `BS${random.int(1, 16)} ${random.int(1, 9)}AB`,
      countrycode: 'GB',
      countryname: 'United Kingdom',
      phonecc: 44,
      phonenumber: `117${random.digits(7)}`,
      status: 'Active',
      credit: '0.00',
      currencyCode: 'GBP',
      language: 'english',
      notes: '',
      createdAt: anchor - random.int(30, 2000) * DAY_MS,
      services: [
        {
          id: FIRST_SERVICE_ID + index,
          product: random.chance(0.3) ? 'VPS 4GB' : 'Shared Hosting – Business',
          domain,
          status: 'Active',
        },
      ],
      domains: [{ id: FIRST_DOMAIN_ID + index, domain, status: 'Active' }],
      invoices: random.chance(0.3)
        ? [{ id: 20000 + index, total: 59.88, status: 'Unpaid', dueInDays: random.int(-20, 10) }]
        : [],
    });
  }
  return clients;
}

interface BacklogTicket {
  readonly client: Client;
  readonly problem: ProblemTemplate;
  readonly priority: TicketPriority;
  readonly channel: MessageChannel;
  readonly openedHoursAgo: number;
  /** Whether staff answered once and the customer came back (status Customer-Reply). */
  readonly followedUp: boolean;
  readonly invoice: number;
}

/**
 * `count` tickets that all wait for a staff reply, spread over the departments, opened in the
 * last three days; a share came in by email (so their text is entity-encoded) and a share has a
 * staff answer followed by a customer reply. The same seed always yields the same backlog.
 */
export function backlogEvents(
  random: SeededRandom,
  count: number,
  anchor: number,
  clients: readonly Client[],
): SeedEvent[] {
  const tickets: BacklogTicket[] = [];
  for (let index = 0; index < count; index += 1) {
    const client = clients[index % Math.max(clients.length, 1)];
    if (client === undefined) {
      break;
    }
    tickets.push({
      client,
      problem: random.pick(PROBLEMS),
      priority: random.pick(PRIORITIES),
      channel: random.chance(0.4) ? 'email' : 'web',
      openedHoursAgo: 1 + random.next() * 71,
      followedUp: random.chance(0.35),
      invoice: 30000 + index,
    });
  }
  return tickets.flatMap((ticket, index) => ticketEvents(ticket, index, anchor));
}

function ticketEvents(ticket: BacklogTicket, index: number, anchor: number): SeedEvent[] {
  const { client, problem } = ticket;
  const fill = (text: string): string =>
    text
      .replaceAll('{domain}', client.domains[0]?.domain ?? 'example.com')
      .replaceAll('{first}', client.firstname)
      .replaceAll('{invoice}', String(ticket.invoice));
  const requester = {
    userId: client.id,
    name: `${client.firstname} ${client.lastname}`,
    email: client.email,
    requestorType: 'Owner' as const,
  };
  const opened = Math.round(anchor - ticket.openedHoursAgo * HOUR_MS);
  const ticketOf = (store: TicketStore) => {
    const found = store.tickets().find((candidate) => candidate.key === `backlog-${index}`);
    if (found === undefined) {
      throw new Error(`Backlog ticket ${index} is used before it was opened`);
    }
    return found;
  };
  const events: SeedEvent[] = [
    {
      at: opened,
      order: ORDER_BASE + index * 10,
      apply: (store) => {
        store.openTicket({
          key: `backlog-${index}`,
          deptId: problem.deptId,
          ...requester,
          subject: fill(problem.subject),
          priority: ticket.priority,
          service: `S${client.services[0]?.id ?? 0}`,
          message: `${fill(problem.opening)}\n\n${client.firstname}`,
          channel: ticket.channel,
          origin: 'seed',
          date: opened,
        });
      },
    },
  ];
  if (ticket.followedUp) {
    const answered = opened + Math.round(((anchor - opened) / 3) * 1);
    const cameBack = opened + Math.round(((anchor - opened) / 3) * 2);
    events.push(
      {
        at: answered,
        order: ORDER_BASE + index * 10 + 1,
        apply: (store) => {
          const admin = store.admin(1);
          store.addStaffReply(ticketOf(store), {
            admin: admin === undefined ? 'Support' : `${admin.firstname} ${admin.lastname}`,
            message: fill(problem.staffAnswer),
            channel: 'admin',
            origin: 'seed',
            date: answered,
            emailed: true,
          });
        },
      },
      {
        at: cameBack,
        order: ORDER_BASE + index * 10 + 2,
        apply: (store) => {
          store.addCustomerReply(ticketOf(store), {
            ...requester,
            message: fill(problem.followUp),
            channel: ticket.channel,
            origin: 'seed',
            date: cameBack,
          });
        },
      },
    );
  }
  return events;
}
