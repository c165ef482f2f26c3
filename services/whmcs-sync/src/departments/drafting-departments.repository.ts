import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { queryRows } from '../database/query-rows';

/** The stored choice of departments; `departmentIds` null for every department. */
export interface DepartmentChoice {
  readonly departmentIds: readonly string[] | null;
  readonly changedBy: string;
  readonly changedAt: Date;
}

/** A department of the polled tickets, with how many of them await a reply. */
export interface PolledDepartment {
  readonly id: string;
  readonly name: string;
  readonly awaitingTickets: number;
}

@Injectable()
export class DraftingDepartmentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async choice(): Promise<DepartmentChoice | null> {
    const rows = await queryRows<{
      department_ids: string[] | null;
      changed_by: string;
      changed_at: Date;
    }>(
      this.dataSource,
      `SELECT "department_ids", "changed_by", "changed_at"
         FROM "whmcs_sync"."drafting_departments" WHERE "id" = 1`,
      [],
    );
    const row = rows[0];
    return row === undefined
      ? null
      : {
          departmentIds: row.department_ids,
          changedBy: row.changed_by,
          changedAt: new Date(row.changed_at),
        };
  }

  async choose(departmentIds: readonly string[] | null, changedBy: string): Promise<void> {
    await queryRows(
      this.dataSource,
      `INSERT INTO "whmcs_sync"."drafting_departments"
              ("id", "department_ids", "changed_by", "changed_at")
       VALUES (1, $1::jsonb, $2, now())
       ON CONFLICT ("id") DO UPDATE
         SET "department_ids" = EXCLUDED."department_ids", "changed_by" = EXCLUDED."changed_by",
             "changed_at" = EXCLUDED."changed_at"`,
      [departmentIds === null ? null : JSON.stringify(departmentIds), changedBy],
    );
  }

  /** Every department a mirrored ticket is in, by its latest name. */
  async polled(): Promise<PolledDepartment[]> {
    const rows = await queryRows<{ id: string; name: string; awaiting: number }>(
      this.dataSource,
      `SELECT DISTINCT ON ("department_id") "department_id"::text AS "id",
              "department_name" AS "name",
              count(*) FILTER (WHERE "awaiting") OVER (PARTITION BY "department_id")::int
                AS "awaiting"
         FROM "whmcs_sync"."tickets"
        ORDER BY "department_id", "last_reply_at" DESC NULLS LAST`,
      [],
    );
    return rows.map((row) => ({ id: row.id, name: row.name, awaitingTickets: row.awaiting }));
  }
}
