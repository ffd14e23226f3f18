import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { jsonLines, run, tripcare } from '../support/cli.ts';

const happyScript = fileURLToPath(new URL('../fixtures/scripts/happy-en.jsonl', import.meta.url));

describe('tripcare classify', () => {
  it('labels each line, reports bad lines and goes on, exiting 1', async () => {
    const input = [
      '{"id": "a", "text": "导游强迫我们购物，不买就不让上车，我要投诉到12345"}',
      'not json',
      '{"id": 7, "text": "The room was dirty"}',
      '{"id": "c"}',
      '',
      '{"id": "d", "text": "我們全團都被丟在路邊，有人受傷了"}',
    ].join('\n');
    const { code, stdout } = await run(['classify'], input);
    const lines = jsonLines(stdout);
    expect(code).toBe(1);
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatchObject({ id: 'a', language: 'zh-Hans', category: 'shopping', severity: 'high' });
    expect(lines[0]?.flags).toEqual(expect.arrayContaining(['threatens_external']));
    expect(Object.keys(lines[0] ?? {})).toEqual(['id', 'language', 'intent', 'category', 'also', 'problems', 'severity', 'flags', 'danger', 'confidence']);
    expect(lines[1]).toEqual({ line: 2, error: 'not valid JSON' });
    expect(lines[2]).toMatchObject({ id: 7, language: 'en', category: 'accommodation' });
    expect(lines[3]).toMatchObject({ line: 4 });
    expect(String(lines[3]?.error)).toContain('text');
    expect(lines[4]).toMatchObject({ id: 'd', language: 'zh-Hant', severity: 'critical', danger: { level: 'certain' } });
    expect(lines[4]?.flags).toEqual(expect.arrayContaining(['group']));
  });

  it('exits 0 when every line is good', async () => {
    const { code, stdout } = await run(['classify'], '{"id": "x", "text": "建议早餐多一些素食"}\n');
    expect(code).toBe(0);
    expect(jsonLines(stdout)[0]).toMatchObject({ language: 'zh-Hans', severity: 'low' });
  });
});

describe('tripcare replay', () => {
  it('runs a script to the case line without waiting', async () => {
    const started = Date.now();
    const { code, stdout } = await run(['replay', happyScript], '', { BURST_WINDOW_MS: '5000' });
    expect(code).toBe(0);
    expect(Date.now() - started).toBeLessThan(15_000); // five-second bursts were not waited for
    const lines = jsonLines(stdout);
    expect(lines.map((l) => l.step ?? l.type)).toEqual([
      'listen', 'listen', 'listen', 'listen', 'restate', 'apologise', 'propose', 'propose', 'confirm', 'thank', 'report', 'survey', 'case',
    ]);
    expect(Object.keys(lines[0] ?? {})).toEqual(['turn', 'step', 'text', 'choices']);
    expect(lines[4]?.choices).toEqual([{ id: 'confirm', label: "Yes, that's right" }, { id: 'correct', label: 'No, let me correct it' }]);
    const filed = lines.at(-1);
    expect(filed).toMatchObject({ type: 'case', category: 'accommodation', severity: 'medium', status: 'pending_approval' });
    expect(filed?.steps).toEqual(['listen', 'restate', 'apologise', 'propose', 'confirm', 'thank', 'report']);
    expect(lines.at(-3)?.text).toContain(String(filed?.caseId));
  });

  it('reads the script from stdin, ignores repeated ids and reports bad lines', async () => {
    const script = [
      '{"text": "I want to talk to a real person", "id": "m1"}',
      '{"text": "I want to talk to a real person", "id": "m1"}',
      '{"text": "hello", "choice": "confirm"}',
      '{"txt": "typo"}',
    ].join('\n');
    const { code, stdout } = await run(['replay'], script);
    const lines = jsonLines(stdout);
    expect(code).toBe(1);
    expect(lines.filter((l) => l.step === 'handoff')).toHaveLength(1);
    expect(lines.filter((l) => l.type === 'case')).toHaveLength(1);
    expect(lines.filter((l) => 'error' in l).map((l) => l.line)).toEqual([3, 4]);
  });

  it('keeps users apart as separate conversations', async () => {
    const script = [
      '{"text": "The hotel room was filthy", "user": "ana"}',
      '{"text": "I want to talk to a real person", "user": "bo"}',
      '{"text": "GZ-2611-A", "user": "ana"}',
    ].join('\n');
    const lines = jsonLines((await run(['replay'], script)).stdout);
    expect(lines.map((l) => [l.user, l.step ?? l.type])).toEqual([
      ['ana', 'listen'], ['bo', 'handoff'], ['bo', 'case'], ['ana', 'listen'],
    ]);
  });

  it('fails clearly for a missing file', async () => {
    const { code, stderr } = await run(['replay', '/nonexistent/script.jsonl']);
    expect(code).toBe(1);
    expect(stderr).toContain('no such file');
  });
});

