import type { ApiAction } from '../api/api-action';
import { ApiFailure, success } from '../api/api-reply';
import { listableTickets } from '../api/department-scope';
import type { Client, ClientService } from '../state/model';
import type { TicketStore } from '../state/ticket-store';

const DAY_MS = 86_400_000;
const CURRENCY_PREFIX: Readonly<Record<string, string>> = { USD: '$', GBP: '£', EUR: '€' };

function money(client: Client, amount: number): string {
  return `${CURRENCY_PREFIX[client.currencyCode] ?? ''}${amount.toFixed(2)} ${client.currencyCode}`;
}

function clientRecord(client: Client): Record<string, unknown> {
  return {
    client_id: client.id,
    owner_user_id: client.id,
    userid: client.id,
    id: client.id,
    uuid: client.uuid,
    firstname: client.firstname,
    lastname: client.lastname,
    fullname: `${client.firstname} ${client.lastname}`,
    companyname: client.companyname,
    email: client.email,
    address1: client.address1,
    address2: '',
    city: client.city,
    fullstate: client.state,
    state: client.state,
    postcode: client.postcode,
    countrycode: client.countrycode,
    country: client.countrycode,
    phonenumber: client.phonenumber,
    tax_id: '',
    email_preferences: { general: 1, invoice: 1, support: 1, product: 1, domain: 1, affiliate: 1 },
    statecode: client.state,
    countryname: client.countryname,
    phonecc: client.phonecc,
    phonenumberformatted: `+${client.phonecc}.${client.phonenumber}`,
    telephoneNumber: `+${client.phonecc} ${client.phonenumber}`,
    billingcid: 0,
    notes: client.notes,
    currency: 1,
    defaultgateway: 'banktransfer',
    groupid: 0,
    status: client.status,
    credit: client.credit,
    taxexempt: false,
    latefeeoveride: false,
    overideduenotices: false,
    separateinvoices: false,
    disableautocc: false,
    emailoptout: false,
    marketing_emails_opt_in: false,
    overrideautoclose: false,
    allowSingleSignOn: 1,
    language: client.language,
    lastlogin: 'No Login Logged',
    currency_code: client.currencyCode,
    customfields: [],
    users: {
      user: [
        {
          id: client.id,
          name: `${client.firstname} ${client.lastname}`,
          email: client.email,
          is_owner: true,
        },
      ],
    },
  };
}

function clientStats(store: TicketStore, client: Client): Record<string, unknown> {
  const now = store.clock.now();
  const unpaid = client.invoices.filter((invoice) => invoice.status === 'Unpaid');
  const overdue = unpaid.filter((invoice) => invoice.dueInDays < 0);
  const sum = (list: typeof unpaid): number => list.reduce((total, item) => total + item.total, 0);
  const tickets = listableTickets(store).filter((ticket) => ticket.userId === client.id);
  return {
    numdueinvoices: unpaid.length,
    dueinvoicesbalance: money(client, sum(unpaid)),
    income: money(client, sum(client.invoices.filter((invoice) => invoice.status === 'Paid'))),
    incredit: Number(client.credit) > 0,
    creditbalance: money(client, Number(client.credit)),
    numoverdueinvoices: overdue.length,
    overdueinvoicesbalance: money(client, sum(overdue)),
    numunpaidinvoices: unpaid.length,
    unpaidinvoicesamount: money(client, sum(unpaid)),
    numpaidinvoices: client.invoices.filter((invoice) => invoice.status === 'Paid').length,
    productsnumactive: String(client.services.filter((s) => s.status === 'Active').length),
    productsnumtotal: String(client.services.length),
    numactivedomains: client.domains.filter((domain) => domain.status === 'Active').length,
    numdomains: client.domains.length,
    numtickets: tickets.length,
    numactivetickets: tickets.filter((ticket) => store.statuses.isActive(ticket.status)).length,
    clientsinceDays: Math.floor((now - client.createdAt) / DAY_MS),
  };
}

/** GetClientsDetails: ints for ids, the client fields repeated at the top level, stats on demand. */
export const getClientsDetails: ApiAction = {
  name: 'getclientsdetails',
  structured: true,
  run({ store, params }) {
    const clientId = params.int('clientid');
    const email = params.text('email');
    if (clientId === 0 && email === '') {
      throw new ApiFailure('Either clientid Or email Is Required');
    }
    const client = clientId > 0 ? store.client(clientId) : store.clientByEmail(email);
    if (client === undefined) {
      throw new ApiFailure('Client Not Found');
    }
    const record = clientRecord(client);
    return success({
      ...record,
      client: record,
      ...(params.flag('stats') ? { stats: clientStats(store, client) } : {}),
    });
  },
};

