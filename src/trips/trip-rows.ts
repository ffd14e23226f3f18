import { z } from 'zod';
import { departureSchema } from '../guides/guide-desk.ts';
import { normalTourCode } from '../incidents/group-watch.ts';
import { locales } from '../taxonomy.ts';
import { CsvError, readCsv } from './csv.ts';
import { travellerChannels } from '../conversation/messages.ts';

/** What one import may hold: larger files are split. */
export const maxTripBytes = 5 * 1024 * 1024;
export const maxTripRows = 20_000;

/** The CSV header, in order; the JSON rows use the same names in camelCase. */
export const tripColumns = ['tour_code', 'departure_date', 'return_date', 'ref', 'name', 'locale', 'channel', 'conversation_id'] as const;

/** An empty cell (or a missing or null JSON value) is not known. */
const optional = <S extends z.ZodType>(schema: S) => z.preprocess((v) => (v === '' || v === undefined ? null : v), schema.nullable());

/** One traveller on one trip: a CSV row or a JSON row. */
export const tripRow = z.strictObject({
  tourCode: departureSchema.shape.tourCode.transform(normalTourCode),
  departureDate: departureSchema.shape.date,
  returnDate: departureSchema.shape.date,
  ref: z.string().trim().min(1).max(60),
  name: z.string().trim().min(1).max(100),
  locale: optional(z.enum(locales)),
  channel: optional(z.enum(travellerChannels)),
  conversationId: optional(z.string().trim().min(1).max(200)),
}).superRefine((row, ctx) => {
  if (row.returnDate < row.departureDate) ctx.addIssue({ code: 'custom', path: ['returnDate'], message: 'is before the departure date' });
  if (!row.channel !== !row.conversationId) {
    ctx.addIssue({ code: 'custom', path: [row.channel ? 'conversationId' : 'channel'], message: 'is needed with the other (channel and conversation_id go together)' });
  }
});
export type TripRow = z.infer<typeof tripRow>;

/** A row that could not be imported: its line (CSV) or place (JSON, from 1), the field, and why. */
export interface RowError {
  line: number;
  field: string;
  message: string;
}

export type CheckedRows = { rows: { line: number; row: TripRow }[]; errors: RowError[] };

const camel = (column: string): string => column.replace(/_(\w)/g, (_, c: string) => c.toUpperCase());
const column = (key: string): string => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Checks each row on its own: the good ones go on, each bad one is named with its first problem. */
export function checkRows(raw: { line: number; row: unknown }[]): CheckedRows {
  const checked: CheckedRows = { rows: [], errors: [] };
  for (const { line, row } of raw) {
    const parsed = tripRow.safeParse(row);
    if (parsed.success) checked.rows.push({ line, row: parsed.data });
    else {
      const [issue] = parsed.error.issues;
      // An unknown field is named by its key: the issue's path is the row itself.
      const field = issue?.code === 'unrecognized_keys' ? issue.keys[0] : issue?.path[0];
      checked.errors.push({ line, field: column(String(field ?? 'row')), message: issue?.message ?? 'is not valid' });
    }
  }
  return checked;
}

/** The rows of a CSV file with the header `tripColumns`; a file that cannot be read at all is one error on its line. */
export function csvRows(text: string): CheckedRows {
  let records;
  try {
    records = readCsv(text, maxTripRows);
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    return { rows: [], errors: [{ line: 0, field: 'file', message: e.message }] };
  }
  const [header, ...rest] = records;
  if (header?.fields.map((f) => f.trim().toLowerCase()).join(',') !== tripColumns.join(',')) {
    return { rows: [], errors: [{ line: 1, field: 'header', message: `must be ${tripColumns.join(',')}` }] };
  }
  const wrongWidth = rest.filter((r) => r.fields.length !== tripColumns.length);
  const checked = checkRows(rest.filter((r) => r.fields.length === tripColumns.length)
    .map((r) => ({ line: r.line, row: Object.fromEntries(tripColumns.map((c, i) => [camel(c), r.fields[i]])) })));
  const widthErrors = wrongWidth.map((r) => ({ line: r.line, field: 'row', message: `has ${r.fields.length} fields, not ${tripColumns.length}` }));
  return { rows: checked.rows, errors: [...widthErrors, ...checked.errors].sort((a, b) => a.line - b.line) };
}
