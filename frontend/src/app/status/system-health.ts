import type { ServiceHealth } from '@deskpilot/contracts';

/** What GET /api/health returns: every service's readiness, or why it could not be asked. */
export interface SystemHealth {
  readonly status: 'up' | 'down';
  readonly services: Record<string, ServiceHealth | { status: 'down'; detail: string }>;
}
