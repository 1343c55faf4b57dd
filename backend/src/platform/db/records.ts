import { SQL, getTableColumns, getTableName, is, sql } from 'drizzle-orm';
import type { PgColumn, PgInsertValue, PgTable } from 'drizzle-orm/pg-core';

/**
 * Many rows for `db.insert(table).select(records(table, rows))`, sent as one JSON parameter and
 * unpacked by `jsonb_to_recordset`. drizzle's multi-row `values()` builds a parameter per column
 * per row — building a 40-row insert of appeals costs milliseconds of CPU, which under a webhook
 * burst is the server's main work — while this costs one `JSON.stringify`.
 *
 * Every row must give the same columns, except that a column without a default may be left out
 * (it is null). `returning()` and `onConflictDoNothing()` work as with `values()`.
 */
export function records<T extends PgTable>(table: T, rows: PgInsertValue<T>[]): SQL {
  const columns = Object.entries(getTableColumns(table) as Record<string, PgColumn>).filter(([, column]) => !disablesInsert(column));
  const given = columns.filter(([key]) => rows.some((row) => (row as Record<string, unknown>)[key] !== undefined));
  for (const [key, column] of given) {
    if (hasDefault(column) && rows.some((row) => (row as Record<string, unknown>)[key] === undefined)) {
      throw new Error(`records(): every row must give ${column.name}, which has a default`);
    }
  }
  const json = rows.map((row) => Object.fromEntries(given.map(([key, column]) => [column.name, toJson(column, (row as Record<string, unknown>)[key])])));
  const givenColumns = new Set(given.map(([, column]) => column));
  // drizzle lists every insertable column, in table order: the select answers each, defaults for the ones not given.
  const selected = columns.map(([, column]) => (givenColumns.has(column) ? sql`v.${sql.identifier(column.name)}` : defaultOf(table, column)));
  const shape = given.map(([, column]) => sql`${sql.identifier(column.name)} ${sql.raw(column.getSQLType())}`);
  return sql`select ${sql.join(selected, sql`, `)} from jsonb_to_recordset(${JSON.stringify(json)}::jsonb) as v(${sql.join(shape, sql`, `)})`;
}

/** Generated columns take no value; drizzle leaves them out of an insert's column list (an internal method). */
const disablesInsert = (column: PgColumn) => (column as unknown as { shouldDisableInsert(): boolean }).shouldDisableInsert();

const hasDefault = (column: PgColumn) => column.default !== undefined || column.defaultFn !== undefined;

/** JSON columns go in as they are; everything else as drizzle would send it to the driver. */
function toJson(column: PgColumn, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  return column.getSQLType().startsWith('json') ? value : column.mapToDriverValue(value);
}

/** What `default` would have given: a serial's next value, the column's SQL default, its value or function, else null. */
function defaultOf(table: PgTable, column: PgColumn): SQL {
  if (column.getSQLType().endsWith('serial')) return sql`nextval(pg_get_serial_sequence(${getTableName(table)}, ${column.name}))`;
  const fallback = column.defaultFn ? column.defaultFn() : column.default;
  if (fallback === undefined || fallback === null) return sql`null::${sql.raw(column.getSQLType())}`;
  if (is(fallback, SQL)) return fallback;
  return sql`${toJson(column, fallback)}::${sql.raw(column.getSQLType())}`;
}
