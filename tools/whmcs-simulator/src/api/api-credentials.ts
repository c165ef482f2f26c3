import type { ApiCredential } from '../state/model';

/**
 * The API role the WHMCS reference recommends for the sync credential, with GetAdminUsers for
 * posting replies as their approvers.
 */
export const SYNC_ROLE_ACTIONS: readonly string[] = [
  'gettickets',
  'getticket',
  'getticketcounts',
  'getsupportdepartments',
  'getsupportstatuses',
  'getticketnotes',
  'addticketreply',
  'addticketnote',
  'updateticket',
  'getclientsdetails',
  'getclientsproducts',
  'getadmindetails',
  'getadminusers',
  'openticket',
];

/** The credential the simulator accepts by default; bound to the `deskpilot` admin. */
export const SIMULATOR_CREDENTIALS = {
  identifier: 'dpSimIdentifier7Kq2Wm9Xv4Lr8TbQ3n',
  secret: 'dpSimSecret3Hn6Pz1Cy5Gd0Fs2JwE8k',
  /** The admin the credential belongs to, usable as `adminusername`. */
  adminUsername: 'deskpilot',
} as const;

/** A second credential whose role only reads tickets, to exercise permission errors. */
export const READ_ONLY_CREDENTIALS = {
  identifier: 'dpSimReadOnly5Tx8Ve2Nb4Qm7Rc1Zh',
  secret: 'dpSimReadOnlySecret6Ws9Lp3Dk0Yf4',
} as const;

/** Legacy login: the admin username and the md5 of this password. */
export const LEGACY_LOGIN = { username: 'deskpilot', password: 'sim-admin-password' } as const;

export function defaultCredentials(apiAdminId: number): ApiCredential[] {
  return [
    {
      identifier: SIMULATOR_CREDENTIALS.identifier,
      secret: SIMULATOR_CREDENTIALS.secret,
      adminId: apiAdminId,
      allowedActions: SYNC_ROLE_ACTIONS,
    },
    {
      identifier: READ_ONLY_CREDENTIALS.identifier,
      secret: READ_ONLY_CREDENTIALS.secret,
      adminId: apiAdminId,
      allowedActions: ['gettickets', 'getticket', 'getsupportdepartments'],
    },
  ];
}
