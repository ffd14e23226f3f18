import type { IncomingMessage } from 'node:http';
import { parseJsonInput } from '../../src/http/json-input.ts';
import { readBody as readHttpBody } from '../../src/http/read-body.ts';

export type BodyResult = { ok: true; body: Buffer } | { ok: false; status: 400 | 413 };

/** Reads a request body of at most `maxBytes`; a larger one is refused unread. */
export async function readBody(req: IncomingMessage, maxBytes: number): Promise<BodyResult> {
  try {
    const body = await readHttpBody(req, maxBytes);
    if (body !== 'too_large') return { ok: true, body };
    return { ok: false, status: 413 };
  } catch {
    return { ok: false, status: 400 };
  }
}

export type JsonResult = { ok: true; value: unknown } | { ok: false; status: 400 | 413 };

/** A JSON body of at most `maxBytes`; an empty body reads as `{}`. */
export async function readJson(req: IncomingMessage, maxBytes: number): Promise<JsonResult> {
  const read = await readBody(req, maxBytes);
  if (!read.ok) return read;
  if (read.body.length === 0) return { ok: true, value: {} };
  const value = parseJson(read.body.toString('utf8'));
  return value === undefined ? { ok: false, status: 400 } : { ok: true, value };
}

/** Parsed JSON as `parseJsonInput` leaves it, or undefined for text that is not JSON or nests too deeply. */
export const parseJson = (text: string): unknown => {
  const json = parseJsonInput(text);
  return json.ok ? json.value : undefined;
};

/** The token of an `Authorization: Bearer …` header. */
export const bearer = (req: IncomingMessage): string | undefined => /^Bearer (\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
