import type { Readable, Writable } from 'node:stream';
import { render } from '../i18n/render.ts';
import type { AgencyPolicy } from '../policy/agency-policy.ts';
import { parseRemedyRequest, RemedyInputError } from '../policy/remedy-input.ts';

const maxInputBytes = 100_000;

/**
 * `tripcare remedy`: one JSON object of facts on stdin, the remedy as one JSON line on stdout,
 * labels in plain English for staff. Bad input: a message on `errors` and exit code 1.
 */
export async function remedyCommand(input: Readable, output: Writable, errors: Writable, policy: AgencyPolicy): Promise<number> {
  const fail = (message: string) => {
    errors.write(`tripcare remedy: ${message}\n`);
    return 1;
  };
  const text = await readAll(input);
  if (text === null) return fail(`input is larger than ${maxInputBytes} bytes; send one JSON object`);
  if (!text.trim()) return fail('no input; send one JSON object, e.g. {"situation": "grade_below_contract", "priceDifference": 300}');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail('not valid JSON; send one JSON object');
  }
  try {
    const r = policy.remedy(parseRemedyRequest(json)); // staff's facts count as checked unless they list them as unverified
    const options = r.options.map(({ label, ...o }) => ({ ...o, label: render('en', label, 'UTC') }));
    output.write(`${JSON.stringify({ floor: r.floor, offer: r.offer, currency: r.currency, basis: r.basis, options, missing: r.missing, policyVersion: r.policyVersion })}\n`);
    return 0;
  } catch (e) {
    if (e instanceof RemedyInputError) return fail(e.message);
    throw e;
  }
}

/** The whole stream as text, or null past the size limit. */
async function readAll(input: Readable): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of input) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > maxInputBytes) return null;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
