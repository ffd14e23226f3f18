import type { Report } from './reports.ts';

/** Text a spreadsheet would run as a formula: `=`, `+`, `-`, `@`, and tab or CR, which some treat alike. */
const formulaStart = /^[=+\-@\t\r]/;

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break, quotes doubled.
 * Text that would start a formula is defused with a leading `'`; numbers are ours and stay numbers.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = formulaStart.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Lines of cells as CSV, CRLF after each line as RFC 4180 has it. */
export const csvOf = (lines: readonly (readonly (string | number | null)[])[]): string =>
  lines.map((line) => `${line.map(csvCell).join(',')}\r\n`).join('');

/** A report as CSV: one line per row, a column per bucket, then the whole period. */
export function reportCsv(report: Report): string {
  const labelled = report.rows.some((r) => r.label !== undefined);
  return csvOf([
    ['key', ...(labelled ? ['name'] : []), ...report.buckets, 'total'],
    ...report.rows.map((r) => [r.key, ...(labelled ? [r.label ?? ''] : []), ...r.values, r.total]),
  ]);
}
