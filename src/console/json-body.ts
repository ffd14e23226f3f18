import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { problem } from '../desk/desk-error.ts';
import { parseJsonInput } from '../http/json-input.ts';
import { readBody } from '../http/read-body.ts';
import { sendJson } from '../http/server.ts';

/**
 * A JSON body of at most `maxBytes` matching `schema`, or null having answered
 * 413 `body_too_large`, or 400: `body_unreadable`, `invalid_json` (not JSON, or nested too deeply)
 * or `validation_failed` (not as the schema says, naming the fields).
 * The body itself is never quoted back.
 */
export async function readJsonBody<S extends z.ZodType>(req: IncomingMessage, res: ServerResponse, maxBytes: number, schema: S): Promise<{ data: z.infer<S> } | null> {
  let body: Buffer | 'too_large';
  try {
    body = await readBody(req, maxBytes);
  } catch {
    sendJson(res, 400, problem('body_unreadable', 'the request body could not be read'));
    return null;
  }
  if (body === 'too_large') {
    sendJson(res, 413, problem('body_too_large', `the request body is larger than ${maxBytes} bytes`, { maxBytes }));
    return null;
  }
  // No body at all is an empty object: a POST that only names its action (claim) needs none.
  const json = parseJsonInput(body.length === 0 ? '{}' : body.toString('utf8'));
  if (!json.ok) {
    sendJson(res, 400, problem('invalid_json', `the request body is not as expected: ${json.problem}`));
    return null;
  }
  const parsed = schema.safeParse(json.value);
  if (!parsed.success) {
    sendJson(res, 400, invalidBody(parsed.error));
    return null;
  }
  return { data: parsed.data };
}

/** 400 `validation_failed`: zod's sentence as `error`, as before, and the fields at fault as `fields`. */
const invalidBody = (error: z.ZodError) =>
  problem('validation_failed', `the request body is not as expected: ${z.prettifyError(error).replace(/\n/g, '; ')}`, { fields: fieldsOf(error.issues) });

/**
 * The fields the issues are about, as dotted paths without list indexes (`responsible.share`),
 * each once; a key the schema does not know is named as the field it is. An issue about the
 * whole body names no field.
 */
export function fieldsOf(issues: readonly z.core.$ZodIssue[]): string[] {
  const named = (path: readonly PropertyKey[]) => path.filter((p): p is string => typeof p === 'string').join('.');
  const fields = issues.flatMap((issue) => (issue.code === 'unrecognized_keys'
    ? issue.keys.map((key) => named([...issue.path, key]))
    : [named(issue.path)]));
  return [...new Set(fields.filter((f) => f !== ''))];
}
