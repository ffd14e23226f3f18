import { z } from 'zod';

/** Parses JSON text against a schema; a failure comes back as one readable sentence, never thrown. */
export function parseJson<S extends z.ZodType>(text: string, schema: S): { data: z.infer<S> } | { error: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { error: 'not valid JSON' };
  }
  return validate(json, schema);
}

/** A value checked against a schema; a failure comes back as one readable sentence, never thrown. */
export function validate<S extends z.ZodType>(value: unknown, schema: S): { data: z.infer<S> } | { error: string } {
  const parsed = schema.safeParse(value);
  return parsed.success ? { data: parsed.data } : { error: z.prettifyError(parsed.error).replace(/\n/g, '; ') };
}
