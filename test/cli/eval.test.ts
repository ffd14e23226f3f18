import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAI } from '../support/fake-openai.ts';
import type { FakeOpenAI } from '../support/fake-openai.ts';
import { run } from '../support/cli.ts';

const cell = (stdout: string, label: string): string[] =>
  stdout.split('\n').find((l) => l.startsWith(`${label} `))?.trim().split(/\s{2,}/).slice(1) ?? [];

let fake: FakeOpenAI;
let small: string;

const line = (id: string, text: string, language: string, category: string) =>
  ({ id, text, language, intent: 'complaint', category, also: [], problems: [], severity: 'medium', flags: [], emergency: null });

beforeAll(async () => {
  fake = await startFakeOpenAI();
  small = join(await mkdtemp(join(tmpdir(), 'tripcare-eval-')), 'small.jsonl');
  await writeFile(small, [
    line('1', '饭菜太差了，根本吃不饱，每顿都是咸菜白粥', 'zh-Hans', 'meals'),
    line('2', 'The hotel room was dirty and smelly, with stains on the sheets', 'en', 'accommodation'),
  ].map((l) => JSON.stringify(l)).join('\n'));
});
afterAll(() => fake.close());

describe('tripcare eval', () => {
  it('scores the frozen test split by default: every label, critical recall, confusion and calibration', async () => {
    const { code, stdout } = await run(['eval']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^test split: frozen, sha256 [0-9a-f]{64}$/m);
    expect(stdout).toMatch(/^820 labelled messages/m);
    for (const label of ['language', 'intent', 'category', 'severity', 'flags F1 (micro)', 'critical recall', 'critical precision']) {
      expect(Number(cell(stdout, label)[0]), label).toBeGreaterThan(0);
    }
    expect(stdout).toContain('category confusion, learned');
    expect(stdout).toMatch(/^\s+safety(\s+\d+){11}$/m);
    expect(stdout).toContain('intent calibration, learned');
    expect(stdout).toMatch(/^0\.95–1\.00\s+\d+\s+0\.\d{3}\s+[01]\.\d{3}$/m);
  });

  it('scores a labelled file', async () => {
    const { code, stdout } = await run(['eval', small]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^2 labelled messages/m);
  });

  it('puts the learned model and the llm side by side, with the calls and tokens the llm took', async () => {
    fake.behave({ kind: 'answer', content: {
      language: 'en', category: 'accommodation', also: [], problems: ['room_dirty'], severity: 'medium', flags: [], intent: 'complaint',
      entities: { tourCodes: [], orderNumbers: [], dates: [], people: null },
    } });
    const { code, stdout } = await run(['eval', '--with', 'both', small], '', { OPENAI_BASE_URL: fake.baseURL, OPENAI_MODEL: 'fake-model', OPENAI_MAX_RETRIES: '0' });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^\s+learned\s+llm$/m);
    expect(cell(stdout, 'category')[1]).toBe('0.500');
    expect(stdout).toContain('category confusion, llm');
    expect(stdout).toContain('llm calls: 2 (ok 2); tokens: 240 prompt, 60 completion');
  });

  it('refuses llm without a configured server, and an unknown mode', async () => {
    expect((await run(['eval', '--with', 'llm', small])).code).toBe(78);
    const mode = await run(['eval', '--with', 'gpt', small]);
    expect(mode.code).toBe(2);
    expect(mode.stderr).toContain('learned, llm, both');
  });
});
