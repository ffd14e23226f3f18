import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';

/** Parses a settings file's text (YAML, or JSON, which is YAML too); a bad one throws `file.fail`'s error naming each field. */
export function parseYamlFile<S extends z.ZodType>(text: string, file: SettingsFile<S>): z.output<S> {
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (e) {
    throw file.fail(`${capitalised(file.what)} ${file.source} is not valid YAML: ${e instanceof Error ? e.message : String(e)}`);
  }
  const result = file.schema.safeParse(data);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `  ${i.path.join('.') || '(top level)'}: ${i.message}`);
  throw file.fail(`Invalid ${file.what} ${file.source}:\n${problems.join('\n')}`);
}

/** Which file, what kind of settings it holds (`policy file`), its schema and its error. */
export interface SettingsFile<S extends z.ZodType> {
  what: string;
  source: string;
  schema: S;
  fail: (message: string) => Error;
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Reads a settings file and parses it with `parseYamlFile`. */
export async function readYamlFile<S extends z.ZodType>(file: SettingsFile<S>): Promise<z.output<S>> {
  let text: string;
  try {
    text = await readFile(file.source, 'utf8');
  } catch (e) {
    throw file.fail(`Cannot read ${file.what} ${file.source}: ${e instanceof Error ? e.message : String(e)}`);
  }
  return parseYamlFile(text, file);
}
