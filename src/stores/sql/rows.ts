import type { Row } from './sql-database.ts';

/**
 * Reading columns back, checked: a NOT NULL column of the wrong type means the
 * schema and the code disagree, and that should stop here with the column's name.
 */
function column(row: Row, name: string): unknown {
  if (!(name in row)) throw new Error(`row has no column ${name}`);
  return row[name];
}

export function text(row: Row, name: string): string {
  const v = column(row, name);
  if (typeof v !== 'string') throw new Error(`column ${name} is not text`);
  return v;
}

export function optionalText(row: Row, name: string): string | undefined {
  const v = column(row, name);
  return v === null ? undefined : text(row, name);
}

/** An integer column: bigint comes back as a string from `pg` and as a number from PGlite. */
export function int(row: Row, name: string): number {
  const v = column(row, name);
  const n = typeof v === 'string' ? Number(v) : typeof v === 'bigint' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) throw new Error(`column ${name} is not an integer`);
  return n;
}

export function date(row: Row, name: string): Date {
  const v = column(row, name);
  const d = v instanceof Date ? v : typeof v === 'string' ? new Date(v) : undefined;
  if (!d || Number.isNaN(d.getTime())) throw new Error(`column ${name} is not a time`);
  return d;
}

export function optionalDate(row: Row, name: string): Date | null {
  return column(row, name) === null ? null : date(row, name);
}

/** A jsonb column, as parsed by the driver. */
export function json<T>(row: Row, name: string, kind: 'array' | 'object' | 'object or null'): T {
  const v = column(row, name);
  const ok = kind === 'array' ? Array.isArray(v)
    : (typeof v === 'object' && !Array.isArray(v) && (v !== null || kind === 'object or null'));
  if (!ok) throw new Error(`column ${name} is not a JSON ${kind}`);
  return v as T;
}

/** A JSON parameter: bind as `$n::text::jsonb`. SQL NULL for null. */
export const jsonParam = (value: unknown): string | null => (value === null ? null : JSON.stringify(value));