/** GetAdminDetails: the credential's admin, departments as `",1,2,"`. */
export const getAdminDetails: ApiAction = {
  name: 'getadmindetails',
  structured: false,
  run({ store, principal, version }) {
    const admin = principal.admin;
    return success({
      adminid: String(admin.id),
      name: `${admin.firstname} ${admin.lastname}`,
      notes: admin.notes,
      signature: admin.signature,
      allowedpermissions:
        'Main Homepage,My Account,View Support Ticket,Reply to Tickets,API Access',
      departments: admin.departmentIds.length === 0 ? '' : `,${admin.departmentIds.join(',')},`,
      requesttime: store.clock.format(store.clock.now()),
      whmcs: { version, canonicalversion: `${version}-release.1` },
    });
  },
};

/**
 * GetAdminUsers: the admins with the role and an email containing the given text, enabled ones
 * unless disabled ones are asked for; ints for ids and flags, department ids as strings.
 */
export const getAdminUsers: ApiAction = {
  name: 'getadminusers',
  structured: true,
  run({ store, params }) {
    const roleId = params.int('roleid');
    const email = params.text('email').trim().toLowerCase();
    const withDisabled = params.flag('include_disabled');
    const admins = store
      .admins()
      .filter((admin) => roleId === 0 || admin.roleId === roleId)
      .filter((admin) => email === '' || admin.email.toLowerCase().includes(email))
      .filter((admin) => withDisabled || !admin.disabled);
    return success({
      count: admins.length,
      admin_users: admins.map((admin) => ({
        id: admin.id,
        uuid: `00000000-0000-4000-8000-${String(admin.id).padStart(12, '0')}`,
        roleId: admin.roleId,
        username: admin.username,
        firstname: admin.firstname,
        lastname: admin.lastname,
        email: admin.email,
        signature: admin.signature,
        notes: admin.notes,
        template: 'blend',
        language: admin.language,
        isDisabled: admin.disabled ? 1 : 0,
        loginAttempts: 0,
        supportDepartmentIds: admin.departmentIds.map(String),
        receivesTicketNotifications: admin.departmentIds.map(String),
        fullName: `${admin.firstname} ${admin.lastname}`,
      })),
    });
  },
};

const PRODUCT_PAGE_SIZE = 25;

/**
 * GetClientsProducts: the client's services, `products.product[]` with ids as ints and money as
 * strings; `products` is an empty string when there are none. The stored password stays empty.
 */
export const getClientsProducts: ApiAction = {
  name: 'getclientsproducts',
  structured: true,
  run({ store, params }) {
    const clientId = params.int('clientid');
    const serviceId = params.int('serviceid');
    const domain = params.text('domain').toLowerCase();
    const client = clientId > 0 ? store.client(clientId) : undefined;
    if (clientId > 0 && client === undefined) {
      throw new ApiFailure('Client Not Found');
    }
    const services = (client?.services ?? [])
      .filter((service) => serviceId === 0 || service.id === serviceId)
      .filter((service) => domain === '' || service.domain.toLowerCase() === domain);
    const start = Math.max(0, params.int('limitstart'));
    const requested = params.int('limitnum');
    const page = services.slice(start, start + (requested > 0 ? requested : PRODUCT_PAGE_SIZE));
    return success({
      clientid: String(clientId),
      serviceid: serviceId === 0 ? null : String(serviceId),
      pid: null,
      domain: domain === '' ? null : domain,
      totalresults: services.length,
      startnumber: start,
      numreturned: page.length,
      products:
        page.length === 0 || client === undefined
          ? ''
          : { product: page.map((service) => productRecord(client, service)) },
    });
  },
};

function productRecord(client: Client, service: ClientService): Record<string, unknown> {
  return {
    id: service.id,
    clientid: client.id,
    orderid: service.id + 1000,
    pid: service.id % 50,
    regdate: '2024-01-15',
    name: service.product,
    translated_name: service.product,
    groupname: service.product.split(' – ')[0] ?? service.product,
    domain: service.domain,
    dedicatedip: '',
    serverid: 1,
    servername: 'web01',
    serverip: '192.0.2.10',
    serverhostname: 'web01.host.example',
    suspensionreason: '',
    firstpaymentamount: '9.99',
    recurringamount: '9.99',
    paymentmethod: 'banktransfer',
    paymentmethodname: 'Bank Transfer',
    billingcycle: 'Monthly',
    nextduedate: '2027-01-15',
    status: service.status,
    username: `u${service.id}`,
    password: '',
    subscriptionid: '',
    promoid: 0,
    overideautosuspend: 0,
    overidesuspenduntil: '0000-00-00',
    ns1: '',
    ns2: '',
    assignedips: '',
    notes: '',
    diskusage: 0,
    disklimit: 0,
    bwusage: 0,
    bwlimit: 0,
    lastupdate: '0000-00-00 00:00:00',
    customfields: { customfield: [] },
    configoptions: { configoption: [] },
  };
}
