import type { DataSource, QueryResult } from 'typeorm';

/**
 * Runs raw SQL and returns its rows. `DataSource.query` answers `[rows, count]` for UPDATE and
 * DELETE statements, which hides the rows of `UPDATE ... RETURNING`.
 */
export async function queryRows<T>(
  dataSource: DataSource,
  sql: string,
  parameters: readonly unknown[],
): Promise<T[]> {
  const runner = dataSource.createQueryRunner();
  try {
    const result = (await runner.query(sql, [...parameters], true)) as QueryResult<T>;
    return result.records;
  } finally {
    await runner.release();
  }
}
