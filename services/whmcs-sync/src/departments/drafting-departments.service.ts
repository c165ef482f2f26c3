import { Inject, Injectable } from '@nestjs/common';

import type {
  DraftingDepartment,
  DraftingDepartments,
  SetDraftingDepartmentsRequest,
} from '@deskpilot/contracts';
import type { Logger } from '@deskpilot/observability';
import { LOGGER, withDeadline } from '@deskpilot/runtime';

import type { WhmcsSyncConfig } from '../config/whmcs-sync.config';
import { WHMCS_SYNC_CONFIG } from '../config/whmcs-sync.config';
import { DraftsErrorCode, DraftsException } from '../drafts/drafts.exception';
import type { MirroredTicket } from '../mirror/entities/mirrored-ticket.entity';
import { WhmcsGuard } from '../sync/whmcs-guard.service';
import { WhmcsClient } from '../whmcs/whmcs-client';
import type { Department } from '../whmcs/whmcs-responses';
import { DraftingDepartmentsRepository } from './drafting-departments.repository';

/** Departments change rarely; a new one is listed this long after. */
const WHMCS_DEPARTMENTS_TTL_MS = 5 * 60_000;
/** How long a listing waits for WHMCS before it lists the polled tickets' departments only. */
const WHMCS_DEPARTMENTS_WAIT_MS = 5_000;

/**
 * Which departments' tickets get drafts: those `WHMCS_DRAFT_DEPARTMENTS` names when it is set,
 * otherwise those an administrator chose in the console, otherwise every department. Abuse or
 * sales desks that people answer themselves are left out this way; their tickets are still
 * polled and listed.
 */
@Injectable()
export class DraftingDepartmentsService {
  private cached: { departments: Department[]; until: number } | null = null;

  constructor(
    private readonly repository: DraftingDepartmentsRepository,
    private readonly whmcs: WhmcsClient,
    private readonly guard: WhmcsGuard,
    @Inject(WHMCS_SYNC_CONFIG) private readonly config: WhmcsSyncConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** The departments drafted, as ids or lower-case names; undefined for every department. */
  async drafted(): Promise<readonly string[] | undefined> {
    if (this.config.draftDepartments !== undefined) {
      return this.config.draftDepartments;
    }
    return (await this.repository.choice())?.departmentIds ?? undefined;
  }

  async draftsFor(ticket: MirroredTicket): Promise<boolean> {
    return draftsIn(await this.drafted(), ticket.departmentId, ticket.departmentName);
  }

  /** Every department WHMCS has, and those of the polled tickets, with what is drafted. */
  async list(): Promise<DraftingDepartments> {
    const [choice, polled, fromWhmcs] = await Promise.all([
      this.repository.choice(),
      this.repository.polled(),
      this.whmcsDepartments(),
    ]);
    const environment = this.config.draftDepartments;
    const drafted = environment ?? choice?.departmentIds ?? undefined;
    const byId = new Map<string, DraftingDepartment>();
    const add = (department: { id: string; name: string }, awaitingTickets: number): void => {
      byId.set(department.id, {
        id: department.id,
        name: department.name,
        awaitingTickets,
        drafts: draftsIn(drafted, department.id, department.name),
      });
    };
    const awaiting = new Map(polled.map((department) => [department.id, department]));
    for (const department of fromWhmcs ?? []) {
      add(department, awaiting.get(department.id)?.awaitingTickets ?? 0);
    }
    for (const department of polled) {
      if (!byId.has(department.id)) {
        add(department, department.awaitingTickets);
      }
    }
    return {
      source: sourceOf(environment, choice?.departmentIds ?? null),
      departments: [...byId.values()].sort((a, b) => a.name.localeCompare(b.name)),
      fromWhmcs: fromWhmcs !== undefined,
      changedBy: environment === undefined ? (choice?.changedBy ?? null) : null,
      changedAt: environment === undefined ? (choice?.changedAt.toISOString() ?? null) : null,
    };
  }

  /**
   * Keeps the choice; drafts already made in a department left out stay. Refused while
   * WHMCS_DRAFT_DEPARTMENTS decides, and for an id neither WHMCS nor the polled tickets know.
   */
  async choose(request: SetDraftingDepartmentsRequest): Promise<DraftingDepartments> {
    if (this.config.draftDepartments !== undefined) {
      throw DraftsException.conflict(
        'WHMCS_DRAFT_DEPARTMENTS sets the departments drafted; change it in the configuration',
      );
    }
    const ids = request.departmentIds === null ? null : [...new Set(request.departmentIds)];
    if (ids !== null) {
      const known = new Set((await this.list()).departments.map((department) => department.id));
      const unknown = ids.filter((id) => !known.has(id));
      if (unknown.length > 0) {
        throw new DraftsException(
          DraftsErrorCode.Invalid,
          `No WHMCS department has the id ${unknown.join(', ')}`,
        );
      }
    }
    await this.repository.choose(ids, request.changedBy.name);
    this.logger.info(
      { departmentIds: ids, by: request.changedBy.id },
      'The departments drafted were changed',
    );
    return this.list();
  }

  /**
   * WHMCS's departments, or undefined while it cannot be asked (stopped after a 403, down, or
   * slower than the console should wait).
   */
  private async whmcsDepartments(): Promise<Department[] | undefined> {
    if (this.cached !== null && this.cached.until > Date.now()) {
      return this.cached.departments;
    }
    if (this.guard.isBlocked()) {
      return undefined;
    }
    try {
      const departments = await withDeadline(this.whmcs.departments(), WHMCS_DEPARTMENTS_WAIT_MS);
      this.cached = { departments, until: Date.now() + WHMCS_DEPARTMENTS_TTL_MS };
      return departments;
    } catch (error) {
      this.logger.warn(
        { err: String(error) },
        'WHMCS departments not read; listing those of the polled tickets',
      );
      return undefined;
    }
  }
}

/** Whether a department is drafted: by id, or by its name in any case. */
export function draftsIn(
  drafted: readonly string[] | undefined,
  departmentId: string,
  departmentName: string,
): boolean {
  return (
    drafted === undefined ||
    drafted.includes(departmentId) ||
    drafted.includes(departmentName.toLowerCase())
  );
}

function sourceOf(
  environment: readonly string[] | undefined,
  chosen: readonly string[] | null,
): DraftingDepartments['source'] {
  if (environment !== undefined) {
    return 'environment';
  }
  return chosen === null ? 'all' : 'chosen';
}
