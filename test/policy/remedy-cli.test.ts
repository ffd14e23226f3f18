import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { remedyCommand } from '../../src/cli/remedy.ts';
import { run } from '../support/cli.ts';
import { policyWith } from './helpers.ts';

async function remedy(input: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (d: Buffer) => (stdout += d.toString()));
  err.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await remedyCommand(Readable.from([input]), out, err, policyWith());
  return { code, stdout, stderr };
}

describe('tripcare remedy', () => {
  it('prints the remedy as one JSON line with English labels', async () => {
    const { code, stdout, stderr } = await remedy('{"situation": "grade_below_contract", "tripType": "domestic", "fee": 3000, "currency": "CNY", "priceDifference": 300}');
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout.endsWith('\n') && stdout.trim().split('\n')).toHaveLength(1);
    const r = JSON.parse(stdout) as Record<string, unknown>;
    expect(r).toEqual({
      floor: 600, offer: 660, currency: 'CNY', basis: 'standard', missing: [], policyVersion: expect.stringMatching(/^2026\.1\+/),
      options: [
        { part: 'price_difference', kind: 'refund', amount: 300, floor: 300, clause: '8', needsApproval: true, label: 'The price difference back' },
        { part: 'same_again', kind: 'compensation', amount: 360, floor: 300, clause: '8', needsApproval: true, label: 'The same amount again, as a penalty' },
      ],
    });
  });

  it("takes staff's facts as checked unless listed as unverified", async () => {
    const approval = async (extra: string) =>
      (JSON.parse((await remedy(`{"situation": "grade_below_contract", "priceDifference": 100${extra}}`)).stdout) as { options: { needsApproval: boolean }[] })
        .options.map((o) => o.needsApproval);
    expect(await approval('')).toEqual([false, false]); // 100 + 120 = 220, within the bot's 500
    expect(await approval(', "unverified": ["priceDifference"]')).toEqual([true, true]); // above the 200 small-claim threshold
  });

  it('lists missing facts instead of guessing', async () => {
    const { code, stdout } = await remedy('{"situation": "extra_shopping", "fee": 2000}');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ floor: null, offer: null, missing: ['occurrences'], options: [{ amount: null, needsApproval: true }] });
  });

  it.each([
    ['', 'no input'],
    ['{"situation": "grade_below_contract"', 'not valid JSON'],
    ['{"situation": "x"} {"situation": "y"}', 'not valid JSON'],
    ['[1]', 'input: Invalid input: expected object'],
    ['{"situation": "guide_below_standard", "fee": -3}', 'fee: must not be negative'],
    ['{"situation": "guide_below_standard", "fee": 3000, "currency": "EUR"}', 'currency: the policy decides in CNY, not EUR'],
    [`{"situation": "guide_below_standard", "note": "${'x'.repeat(100_001)}"}`, 'larger than 100000 bytes'],
  ])('refuses %j with a message and exit code 1', async (input, message) => {
    const { code, stdout, stderr } = await remedy(input);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^tripcare remedy: /);
    expect(stderr).toContain(message);
  });

  it('runs as `tripcare remedy` over stdin and stdout', async () => {
    const { code, stdout } = await run(['remedy'], '{"situation": "force_majeure"}');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ floor: 0, offer: 0, options: [{ kind: 'assistance', clause: '3', amount: null, label: 'Help with whatever you need now' }] });
  });
});
