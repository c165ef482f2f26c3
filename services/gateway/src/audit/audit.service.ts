import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { z } from 'zod';

import type { AuditEntry, AuditPage, AuditQuery } from '@deskpilot/contracts';
import type { Logger } from '@deskpilot/observability';
import { currentCorrelationId } from '@deskpilot/observability';
import { LOGGER } from '@deskpilot/runtime';

import type { RequestActor } from '../http/request-scope';
import { currentRequestScope } from '../http/request-scope';
import { auditEntryIdFor } from './audit-entry-id';
import type { DuplicateEntry } from './audit.repository';
import { AuditRepository } from './audit.repository';
import type { AuditEntryEntity } from './entities/audit-entry.entity';

export interface AuditEvent {
  /** `<area>.<subject>.<verb>`, e.g. `settings.bot.updated`; see AuditAction in contracts. */
  readonly action: string;
  readonly target?: { readonly type: string; readonly id: string };
  /** What changed; never secrets (passwords, tokens, keys). */
  readonly details?: Record<string, unknown>;
  /**
   * Who acted. By default the signed-in caller of the current request; `null` records the system
   * itself; an email without id records an unknown sign-in name.
   */
  readonly actor?: { readonly id: string | null; readonly email: string | null } | null;
}

export interface RecordOptions {
  /** Write inside the caller's transaction, so the entry commits or rolls back with the change. */
  readonly manager?: EntityManager;
  /**
   * For a fact that more than one place may report (a request and a later event, or an event
   * delivered again, or every gateway replica): entries with the same key are stored once.
   * `keep` leaves an entry already there as it is; `replace` overwrites it with this report.
   */
  readonly once?: { readonly key: string; readonly duplicate: DuplicateEntry };
}

/**
 * The audit trail. Any feature records an event with one call:
 * `await audit.record({ action: 'settings.bot.updated', target: { type: 'bot-settings', id }, details })`.
 * The actor, client address, user agent and correlation id are taken from the current request.
 */
@Injectable()
export class AuditService {
  constructor(
    private readonly entries: AuditRepository,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async record(event: AuditEvent, options: RecordOptions = {}): Promise<void> {
    const scope = currentRequestScope();
    const actor = event.actor === undefined ? actorOf(scope?.actor ?? null) : event.actor;
    const entry: AuditEntryEntity = {
      id: options.once === undefined ? randomUUID() : auditEntryIdFor(options.once.key),
      occurredAt: new Date(),
      actorId: actor?.id ?? null,
      actorEmail: actor?.email?.slice(0, 254) ?? null,
      action: event.action,
      targetType: event.target?.type ?? null,
      targetId: event.target?.id ?? null,
      details: event.details ?? {},
      ip: scope?.ip ?? null,
      userAgent: scope?.userAgent ?? null,
      correlationId: scope?.correlationId ?? currentCorrelationId() ?? null,
    };
    await this.entries.insert(entry, options.manager, options.once?.duplicate);
    this.logger.info(
      { audit: event.action, actorId: entry.actorId, target: event.target },
      'Audit event',
    );
  }

  async list(query: z.output<typeof AuditQuery>): Promise<AuditPage> {
    const { page, pageSize } = query;
    const prefix = query.action?.endsWith('.*') === true;
    const { items, total } = await this.entries.findPage({
      actorId: query.actorId,
      actorEmail: query.actorEmail,
      action: prefix ? query.action?.slice(0, -1) : query.action,
      actionPrefix: prefix,
      from: query.from === undefined ? undefined : new Date(query.from),
      to: query.to === undefined ? undefined : new Date(query.to),
      offset: (page - 1) * pageSize,
      limit: pageSize,
    });
    return { items: items.map(toAuditView), page, pageSize, total };
  }
}

function actorOf(actor: RequestActor | null): { id: string; email: string } | null {
  return actor === null ? null : { id: actor.id, email: actor.email };
}

function toAuditView(entry: AuditEntryEntity): AuditEntry {
  return {
    id: entry.id,
    occurredAt: entry.occurredAt.toISOString(),
    actorId: entry.actorId,
    actorEmail: entry.actorEmail,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    details: entry.details as Record<string, unknown>,
    ip: entry.ip,
    userAgent: entry.userAgent,
    correlationId: entry.correlationId,
  };
}
