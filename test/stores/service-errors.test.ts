import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../src/log.ts';
import { addressOf, errorLog, reach } from '../../src/stores/service-errors.ts';

const refused = Object.assign(new Error('connect ECONNREFUSED 10.0.0.7:6379'), { code: 'ECONNREFUSED' });

describe('service errors', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('names a service by host and port, never by its user or password', () => {
    expect(addressOf('postgres://tripcare:s3cret@db.internal/tripcare')).toBe('db.internal:5432');
    expect(addressOf('rediss://:s3cret@cache:6380/2')).toBe('cache:6380');
    expect(addressOf('redis://127.0.0.1')).toBe('127.0.0.1:6379');
  });

  it('logs a flood of connection errors as one line per 30 s, with the code, the address and a count of the rest', () => {
    vi.useFakeTimers({ now: new Date('2026-05-01T00:00:00Z') });
    const lines: Record<string, unknown>[] = [];
    const log = errorLog(createLogger('warn', { destination: (l) => lines.push(JSON.parse(l) as Record<string, unknown>) }), 'redis.error', '10.0.0.7:6379');
    for (let i = 0; i < 200; i++) {
      log(refused);
      vi.advanceTimersByTime(300); // a minute of reconnections, five a second
    }
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ event: 'redis.error', code: 'ECONNREFUSED', address: '10.0.0.7:6379', leftOut: 0 });
    expect(lines[1]).toMatchObject({ leftOut: 99 });
    expect(JSON.stringify(lines)).not.toContain('connect ECONNREFUSED'); // codes, never message text
  });

  it('fails a start-up wait with the address and the code, or the time it waited', async () => {
    await expect(reach('Redis', 'redis://:pw@10.0.0.7:6379', 1_000, () => Promise.reject(refused))).rejects.toThrow('Redis at 10.0.0.7:6379 failed (ECONNREFUSED)');
    await expect(reach('PostgreSQL', 'postgres://u:pw@db/x', 50, () => new Promise(() => {}), () => 'ETIMEDOUT'))
      .rejects.toThrow('PostgreSQL at db:5432 did not answer within 50 ms (ETIMEDOUT)');
  });
});
