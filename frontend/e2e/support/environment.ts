/** What the global setup hands to the specs, through environment variables. */
export const E2E_VARIABLES = {
  url: 'DESKPILOT_E2E_URL',
  adminEmail: 'DESKPILOT_E2E_ADMIN_EMAIL',
  adminPassword: 'DESKPILOT_E2E_ADMIN_PASSWORD',
  amqpUrl: 'DESKPILOT_E2E_AMQP_URL',
  jwtSecret: 'DESKPILOT_E2E_JWT_SECRET',
  adminToken: 'DESKPILOT_E2E_ADMIN_TOKEN',
} as const;

export interface E2eEnvironment {
  /** The gateway: console and API. */
  readonly url: string;
  readonly admin: { readonly email: string; readonly password: string };
  /** The RabbitMQ virtual host the system's bus runs on. */
  readonly amqpUrl: string;
  /** The gateway's signing key, to mint tokens the way an expired session would hold them. */
  readonly jwtSecret: string;
  /** An access token of the administrator, for specs to prepare data without signing in. */
  readonly adminToken: string;
}

export function e2eEnvironment(): E2eEnvironment {
  const read = (name: string): string => {
    const value = process.env[name];
    if (value === undefined || value === '') {
      throw new Error(`${name} is not set: run the specs through jest.config.js (global setup)`);
    }
    return value;
  };
  return {
    url: read(E2E_VARIABLES.url),
    admin: { email: read(E2E_VARIABLES.adminEmail), password: read(E2E_VARIABLES.adminPassword) },
    amqpUrl: read(E2E_VARIABLES.amqpUrl),
    jwtSecret: read(E2E_VARIABLES.jwtSecret),
    adminToken: read(E2E_VARIABLES.adminToken),
  };
}
