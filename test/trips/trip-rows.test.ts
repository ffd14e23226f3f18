import { describe, expect, it } from 'vitest';
import { CsvError, readCsv } from '../../src/trips/csv.ts';
import { checkRows, csvRows, maxTripRows } from '../../src/trips/trip-rows.ts';

const header = 'tour_code,departure_date,return_date,ref,name,locale,channel,conversation_id';
const csv = (...rows: string[]) => [header, ...rows].join('\n');

describe('reading CSV', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, CRLF and a BOM', () => {
    const text = '\uFEFFa,b\r\n"x, y","say ""hi""\r\nthere"\r\n\r\nlast,\r\n';
    expect(readCsv(text, 10)).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x, y', 'say "hi"\r\nthere'] },
      { line: 5, fields: ['last', ''] },
    ]);
  });

  it('refuses an unclosed quote and too many rows', () => {
    expect(() => readCsv('a,b\n"open,b\nc,d', 10)).toThrow(new CsvError('line 2: a quoted field is not closed'));
    expect(readCsv('h\n1\n2', 2)).toHaveLength(3);
    expect(() => readCsv('h\n1\n2\n3', 2)).toThrow('more than 2 rows');
  });
});

describe('trip rows', () => {
  it('takes good rows, empty cells as not known, tour codes as the console writes them', () => {
    const { rows, errors } = csvRows(csv('gz-7x,2026-11-14,2026-11-21,B-1,"Wang, Fang",zh-CN,wechat,wx-1', 'GZ-7X,2026-11-14,2026-11-21,B-2,Li Na,,,'));
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { line: 2, row: { tourCode: 'GZ-7X', departureDate: '2026-11-14', returnDate: '2026-11-21', ref: 'B-1', name: 'Wang, Fang', locale: 'zh-CN', channel: 'wechat', conversationId: 'wx-1' } },
      { line: 3, row: { tourCode: 'GZ-7X', departureDate: '2026-11-14', returnDate: '2026-11-21', ref: 'B-2', name: 'Li Na', locale: null, channel: null, conversationId: null } },
    ]);
  });

  it('names the line and field of each bad row, and keeps the good ones', () => {
    const { rows, errors } = csvRows(csv(
      'GZ-7X,2026-11-14,2026-11-21,B-1,Wang Fang,fr,,', // no such locale
      'GZ-7X,2026-11-14,2026-11-13,B-2,Li Na,,,', // back before it left
      'GZ-7X,2026-11-14,2026-11-21,B-3,Zhou Yu,en,telegram,', // a channel without a conversation
      'GZ 7X,2026-11-14,2026-11-21,B-4,Chen,en,,', // a space in the code
      'GZ-7X,2026-11-31,2026-12-02,B-5,Chen,en,,', // no such day
      'GZ-7X,2026-11-14,2026-11-21,B-6,Ok,en,,',
      'GZ-7X,2026-11-14,2026-11-21,B-7', // too few fields
    ));
    expect(rows.map((r) => r.row.ref)).toEqual(['B-6']);
    expect(errors.map(({ line, field }) => `${line}:${field}`)).toEqual(['2:locale', '3:return_date', '4:conversation_id', '5:tour_code', '6:departure_date', '8:row']);
    expect(errors.at(-1)?.message).toBe('has 4 fields, not 8');
  });

  it('refuses a file without the header', () => {
    expect(csvRows('tour,date\nGZ-7X,2026-11-14')).toEqual({ rows: [], errors: [{ line: 1, field: 'header', message: `must be ${header}` }] });
    expect(csvRows('').errors[0]?.field).toBe('header');
  });

  it('survives hostile input: an unclosed quote, binary noise, more rows than allowed, one huge field', () => {
    expect(csvRows(csv('"GZ-7X,2026-11-14')).errors).toEqual([{ line: 0, field: 'file', message: 'line 2: a quoted field is not closed' }]);
    expect(csvRows(csv('\u0000\u0001,\uFFFD,,,,,,')).errors[0]).toMatchObject({ line: 2, field: 'tour_code' });
    const many = csv(...Array.from({ length: maxTripRows + 1 }, (_, i) => `GZ-7X,2026-11-14,2026-11-21,R${i},N,,,`));
    expect(csvRows(many).errors).toEqual([{ line: 0, field: 'file', message: `more than ${maxTripRows} rows; split the file` }]);
    const huge = csvRows(csv(`GZ-7X,2026-11-14,2026-11-21,B-1,${'x'.repeat(4_000_000)},,,`));
    expect(huge.errors).toMatchObject([{ line: 2, field: 'name' }]);
    expect(JSON.stringify(huge.errors).length).toBeLessThan(500); // the error does not quote the field back
  });

  it('checks JSON rows the same way, by their place', () => {
    const { rows, errors } = checkRows([
      { line: 1, row: { tourCode: 'GZ-7X', departureDate: '2026-11-14', returnDate: '2026-11-21', ref: 'B-1', name: 'Wang Fang', channel: 'telegram', conversationId: 'tg-1' } },
      { line: 2, row: { tourCode: 'GZ-7X', departureDate: '2026-11-14', returnDate: '2026-11-21', ref: 'B-2', name: 'Li Na', extra: true } },
      { line: 3, row: 'not a row' },
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.row).toMatchObject({ locale: null, channel: 'telegram' });
    expect(errors.map((e) => `${e.line}:${e.field}`)).toEqual(['2:extra', '3:row']);
  });
});
