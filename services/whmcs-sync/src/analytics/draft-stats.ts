import type { DraftStats, DraftStatsResponse } from '@deskpilot/contracts';

import type { DraftStatsRow } from './draft-stats.repository';

/** The per-bucket rows and the totals row as the RPC answers them, with the rates derived. */
export function toDraftStatsResponse(rows: readonly DraftStatsRow[]): DraftStatsResponse {
  const totals = rows.find((row) => row.start === null);
  if (totals === undefined) {
    throw new Error('The draft statistics came without totals');
  }
  return {
    buckets: rows
      .filter((row) => row.start !== null)
      .map((row) => ({ start: new Date(row.start ?? 0).toISOString(), ...toStats(row) })),
    totals: toStats(totals),
  };
}

function toStats(row: DraftStatsRow): DraftStats {
  const approved = row.approved;
  const rejected = row.rejected;
  const edited = row.edited;
  const decided = approved + rejected;
  return {
    created: row.created,
    approved,
    sent: row.sent,
    rejected,
    acceptanceRate: decided === 0 ? null : approved / decided,
    edited,
    editRate: approved === 0 ? null : edited / approved,
    meanEditRatio: approved === 0 || row.mean_edit_ratio === null ? null : row.mean_edit_ratio,
  };
}
