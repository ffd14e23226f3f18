import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import { parseJsonInput } from '../http/json-input.ts';
import { readBody } from '../http/read-body.ts';
import { sendJson } from '../http/server.ts';
import { validate } from '../validation.ts';

/**
 * A JSON body of at most `maxBytes` matching `schema`, or null having answered
 * 413 (too large) or 400 (unreadable, not JSON, nested too deeply, or not as the schema says, naming the field).
 * The body itself is never quoted back.
 */
export async function readJsonBody<S extends z.ZodType>(req: IncomingMessage, res: ServerResponse, maxBytes: number, schema: S): Promise<{ data: z.infer<S> } | null> {
  let body: Buffer | 'too_large';
  try {
    body = await readBody(req, maxBytes);
  } catch {
    sendJson(res, 400, { error: 'the request body could not be read' });
    return null;
  }
  if (body === 'too_large') {
    sendJson(res, 413, { error: `the request body is larger than ${maxBytes} bytes` });
    return null;
  }
  // No body at all is an empty object: a POST that only names its action (claim) needs none.
  const json = parseJsonInput(body.length === 0 ? '{}' : body.toString('utf8'));
  if (!json.ok) {
    sendJson(res, 400, { error: `the request body is not as expected: ${json.problem}` });
    return null;
  }
  const parsed = validate(json.value, schema);
  if ('error' in parsed) {
    sendJson(res, 400, { error: `the request body is not as expected: ${parsed.error}` });
    return null;
  }
  return parsed;
}
