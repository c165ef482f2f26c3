import pino, { type Logger, type LoggerOptions } from 'pino';

import { currentCorrelationId } from './correlation';

export type { Logger } from 'pino';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface LoggerSettings {
  readonly service: string;
  readonly instanceId: string;
  readonly level: LogLevel;
}

/** Paths that must never reach a log line, whatever object is logged. */
const REDACTED_PATHS = [
  'password',
  '*.password',
  'secret',
  '*.secret',
  'token',
  '*.token',
  'accessToken',
  'refreshToken',
  '*.accessToken',
  '*.refreshToken',
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'apiKey',
  '*.apiKey',
];

/** JSON logger for one service; every line carries the service, instance and correlation id. */
export function createLogger(
  settings: LoggerSettings,
  destination?: pino.DestinationStream,
): Logger {
  const options: LoggerOptions = {
    level: settings.level,
    base: { service: settings.service, instance: settings.instanceId },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    formatters: { level: (label) => ({ level: label }) },
    mixin: () => {
      const correlationId = currentCorrelationId();
      return correlationId === undefined ? {} : { correlationId };
    },
  };
  return destination === undefined ? pino(options) : pino(options, destination);
}
