import { readdirSync, readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { credentials } from '../../src/console/auth-routes.ts';
import * as deskApi from '../../src/console/desk-api.ts';
import { outreachBody, rosterBody, settlementBody } from '../../src/console/incident-routes.ts';
import { actionBody, periodQuery } from '../../src/console/report-routes.ts';
import { jsonTrips } from '../../src/console/trip-routes.ts';
import type { Attachment } from '../../src/conversation/messages.ts';
import { channels } from '../../src/conversation/messages.ts';
import type { Wants } from '../../src/conversation/complaint-slice.ts';
import { errorCodes } from '../../src/desk/desk-error.ts';
import { resolutionCodes, responsibleParties } from '../../src/desk/resolution.ts';
import type { TranscriptLine } from '../../src/desk/views.ts';
import { departuresBody, newGuideBody } from '../../src/guides/guide-desk.ts';
import { crisisChecklist } from '../../src/incidents/views.ts';
import { clauseIds } from '../../src/policy/clause-ids.ts';
import { offerKinds } from '../../src/policy/parts.ts';
import type { CaseStatus } from '../../src/ports/case-register.ts';
import { actionTargets } from '../../src/ports/corrective-actions.ts';
import type { CorrectiveAction } from '../../src/ports/corrective-actions.ts';
import { deskLevels } from '../../src/ports/escalation-desk.ts';
import type { TicketReason, TicketStatus } from '../../src/ports/escalation-desk.ts';
import { incidentTypes } from '../../src/ports/incident-register.ts';
import type { Incident } from '../../src/ports/incident-register.ts';
import { surveyQuestions } from '../../src/ports/survey-store.ts';
import { groupings } from '../../src/reports/period.ts';
import { buildReport, reportNames } from '../../src/reports/reports.ts';
import { staffRoles } from '../../src/staff/roles.ts';
import { allProblems, categories, flags, locales, severities } from '../../src/taxonomy.ts';

/**
 * Every word the console shows comes from its catalogues (locales/console), in all three
 * languages: the keys its scripts and page use, a label for every value of every enum it shows,
 * and a sentence for every error code the API answers with, naming fields in the reader's language.
 */

const publicDir = new URL('../../src/console/public/', import.meta.url);
const catalogue = (locale: string) => JSON.parse(readFileSync(new URL(`../../locales/console/${locale}.json`, import.meta.url), 'utf8')) as Record<string, string>;
const catalogues = Object.fromEntries(locales.map((l) => [l, catalogue(l)]));
const files = readdirSync(publicDir).filter((f) => f.endsWith('.js'));
const sourceOf = (file: string) => readFileSync(new URL(file, publicDir), 'utf8');
const js = files.map(sourceOf).join('\n');
const html = sourceOf('index.html');
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);

/** A list of every member of the union `U`: one missing fails to compile, so a new status cannot go unlabelled. */
const every = <U extends string>() => <const L extends readonly U[]>(list: L & ([U] extends [L[number]] ? unknown : { missing: Exclude<U, L[number]> })): readonly U[] => list;

/** Every value the console looks up as `label(group, id)` (or `labels`, `isLabelled`, `has(\`group.${…}\`)`), by group. */
const labelled: Record<string, readonly string[]> = {
  category: categories,
  problem: allProblems,
  severity: severities,
  flag: flags,
  reason: every<TicketReason>()(['asked_for_person', 'asked_for_manager', 'safety', 'external_threat', 'not_satisfied', 'remedy_refused', 'approval', 'low_satisfaction']),
  level: deskLevels,
  status: every<TicketStatus>()(['waiting', 'claimed', 'closed', 'handed_back']),
  caseStatus: every<CaseStatus>()(['open', 'handed_off', 'pending_approval', 'resolved']),
  channel: channels,
  role: staffRoles,
  from: every<TranscriptLine['from']>()(['traveller', 'bot', 'staff']),
  kind: offerKinds,
  resolution: resolutionCodes,
  party: responsibleParties,
  incidentType: incidentTypes,
  incidentKind: every<Incident['kind']>()(['report', 'group', 'emergency']),
  checklist: crisisChecklist,
  language: locales,
  attachment: every<Attachment['kind']>()(['image', 'voice', 'video', 'file', 'location', 'sticker']),
  clause: clauseIds,
  wants: every<Extract<Wants, { kind: string }>['kind']>()(['compensation', 'fix', 'apology']),
  surveyPart: surveyQuestions,
};

