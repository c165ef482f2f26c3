import type { Role } from '@deskpilot/contracts';

/** Metadata key under which the access decorators store a route's policy. */
export const ACCESS_POLICY = 'deskpilot:access-policy';

/**
 * Who may call a route. Every route declares one (deny by default):
 * - `public`: anyone, no token needed (a token sent anyway is ignored);
 * - `private-network`: callers on loopback or private addresses (scrapers inside the cluster);
 * - `authenticated`: any signed-in user, whatever the role;
 * - `roles`: signed-in users with one of the roles.
 */
export type AccessPolicy =
  | { readonly kind: 'public' }
  | { readonly kind: 'private-network' }
  | { readonly kind: 'authenticated' }
  | { readonly kind: 'roles'; readonly roles: readonly Role[] };

export function describeAccessPolicy(policy: AccessPolicy | undefined): string {
  if (policy === undefined) {
    return 'undeclared (refused)';
  }
  switch (policy.kind) {
    case 'public':
      return 'public';
    case 'private-network':
      return 'private network only';
    case 'authenticated':
      return 'any signed-in user';
    case 'roles':
      return `roles: ${policy.roles.join(', ')}`;
  }
}

/** Whether a signed-in user with this role passes the policy (public routes pass everyone). */
export function roleSatisfies(policy: AccessPolicy, role: Role): boolean {
  switch (policy.kind) {
    case 'public':
    case 'private-network':
    case 'authenticated':
      return true;
    case 'roles':
      return policy.roles.includes(role);
  }
}
