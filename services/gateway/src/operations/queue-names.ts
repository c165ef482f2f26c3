import type { QueueKind } from '@deskpilot/contracts';
import { SERVICE_NAMES } from '@deskpilot/contracts';

export interface QueueIdentity {
  readonly service: string | null;
  readonly kind: QueueKind | null;
}

// Longest first, so that no service name is taken for a prefix of another.
const SERVICES = [...SERVICE_NAMES].sort((a, b) => b.length - a.length);
const AMQP_PREFIX = 'deskpilot.';
const RETRY_SUFFIX = /\.retry\.\d+ms$/;

/**
 * Which service a queue belongs to and what it is for, read from its name. Both transports name
 * queues `<service>.events|rpc|dead|broadcast.<replica>`; RabbitMQ adds `deskpilot.` in front and
 * delayed retries add `.retry.<delay>ms`.
 */
export function identifyQueue(queue: string): QueueIdentity {
  const name = queue.startsWith(AMQP_PREFIX) ? queue.slice(AMQP_PREFIX.length) : queue;
  const service = SERVICES.find((candidate) => name.startsWith(`${candidate}.`));
  if (service === undefined) {
    return { service: null, kind: null };
  }
  if (RETRY_SUFFIX.test(name)) {
    return { service, kind: 'retry' };
  }
  const rest = name.slice(service.length + 1);
  if (rest === 'events') {
    return { service, kind: 'work' };
  }
  if (rest === 'rpc') {
    return { service, kind: 'rpc' };
  }
  if (rest === 'dead') {
    return { service, kind: 'dead' };
  }
  if (rest.startsWith('broadcast.')) {
    return { service, kind: 'broadcast' };
  }
  return { service, kind: null };
}