/** The request bodies and queries of the console API, whose fields a `validation_failed` names. */
const schemas: Record<string, z.ZodType> = {
  credentials, outreachBody, settlementBody, rosterBody, actionBody, periodQuery, jsonTrips, newGuideBody, departuresBody,
  ...Object.fromEntries(Object.entries(deskApi).filter(([, v]) => v instanceof z.ZodType)) as Record<string, z.ZodType>,
};

/** Every property name a schema has, at any depth. */
function fieldNames(schema: z.ZodType): string[] {
  const names = new Set<string>();
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const { properties } = node as { properties?: Record<string, unknown> };
    if (properties) for (const name of Object.keys(properties)) names.add(name);
    Object.values(node).forEach(walk);
  };
  walk(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }));
  return [...names];
}

/** The rows the reports with fixed rows have (the others are keyed by category, tour, guide or party). */
const period = { from: '2026-07-01', to: '2026-09-30', by: 'month' } as const;
const none = { cases: [], scores: [], feedback: [], guides: [], timeZone: 'Asia/Shanghai' };
const fixedRows = [...new Set(reportNames.flatMap((name) => buildReport(name, period, none).rows.map((r) => r.key)))];

/** The keys built from a prefix and a value (`t(\`reports.name.${name}\`)`), by prefix: each value of each. */
const built: Record<string, readonly string[]> = {
  'reports.name.': reportNames,
  'reports.by.': groupings,
  'reports.row.': fixedRows,
  'actions.kind.': actionTargets,
  'actions.status.': every<CorrectiveAction['status']>()(['open', 'done']),
  'apiError.': errorCodes,
  'field.': [...new Set(Object.values(schemas).flatMap(fieldNames))],
};

/** The keys each catalogue lacks, by locale; `{}` when none lacks any. */
function missingIn(keys: Iterable<string>): Record<string, string[]> {
  const wanted = [...keys];
  const missing = locales.map((l) => [l, wanted.filter((k) => !Object.hasOwn(catalogues[l]!, k))] as const);
  return Object.fromEntries(missing.filter(([, m]) => m.length > 0));
}

