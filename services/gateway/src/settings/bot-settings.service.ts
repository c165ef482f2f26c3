import type { OnApplicationBootstrap } from '@nestjs/common';
import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';

import type {
  BotSettingsDiff,
  BotSettingsHistory,
  BotSettingsHistoryQuery,
  BotSettingsValues,
  BotSettingsVersion,
} from '@deskpilot/contracts';
import { AnsweringEvent, AnsweringRpc, AuditAction } from '@deskpilot/contracts';
import { MessageBus } from '@deskpilot/messaging';
import type { Logger } from '@deskpilot/observability';
import { LOGGER } from '@deskpilot/runtime';

import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth';
import { BotSettingsErrorCode, BotSettingsException } from './bot-settings.exception';
import { BotSettingsRepository } from './bot-settings.repository';
import { changesBetween, toVersionView } from './bot-settings.view';
import type { BotSettingsVersionEntity } from './entities/bot-settings-version.entity';

const LLM_TIMEOUT_MS = 5_000;
const UNIQUE_VIOLATION = '23505';

/**
 * The bot's settings, versioned: every change is a new version with author and time, audited
 * and published to llm (`settings.bot.published`). Version 0 is llm's built-in defaults.
 */
@Injectable()
export class BotSettingsService implements OnApplicationBootstrap {
  constructor(
    private readonly versions: BotSettingsRepository,
    private readonly audit: AuditService,
    private readonly bus: MessageBus,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** A fresh llm replica gets the current version even if it missed the change. */
  async onApplicationBootstrap(): Promise<void> {
    try {
      const latest = await this.versions.latest();
      if (latest !== null) {
        await this.publish(latest);
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'Current bot settings not published at start');
    }
  }

  async current(): Promise<BotSettingsVersion> {
    const latest = await this.versions.latest();
    return latest === null ? this.defaults() : toVersionView(latest);
  }

  async get(version: number): Promise<BotSettingsVersion> {
    if (version === 0) {
      return this.defaults();
    }
    const found = await this.versions.find(version);
    if (found === null) {
      throw new BotSettingsException(BotSettingsErrorCode.VersionNotFound);
    }
    return toVersionView(found);
  }

  async history(query: z.output<typeof BotSettingsHistoryQuery>): Promise<BotSettingsHistory> {
    const { page, pageSize } = query;
    const [items, total] = await this.versions.findPage((page - 1) * pageSize, pageSize);
    return { items: items.map(toVersionView), page, pageSize, total };
  }

  async diff(from: number, to: number): Promise<BotSettingsDiff> {
    const [older, newer] = await Promise.all([this.get(from), this.get(to)]);
    return { from, to, changes: changesBetween(older.settings, newer.settings) };
  }

  async update(
    user: AuthenticatedUser,
    settings: BotSettingsValues,
    note: string | null,
  ): Promise<BotSettingsVersion> {
    const previous = await this.current();
    const saved = await this.save(user, settings, { restoredFrom: null, note });
    await this.audit.record({
      action: AuditAction.BotSettingsUpdated,
      target: { type: 'bot-settings', id: String(saved.version) },
      details: {
        version: saved.version,
        previousVersion: previous.version,
        changes: changesBetween(previous.settings, settings),
        ...(note === null ? {} : { note }),
      },
    });
    return toVersionView(saved);
  }

  async rollback(
    user: AuthenticatedUser,
    version: number,
    note: string | null,
  ): Promise<BotSettingsVersion> {
    const target = await this.get(version);
    const previous = await this.current();
    const saved = await this.save(user, target.settings, { restoredFrom: version, note });
    await this.audit.record({
      action: AuditAction.BotSettingsRolledBack,
      target: { type: 'bot-settings', id: String(saved.version) },
      details: {
        version: saved.version,
        restoredFrom: version,
        previousVersion: previous.version,
        changes: changesBetween(previous.settings, target.settings),
        ...(note === null ? {} : { note }),
      },
    });
    return toVersionView(saved);
  }

  private async save(
    user: AuthenticatedUser,
    settings: BotSettingsValues,
    origin: Pick<BotSettingsVersionEntity, 'restoredFrom' | 'note'>,
  ): Promise<BotSettingsVersionEntity> {
    let saved: BotSettingsVersionEntity;
    try {
      saved = await this.versions.insertNext({
        settings,
        authorId: user.id,
        authorEmail: user.email,
        ...origin,
      });
    } catch (error) {
      if ((error as { code?: unknown }).code === UNIQUE_VIOLATION) {
        throw new BotSettingsException(BotSettingsErrorCode.ConcurrentChange);
      }
      throw error;
    }
    await this.publish(saved);
    return saved;
  }

  private async publish(version: BotSettingsVersionEntity): Promise<void> {
    await this.bus.publish(AnsweringEvent.SettingsPublished, {
      version: version.version,
      settings: version.settings,
      ...(version.authorEmail === null ? {} : { changedBy: version.authorEmail }),
      changedAt: version.createdAt.toISOString(),
    });
  }

  /** Nothing saved yet: what llm runs on (its defaults, which name its configured model). */
  private async defaults(): Promise<BotSettingsVersion> {
    const used = await this.bus.request(
      AnsweringRpc.CurrentSettings,
      {},
      { timeoutMs: LLM_TIMEOUT_MS },
    );
    return {
      version: 0,
      settings: used.settings,
      author: null,
      createdAt: null,
      restoredFrom: null,
      note: null,
    };
  }
}
