import { fromCents } from '../policy/cents.ts';

/** One line of a report: a value per bucket and over the whole period; null where there was nothing to measure. */
export interface ReportRow {
  key: string;
  /** A name to show beside the key (a guide's), when the key is an id. */
  label?: string;
  values: (number | null)[];
  total: number | null;
}

interface Cell {
  sum: number;
  count: number;
}

/** How a cell is read out: as a count, money or a percentage. */
export type Reader = (cell: Cell) => number | null;

const wholePeriod = '*';

/** Sums (and counts) per row and bucket, then read out as counts, money or percentages. */
export class Tally {
  readonly #cells = new Map<string, Map<string, Cell>>();

  /** Adds `value` to the row's bucket and to its whole-period total. */
  add(row: string, bucket: string, value = 1): void {
    const cells = this.#cells.get(row) ?? new Map<string, Cell>();
    this.#cells.set(row, cells);
    for (const key of [bucket, wholePeriod]) {
      const cell = cells.get(key) ?? { sum: 0, count: 0 };
      cells.set(key, { sum: cell.sum + value, count: cell.count + 1 });
    }
  }

  /** The rows tallied, most first by total, then by key. */
  keys(): string[] {
    return [...this.#cells.keys()].sort((a, b) => this.#sum(b) - this.#sum(a) || (a < b ? -1 : a > b ? 1 : 0));
  }

  /** The rows `keys` over `buckets`, each cell read by `read`. */
  rows(keys: readonly string[], buckets: readonly string[], read: Reader = sum): ReportRow[] {
    return keys.map((key) => {
      const cells = this.#cells.get(key);
      const at = (bucket: string) => read(cells?.get(bucket) ?? { sum: 0, count: 0 });
      return { key, values: buckets.map(at), total: at(wholePeriod) };
    });
  }

  #sum(row: string): number {
    return this.#cells.get(row)?.get(wholePeriod)?.sum ?? 0;
  }
}

export const sum = (cell: Cell): number => cell.sum;
/** Sums of cents, as money. */
export const money = (cell: Cell): number => fromCents(cell.sum);
/** The share of 1s among the values added, in percent with one decimal; null for none. */
export const percent = (cell: Cell): number | null => (cell.count === 0 ? null : Math.round((cell.sum * 1000) / cell.count) / 10);
