import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAI } from '../support/fake-openai.ts';
import type { FakeOpenAI } from '../support/fake-openai.ts';
import { run } from '../support/cli.ts';

const fixture = fileURLToPath(new URL('../fixtures/labelled.jsonl', import.meta.url));

const cell = (stdout: string, label: string): string[] =>
  stdout.split('\n').find((l) => l.startsWith(`${label} `))?.trim().split(/\s{2,}/).slice(1) ?? [];

let fake: FakeOpenAI;
let small: string;

beforeAll(async () => {
  fake = await startFakeOpenAI();
  small = join(await mkdtemp(join(tmpdir(), 'tripcare-eval-')), 'small.jsonl');
  await writeFile(small, [
    { id: 1, text: '饭菜太差了，根本吃不饱', language: 'zh-Hans', category: 'meals', also: [], severity: 'medium', flags: [] },
    { id: 2, text: 'The hotel room was dirty and smelly', language: 'en', category: 'accommodation', also: [], severity: 'medium', flags: [] },
  ].map((l) => JSON.stringify(l)).join('\n'));
});
afterAll(() => fake.close());

describe('tripcare eval', () => {
  it('prints accuracy per label and the category confusion table for the rules', async () => {
    const { code, stdout } = await run(['eval', '--with', 'rules', fixture]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^\d+ labelled messages/);
    for (const label of ['language', 'category', 'severity']) expect(Number(cell(stdout, label)[0])).toBeGreaterThan(0.9);
    expect(cell(stdout, 'flag group (p/r)')[0]).toMatch(/^\d\.\d{3}\/\d\.\d{3}$/);
    expect(stdout).toContain('category confusion, rules');
    expect(stdout).toMatch(/^\s+safety(\s+\d+){11}$/m);
  });

  it('puts rules and llm side by side, with the calls and tokens the model took', async () => {
    fake.behave({ kind: 'answer', content: {
      language: 'en', category: 'accommodation', also: [], problems: ['room_dirty'], severity: 'medium', flags: [], intent: 'complaint',
      entities: { tourCodes: [], orderNumbers: [], dates: [], people: null },
    } });
    const { code, stdout } = await run(['eval', '--with', 'both', small], '', { OPENAI_BASE_URL: fake.baseURL, OPENAI_MODEL: 'fake-model', OPENAI_MAX_RETRIES: '0' });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^\s+rules\s+llm$/m);
    expect(cell(stdout, 'category')).toEqual(['1.000', '0.500']);
    expect(stdout).toContain('category confusion, llm');
    expect(stdout).toContain('llm calls: 2 (ok 2); tokens: 240 prompt, 60 completion');
  });

  it('refuses llm without a configured server, and an unknown mode', async () => {
    expect((await run(['eval', '--with', 'llm', small])).code).toBe(78);
    const { code, stderr } = await run(['eval', '--with', 'gpt', small]);
    expect(code).toBe(2);
    expect(stderr).toContain('rules, llm, both');
  });
});