describe('the console says everything in the staff member’s language', () => {
  it('has every key its page and scripts use, in all three catalogues', () => {
    const keys = new Set([
      ...[...js.matchAll(/\bt\('([^']+)'/g)].map((m) => m[1]!),
      ...[...js.matchAll(/\bi18n: '([^']+)'/g)].map((m) => m[1]!),
      ...[...html.matchAll(/data-i18n="([^"]+)"/g)].map((m) => m[1]!),
    ]);
    expect(keys.size).toBeGreaterThan(150);
    expect(missingIn(keys)).toEqual({});
  });

  it('builds keys only from prefixes whose every value has a string in all three catalogues', () => {
    // `t(\`reports.name.${name}\`)`, `has(\`wants.${wants}\`)`: a prefix is a label group or one of `built`.
    const prefixes = new Set([...js.matchAll(/\b(?:t|has)\(`([\w.]+)\$\{/g)].map((m) => m[1]!));
    expect(prefixes.size).toBeGreaterThan(5);
    const groups = new Set([...js.matchAll(/\b(?:labels?|isLabelled)\('(\w+)'/g)].map((m) => m[1]!));
    for (const p of prefixes) if (!(p in built)) groups.add(p.replace(/\.$/, ''));
    expect([...groups].filter((g) => !(g in labelled))).toEqual([]);
    expect(missingIn(Object.entries(built).flatMap(([prefix, ids]) => ids.map((id) => `${prefix}${id}`)))).toEqual({});
  });

  it('labels every value of every enum it shows, in all three catalogues', () => {
    expect(missingIn(Object.entries(labelled).flatMap(([group, ids]) => ids.map((id) => `${group}.${id}`)))).toEqual({});
  });

  it('keeps every catalogue to the same keys and placeholders, with no string empty', () => {
    const en = catalogues.en!;
    for (const locale of locales) {
      const strings = catalogues[locale]!;
      expect(Object.keys(strings).sort(), locale).toEqual(Object.keys(en).sort());
      for (const [key, text] of Object.entries(strings)) {
        expect(text.trim(), `${locale} ${key}`).not.toBe('');
        expect(placeholders(text).sort(), `${locale} ${key}`).toEqual(placeholders(en[key]!).sort());
      }
    }
  });

  it('words every error code, with placeholders only where errors.js fills them', () => {
    const errors = sourceOf('errors.js');
    const filled = new Set([...errors.matchAll(/^ {2}(\w+): \(/gm)].map((m) => m[1]!));
    for (const code of errorCodes) {
      const wanted = placeholders(catalogues.en![`apiError.${code}`] ?? '');
      if (wanted.length > 0) expect(filled.has(code), `apiError.${code} needs {${wanted.join('}, {')}}`).toBe(true);
    }
    expect([...filled].filter((code) => !(errorCodes as readonly string[]).includes(code))).toEqual([]);
  });

  it('shows no refusal in the server’s words: every one goes through errors.js', () => {
    expect(js).not.toMatch(/\.message\b/);
  });

  it('knows every schema a console route reads a body or query with, so each field has a name', () => {
    const routes = ['auth-routes', 'desk-routes', 'incident-routes', 'report-routes', 'trip-routes'];
    const used = routes.flatMap((file) => {
      const source = readFileSync(new URL(`../../src/console/${file}.ts`, import.meta.url), 'utf8');
      return [
        ...[...source.matchAll(/\baction\(([\w.]+),/g)].map((m) => m[1]!),
        ...[...source.matchAll(/readJsonBody\([^()]*?, (\w+)\)/g)].map((m) => m[1]!),
        ...[...source.matchAll(/\b(\w+)\.safeParse\(/g)].map((m) => m[1]!),
      ];
    }).map((name) => name.replace(/^\w+\./, ''));
    expect(used.length).toBeGreaterThan(10);
    // departureSchema only checks a path (a 404 when it fails), never a body.
    expect([...new Set(used)].filter((name) => !(name in schemas) && name !== 'departureSchema')).toEqual([]);
  });
});

describe('the console API’s refusals', () => {
  /** The files whose answers the console shows. */
  const routeFiles = ['auth-routes', 'desk-routes', 'incident-routes', 'report-routes', 'trip-routes', 'json-body', 'route-kit', 'staff-session'];

  it('each carry a code: no JSON refusal is written without one', () => {
    for (const file of routeFiles) {
      const source = readFileSync(new URL(`../../src/console/${file}.ts`, import.meta.url), 'utf8');
      expect(source, file).not.toMatch(/\b(?:sendJson|answer)\(res, [45]\d\d, (?!problem\(|invalidBody\()/);
      expect(source, file).not.toMatch(/\{ error(?:: | \})/);
    }
  });

  it('have a code of their own for every refusal the desks throw, given where it is thrown', async () => {
    const src = fileURLToPath(new URL('../../src/', import.meta.url));
    const sources = (await readdir(src, { recursive: true })).filter((f) => f.endsWith('.ts'));
    const sites: { file: string; code: string | undefined }[] = [];
    for (const file of sources) {
      const text = await readFile(`${src}${file}`, 'utf8');
      for (const at of text.matchAll(/new DeskError\((?:\d{3}, '(\w+)')?/g)) sites.push({ file, code: at[1] });
    }
    expect(sites.length).toBeGreaterThan(30);
    // A literal code at each site (the type system checks it is one); `refused` is no code of its own.
    expect(sites.filter(({ code }) => code === undefined || code === 'refused')).toEqual([]);
  });
});