describe('tripcare chat --json', () => {
  it('writes each bot message at once, before the next input arrives', async () => {
    const child = tripcare(['chat', '--json'], { BURST_WINDOW_MS: '0' });
    const lines: Record<string, unknown>[] = [];
    let buffer = '';
    const waiters: (() => void)[] = [];
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      const parts = buffer.split('\n');
      buffer = parts.pop() ?? '';
      for (const p of parts) lines.push(JSON.parse(p) as Record<string, unknown>);
      waiters.splice(0).forEach((w) => w());
    });
    const waitFor = async (count: number) => {
      while (lines.length < count) await new Promise<void>((r) => waiters.push(r));
    };

    child.stdin.write('{"text": "房间太脏了，没有热水"}\n');
    await waitFor(1);
    expect(lines[0]).toMatchObject({ turn: 1, step: 'listen', text: '请问是哪个团或哪笔订单？有团号或订单号的话，我们能更快查到。' });
    child.stdin.write('{"choice": "skip"}\n');
    await waitFor(2);
    expect(lines[1]).toMatchObject({ turn: 2, step: 'listen' });
    child.stdin.end('{"text": "我要找人工客服"}\n');
    const code = await new Promise((r) => child.on('close', r));
    expect(code).toBe(0);
    expect(lines.map((l) => l.step ?? l.type)).toEqual(['listen', 'listen', 'handoff', 'case']);
    expect(lines[3]).toMatchObject({ type: 'case', status: 'handed_off', flags: ['wants_human'] });
  });
});

describe('configuration', () => {
  it('stops start-up with a message naming each bad variable', async () => {
    const { code, stderr } = await run(['classify'], '', { PORT: 'eighty', TIME_ZONE: 'Mars/Olympus' });
    expect(code).toBe(78);
    expect(stderr).toContain('PORT');
    expect(stderr).toContain('TIME_ZONE');
  });

  it('documents every variable in .env.example', async () => {
    const example = await readFile(fileURLToPath(new URL('../../.env.example', import.meta.url)), 'utf8');
    const source = await readFile(fileURLToPath(new URL('../../src/config.ts', import.meta.url)), 'utf8');
    const variables = [...source.matchAll(/^ {2}([A-Z_]+): z\./gm)].map((m) => m[1]);
    expect(variables.length).toBeGreaterThan(5);
    for (const v of variables) expect(example).toMatch(new RegExp(`^${v}=`, 'm'));
  });
});

describe('tripcare start', () => {
  it('serves /healthz, /readyz and /metrics, and stops cleanly on SIGTERM', async () => {
    const port = String(20_000 + Math.floor(Math.random() * 20_000));
    const dataDir = await mkdtemp(join(tmpdir(), 'tripcare-start-'));
    const child = tripcare(['start'], { PORT: port, LOG_LEVEL: 'info', DATA_DIR: dataDir });
    await new Promise<void>((resolve) => child.stderr.on('data', (d: Buffer) => d.toString().includes('"started"') && resolve()));
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(metrics).toContain('tripcare_turn_duration_seconds');
    expect(metrics).toContain('tripcare_queue_waiting{queue="handoff"} 0');
    expect((await fetch(`http://127.0.0.1:${port}/nowhere`)).status).toBe(404);
    child.kill('SIGTERM');
    expect(await new Promise((r) => child.on('close', r))).toBe(0);
    await rm(dataDir, { recursive: true, force: true });
  }, 90_000); // start-up is measured in npm run bench:startup; here only what it serves, on a busy machine too

  it('refuses web and worker without Redis, saying why', async () => {
    const { code, stderr } = await run(['worker']);
    expect(code).toBe(78);
    expect(stderr).toContain('REDIS_URL');
  });
});
