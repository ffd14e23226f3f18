import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../src/stores/sql/open-pglite.ts';
import { run } from '../support/cli.ts';

let dir: string;
const header = 'tour_code,departure_date,return_date,ref,name,locale,channel,conversation_id';

describe('tripcare import trips', () => {
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tripcare-trips-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('imports the good rows of a CSV file (BOM, CRLF, quotes), lists the bad ones and says what it did', async () => {
    const file = join(dir, 'trips.csv');
    await writeFile(file, `\uFEFF${[header, 'gz-7x,2026-11-14,2026-11-21,B-1,"Wang, Fang",zh-CN,wechat,wx-1', 'GZ-7X,2026-11-14,2026-11-21,B-2,Li Na,,,', 'GZ-7X,2026-11-14,2026-11-21,B-3,Zhou Yu,fr,,'].join('\r\n')}\r\n`);
    const result = await run(['import', 'trips', file], '', { DATA_DIR: join(dir, 'data') });
    expect(result).toMatchObject({
      code: 1,
      stdout: 'Imported 1 trips, 2 travellers; greetings are scheduled when tripcare starts; 1 rows refused.\n',
      stderr: expect.stringMatching(/^line 4, locale: .+\n$/),
    });
    const sql = await openPglite(join(dir, 'data'));
    try {
      expect(await sql.roster.returningFrom('2026-11-21')).toEqual([{ departure: { tourCode: 'GZ-7X', date: '2026-11-14' }, returnDate: '2026-11-21' }]);
      expect((await sql.roster.travellers({ tourCode: 'GZ-7X', date: '2026-11-14' })).map((t) => [t.ref, t.name, t.channel])).toEqual([['B-1', 'Wang, Fang', 'wechat'], ['B-2', 'Li Na', null]]);
      expect(await sql.audit.entries({ actor: 'cli' })).toMatchObject([{ action: 'trips.import', details: { trips: 1, travellers: 2, greetings: 0, refused: 1 } }]);
    } finally {
      await sql.close();
    }
  });

  it('refuses a missing file, a file too large and a wrong command', async () => {
    expect(await run(['import', 'trips', join(dir, 'nope.csv')], '', { DATA_DIR: join(dir, 'data') })).toMatchObject({ code: 2, stderr: expect.stringContaining('No file') });
    const big = join(dir, 'big.csv');
    await writeFile(big, Buffer.alloc(5 * 1024 * 1024 + 1, 0x61));
    expect(await run(['import', 'trips', big], '', { DATA_DIR: join(dir, 'data') })).toMatchObject({ code: 1, stderr: expect.stringContaining('larger than 5242880 bytes') });
    expect(await run(['import', 'people', big], '', { DATA_DIR: join(dir, 'data') })).toMatchObject({ code: 2, stderr: expect.stringContaining('Usage: tripcare import trips FILE.csv') });
  });
});
