/** RabbitMQ names. Everything Deskpilot declares starts with `deskpilot.`. */
export const EVENTS_EXCHANGE = 'deskpilot.events';
export const RPC_EXCHANGE = 'deskpilot.rpc';
export const DIRECT_REPLY_TO = 'amq.rabbitmq.reply-to';

export const queueNames = {
  work: (service: string): string => `deskpilot.${service}.events`,
  rpc: (service: string): string => `deskpilot.${service}.rpc`,
  dead: (service: string): string => `deskpilot.${service}.dead`,
  broadcast: (service: string, instanceId: string): string =>
    `deskpilot.${service}.broadcast.${instanceId}`,
  retry: (queue: string, delayMs: number): string => `${queue}.retry.${delayMs}ms`,
};

/** Hides the password in an AMQP URL before it is logged. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') {
      parsed.password = '***';
    }
    return parsed.toString();
  } catch {
    return '(invalid URL)';
  }
}
