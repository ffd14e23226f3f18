import { z } from 'zod';
import { sendJson } from '../http/server.ts';
import type { HttpServer } from '../http/server.ts';
import { groupings } from '../reports/period.ts';
import { reportNames } from '../reports/reports.ts';
import { maxTripRows, tripColumns, tripRow } from '../trips/trip-rows.ts';
import * as api from './desk-api.ts';
import { departuresBody, newGuideBody } from '../guides/guide-desk.ts';
import { outreachBody, rosterBody, settlementBody } from './incident-routes.ts';
import { actionBody } from './report-routes.ts';

const schema = (s: z.ZodType) => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' });
  return rest;
};
const json = (s: z.ZodType) => ({ required: true, content: { 'application/json': { schema: schema(s) } } });
const error = { description: 'refused: `{ "error": "…" }` says why', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
const errors = { 400: error, 401: error, 403: error, 404: error, 409: error, 429: error };
const ok = (description: string) => ({ 200: { description }, ...errors });
const changing = { security: [{ session: [], csrf: [] }] };

/** A path parameter; its example is a value the route accepts (the OpenAPI test calls every operation with them). */
const inPath = (name: string, pattern: string, example: string, description?: string) =>
  ({ name, in: 'path', required: true, schema: { type: 'string', pattern }, example, ...(description ? { description } : {}) });
const date = (name: string, where: 'path' | 'query', description: string) =>
  ({ name, in: where, required: where === 'path', schema: { type: 'string', format: 'date' }, example: '2026-11-20', description });

const caseId = inPath('caseId', api.caseIdPattern.source, 'TC-7K3M9Q', 'the case number');
const remedyId = inPath('remedyId', '^\\w{1,60}$', 'refund', 'the remedy of the offer, as the conversation lists it');
const incidentId = inPath('incidentId', '^IN-[A-Z0-9]{6}$', 'IN-4F7K2P', 'the incident number');
const tourCode = inPath('tourCode', '^[\\w-]{2,40}$', 'GZ-HK-0512', 'the tour code');
const guideId = inPath('guideId', '^[\\w-]{1,60}$', 'guide-1', 'the guide, as listed by GET /api/guides');
const actionId = inPath('actionId', '^CA-[A-Z0-9]{6}$', 'CA-8Q2M4T', 'the corrective action');
const reportName = {
  name: 'name', in: 'path', required: true, example: 'categories', description: 'the report; with `.csv` after it, the same report as a CSV file',
  schema: { type: 'string', enum: [...reportNames, ...reportNames.map((n) => `${n}.csv`)] },
};

/** A POST that acts on one resource, with a JSON body and `{ ok: true }` or what changed as its answer. */
const post = (tag: string, ...ids: Record<string, unknown>[]) => (operationId: string, summary: string, body: z.ZodType) => ({
  post: { operationId, tags: [tag], summary, ...changing, parameters: ids, requestBody: json(body), responses: ok('done') },
});
const caseAction = post('desk', caseId);
const incidentAction = post('incidents', incidentId);
const guideAction = post('guides', guideId);

/**
 * Trips as JSON, `{ rows }`: each row is checked on its own, so one bad row is named and the
 * others still go in. A row's nullable fields may also be left out (missing is not known).
 */
const jsonTrips = () => {
  const row = schema(tripRow) as { properties: Record<string, { anyOf?: { type?: string }[] }>; required: string[] };
  const mayBeNull = (key: string) => row.properties[key]?.anyOf?.some((s) => s.type === 'null') ?? false;
  const rows = { type: 'array', minItems: 1, maxItems: maxTripRows, items: { ...row, required: row.required.filter((key) => !mayBeNull(key)) } };
  return { required: true, content: { 'application/json': { schema: { type: 'object', required: ['rows'], properties: { rows }, additionalProperties: false } } } };
};

/**
 * The console API as OpenAPI 3.1; request bodies come from the same zod schemas the routes
 * validate with. test/console/openapi.test.ts holds it to the routes, and `npm run lint:openapi`
 * (scripts/openapi.ts) to redocly's recommended rules, warnings included.
 */
export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'tripcare staff console API',
    version: '1',
    summary: 'The staff desk: queue, conversations, incidents, guides, trips and reports.',
    description: 'Sign in with POST /api/session; send the returned csrfToken as X-CSRF-Token with every change. Times are ISO 8601; amounts are in the policy currency, in whole units.',
    license: { name: 'MIT', identifier: 'MIT' },
  },
  servers: [{ url: '/', description: 'the tripcare server this document was fetched from' }],
  tags: [
    { name: 'session', description: 'Staff sign-in: a host-only session cookie and a CSRF token' },
    { name: 'desk', description: 'The queue, conversations handed to staff, and what staff do with them' },
    { name: 'incidents', description: 'Guides\' incident reports, group complaints and departures' },
    { name: 'guides', description: 'Tour guides and the departures they lead' },
    { name: 'trips', description: 'Trips and their travellers, for the after-sales greetings and surveys' },
    { name: 'reports', description: 'Reports and corrective actions (整改)' },
  ],
  components: {
    securitySchemes: {
      session: { type: 'apiKey', in: 'cookie', name: '__Host-tc_session', description: 'set by POST /api/session' },
      csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token', description: 'the csrfToken POST /api/session answered' },
    },
    schemas: { Error: { type: 'object', required: ['error'], properties: { error: { type: 'string' } } } },
  },
  security: [{ session: [] }],
  paths: {
    '/api/session': {
      post: {
        operationId: 'signIn', tags: ['session'], summary: 'Sign in', security: [],
        requestBody: json(z.object({ username: z.string(), password: z.string() })),
        responses: { ...ok('signed in: the staff member, the CSRF token and when the session ends'), 503: { ...error, description: 'too many sign-ins at once: try again after Retry-After' } },
      },
      get: { operationId: 'getSession', tags: ['session'], summary: 'Who is signed in', responses: ok('the session') },
      delete: { operationId: 'signOut', tags: ['session'], summary: 'Sign out', ...changing, responses: { 204: { description: 'signed out' }, ...errors } },
    },
    '/api/queue': {
      get: {
        operationId: 'getQueue', tags: ['desk'],
        summary: 'The queue: most severe first, then longest waiting, with reply and resolution deadlines',
        parameters: [{ name: 'team', in: 'query', required: false, schema: { type: 'string' }, description: 'only this team\'s tickets' }],
        responses: ok('`{ items, teams, setAside }`: `setAside` (supervisors and above) counts the messages the bot set aside after their turns failed every time'),
      },
    },
    '/api/staff': { get: { operationId: 'listStaff', tags: ['desk'], summary: 'Staff accounts, for assigning and sharing (not for partners)', responses: ok('`{ staff }`') } },
    '/api/events': {
      get: {
        operationId: 'streamDeskEvents', tags: ['desk'], summary: 'Server-sent events: `desk` events name a case that changed',
        responses: { 200: { description: 'the live feed', content: { 'text/event-stream': { schema: { type: 'string' } } } }, 401: error },
      },
    },
    '/api/conversations/{caseId}': {
      get: { operationId: 'getConversation', tags: ['desk'], summary: 'The handoff packet, transcript, notes, WeChat window and what you may do', parameters: [caseId], responses: ok('the conversation') },
    },
    '/api/conversations/{caseId}/claim': caseAction('claimConversation', 'Take the conversation: one owner at a time (409 names who has it)', api.emptyBody),
    '/api/conversations/{caseId}/messages': caseAction('replyToTraveller', 'Reply to the traveller through their own channel', api.messageBody),
    '/api/conversations/{caseId}/notes': caseAction('addNote', 'A private note for staff', api.noteBody),
    '/api/conversations/{caseId}/remedies/{remedyId}/approve': post('desk', caseId, remedyId)('approveRemedy',
      'Approve a remedy, or change its amount, within your authority (recorded in the promise ledger)', api.approveBody),
    '/api/conversations/{caseId}/close': caseAction('closeConversation', 'Close as resolved with who was responsible and their shares; the bot asks the traveller if they are satisfied', api.closeBody),
    '/api/conversations/{caseId}/handback': caseAction('handBackConversation', 'Hand the conversation back to the bot', api.emptyBody),
    '/api/conversations/{caseId}/escalate': caseAction('escalateConversation', 'Up the ladder: agent → supervisor → executive', api.escalateBody),
    '/api/conversations/{caseId}/assign': caseAction('assignConversation', 'Give the ticket to a named person', api.assignBody),
    '/api/conversations/{caseId}/share': caseAction('shareConversation', 'Share the facts, identity masked, with a partner', api.shareBody),
    '/api/incidents': {
      get: {
        operationId: 'listIncidents', tags: ['incidents'], summary: 'Incidents: guides\' reports and group complaints, newest first',
        parameters: [
          { name: 'tourCode', in: 'query', required: false, schema: { type: 'string' }, description: 'only this tour\'s' },
          date('date', 'query', 'only this departure date\'s'),
          { name: 'unacknowledged', in: 'query', required: false, schema: { type: 'string', enum: ['1'] }, description: 'only those no one has acknowledged' },
        ],
        responses: ok('`{ incidents }`'),
      },
    },
    '/api/incidents/{incidentId}': {
      get: { operationId: 'getIncident', tags: ['incidents'], summary: 'One incident, with the crisis checklist for group complaints', parameters: [incidentId], responses: ok('the incident') },
    },
    '/api/incidents/{incidentId}/acknowledge': incidentAction('acknowledgeIncident', 'Acknowledge: the pages about it stop', api.emptyBody),
    '/api/incidents/{incidentId}/outreach': incidentAction('reachOutAfterIncident', 'Write first to those affected: an apology and a goodwill remedy within your authority', outreachBody),
    '/api/incidents/{incidentId}/settlement': incidentAction('settleGroupComplaint', 'One settlement for every traveller of a group complaint, with the policy\'s early-acceptance tiers', settlementBody),
    '/api/departures/{tourCode}': {
      get: {
        operationId: 'getDeparture', tags: ['incidents'], summary: 'A departure\'s incidents and complaints together',
        parameters: [tourCode, date('date', 'query', 'the departure date; without it, every departure of the tour')],
        responses: ok('the departure'),
      },
    },
    '/api/departures/{tourCode}/{date}/travellers': {
      post: {
        operationId: 'putDepartureRoster', tags: ['incidents'],
        summary: 'Who travels on a departure, with chat identities where known (supervisors, executives, admins)', ...changing,
        parameters: [tourCode, date('date', 'path', 'the departure date')],
        requestBody: json(rosterBody), responses: ok('`{ travellers }`: how many the roster holds'),
      },
    },
    '/api/guides': {
      get: { operationId: 'listGuides', tags: ['guides'], summary: 'Guides (supervisors, executives, admins)', responses: ok('`{ guides }`') },
      post: { operationId: 'addGuide', tags: ['guides'], summary: 'Register a guide with the departures they lead', ...changing, requestBody: json(newGuideBody), responses: ok('`{ guide }`') },
    },
    '/api/guides/{guideId}/code': guideAction('issueGuideCode', 'A one-time code the guide sends the bot to bind their chat account; shown once', api.emptyBody),
    '/api/guides/{guideId}/departures': guideAction('addGuideDepartures', 'Add departures the guide leads', departuresBody),
    '/api/trips/import': {
      post: {
        operationId: 'importTripsCsv', tags: ['trips'],
        summary: `Import trips and travellers as CSV (${tripColumns.join(',')}); schedules the day-after greetings`, ...changing,
        requestBody: { required: true, content: { 'text/csv': { schema: { type: 'string' } } } },
        responses: { ...ok('what was imported, and each refused row by line and field'), 413: error, 415: error },
      },
    },
    '/api/trips': {
      post: {
        operationId: 'importTrips', tags: ['trips'], summary: 'The same rows as JSON: `{ rows: [...] }`, each checked on its own', ...changing,
        requestBody: jsonTrips(), responses: ok('as for the CSV import'),
      },
    },
    '/api/reports/{name}': {
      get: {
        operationId: 'getReport', tags: ['reports'], summary: 'A report as JSON, or as CSV with `.csv` after its name (supervisors, executives, admins)',
        parameters: [
          reportName,
          date('from', 'query', 'the first day; by default 364 days before `to`'),
          date('to', 'query', 'the last day; by default today'),
          { name: 'by', in: 'query', required: false, schema: { type: 'string', enum: [...groupings], default: 'month' }, description: 'how counts over time are grouped' },
        ],
        responses: ok('the report'),
      },
    },
    '/api/actions': {
      get: { operationId: 'listCorrectiveActions', tags: ['reports'], summary: 'Corrective actions (整改), with whether complaints of their kind fell since', responses: ok('`{ actions }`') },
      post: {
        operationId: 'openCorrectiveAction', tags: ['reports'], summary: 'Open a corrective action: a target (category, tour, guide or party), an owner and a due date', ...changing,
        requestBody: json(actionBody), responses: ok('the action'),
      },
    },
    '/api/actions/{actionId}/done': post('reports', actionId)('completeCorrectiveAction', 'Mark a corrective action done', api.emptyBody),
  },
};

export function routeOpenApi(http: HttpServer): void {
  http.route('GET', '/api/openapi.json', (_req, res) => sendJson(res, 200, openApiDocument));
}
