import { fileURLToPath } from 'node:url';
import { parseYamlFile, readYamlFile } from '../yaml-file.ts';
import { z } from 'zod';
import type { StaffMember } from '../../flows/staff.ts';
import { ticketReasons } from '../ports/escalation-desk.ts';
import type { TicketReason } from '../ports/escalation-desk.ts';
import { categories, flags, locales, severities } from '../taxonomy.ts';
import type { Category, Flag, Locale, Severity } from '../taxonomy.ts';

/** The teams shipped with tripcare; `default-teams.yaml` explains every field. */
export const defaultTeamsPath = fileURLToPath(new URL('./default-teams.yaml', import.meta.url));


const teamId = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'must be lower-case letters, digits and _, starting with a letter');

const teamsSchema = z.strictObject({
  teams: z.array(z.strictObject({
    id: teamId,
    name: z.strictObject(Object.fromEntries(locales.map((l) => [l, z.string().min(1).max(60)])) as Record<Locale, z.ZodString>),
    introducedAs: z.enum(['colleague', 'complaint_officer']),
  })).min(1).max(50),
  routes: z.array(z.strictObject({
    team: teamId,
    categories: z.array(z.enum(categories)).min(1).optional(),
    severities: z.array(z.enum(severities)).min(1).optional(),
    flags: z.array(z.enum(flags)).min(1).optional(),
    reasons: z.array(z.enum(ticketReasons)).min(1).optional(),
  })).max(200),
  fallback: teamId,
}).superRefine((file, ctx) => {
  const ids = new Set(file.teams.map((t) => t.id));
  if (ids.size !== file.teams.length) ctx.addIssue({ code: 'custom', path: ['teams'], message: 'team ids must be unique' });
  file.routes.forEach((r, i) => {
    if (!ids.has(r.team)) ctx.addIssue({ code: 'custom', path: ['routes', i, 'team'], message: `no team "${r.team}"` });
  });
  if (!ids.has(file.fallback)) ctx.addIssue({ code: 'custom', path: ['fallback'], message: `no team "${file.fallback}"` });
});

export type TeamsFile = z.infer<typeof teamsSchema>;
export type Team = TeamsFile['teams'][number];

/** What routing looks at in a case. */
export interface Routable {
  category: Category;
  severity: Severity;
  flags: Flag[];
  reason: TicketReason;
}

export class TeamsError extends Error {
  override name = 'TeamsError';
}

/** The agency's teams and the rules that put each case in one team's queue. */
export class Teams {
  readonly #file: TeamsFile;

  constructor(file: TeamsFile) {
    this.#file = file;
  }

  get all(): Team[] {
    return this.#file.teams;
  }

  get(id: string): Team | undefined {
    return this.#file.teams.find((t) => t.id === id);
  }

  /** The first route whose every condition matches, else the fallback. */
  route(c: Routable): string {
    const hit = this.#file.routes.find((r) =>
      (!r.categories || r.categories.includes(c.category))
      && (!r.severities || r.severities.includes(c.severity))
      && (!r.flags || r.flags.some((f) => c.flags.includes(f)))
      && (!r.reasons || r.reasons.includes(c.reason)));
    return hit?.team ?? this.#file.fallback;
  }

  /** How a handler of `teamId` is introduced to the traveller. */
  introducedAs(teamId: string): StaffMember['introducedAs'] {
    return this.get(teamId)?.introducedAs ?? 'colleague';
  }
}

export const parseTeams = (text: string, source: string): Teams => new Teams(parseYamlFile(text, teamsFile(source)));

const teamsFile = (source: string) => ({ what: 'teams file', source, schema: teamsSchema, fail: (m: string) => new TeamsError(m) });

/** Reads and validates a teams file; the default is the one shipped with tripcare. */
export async function loadTeams(path: string = defaultTeamsPath): Promise<Teams> {
  return new Teams(await readYamlFile(teamsFile(path)));
}
