import type { AdminUser, Department } from '../state/model';

export const DEPT_TECHNICAL = 1;
export const DEPT_BILLING = 2;
export const DEPT_SALES = 3;
export const DEPT_ABUSE = 4;

/** The admin the default API credential is bound to; assigned to Technical Support and Billing only. */
export const API_ADMIN_ID = 4;

export function seedDepartments(): Department[] {
  return [
    {
      id: DEPT_TECHNICAL,
      name: 'Technical Support',
      email: 'support@brightnest-hosting.example',
      hidden: false,
    },
    {
      id: DEPT_BILLING,
      name: 'Billing',
      email: 'billing@brightnest-hosting.example',
      hidden: false,
    },
    {
      id: DEPT_SALES,
      name: 'Sales & Domains',
      email: 'sales@brightnest-hosting.example',
      hidden: false,
    },
    { id: DEPT_ABUSE, name: 'Abuse Desk', email: 'abuse@brightnest-hosting.example', hidden: true },
  ];
}

const admin = (
  fields: Omit<AdminUser, 'signature' | 'notes' | 'language' | 'disabled'> & { disabled?: boolean },
): AdminUser => ({
  signature: `Kind regards,\n${fields.firstname}\nBrightNest Hosting Support`,
  notes: '',
  language: 'english',
  disabled: false,
  ...fields,
});

export function seedAdmins(): AdminUser[] {
  return [
    admin({
      id: 1,
      username: 'sarah.mitchell',
      firstname: 'Sarah',
      lastname: 'Mitchell',
      email: 'sarah.mitchell@brightnest-hosting.example',
      roleId: 1,
      roleName: 'Full Administrator',
      departmentIds: [1, 2, 3, 4],
      password: 'correct-horse-sarah',
    }),
    admin({
      id: 2,
      username: 'tomasz.nowak',
      firstname: 'Tomasz',
      lastname: 'Nowak',
      email: 'tomasz.nowak@brightnest-hosting.example',
      roleId: 3,
      roleName: 'Support Operator',
      departmentIds: [1, 3],
      password: 'correct-horse-tomasz',
    }),
    admin({
      id: 3,
      username: 'priya.raman',
      firstname: 'Priya',
      lastname: 'Raman',
      email: 'priya.raman@brightnest-hosting.example',
      roleId: 2,
      roleName: 'Sales Operator',
      departmentIds: [2, 3],
      password: 'correct-horse-priya',
    }),
    admin({
      id: API_ADMIN_ID,
      username: 'deskpilot',
      firstname: 'Deskpilot',
      lastname: 'Integration',
      email: 'deskpilot@brightnest-hosting.example',
      roleId: 3,
      roleName: 'Support Operator',
      departmentIds: [DEPT_TECHNICAL, DEPT_BILLING],
      password: 'sim-admin-password',
    }),
    admin({
      id: 5,
      username: 'jake.holloway',
      firstname: 'Jake',
      lastname: 'Holloway',
      email: 'jake.holloway@brightnest-hosting.example',
      roleId: 3,
      roleName: 'Support Operator',
      departmentIds: [1],
      password: 'correct-horse-jake',
      disabled: true,
    }),
  ];
}
