import { z } from 'zod';
import { sendJson } from '../http/server.ts';
import type { HttpServer } from '../http/server.ts';
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
const caseId = { name: 'caseId', in: 'path', required: true, schema: { type: 'string', pattern: api.caseIdPattern.source }, description: 'the case number, e.g. TC-7K3M9Q' };
const changing = { security: [{ session: [], csrf: [] }] };

const post = (id: Record<string, unknown>) => (summary: string, body: z.ZodType, extra: Record<string, unknown> = {}) => ({
  post: { summary, ...changing, parameters: [id, ...((extra.parameters as unknown[] | undefined) ?? [])], requestBody: json(body), responses: ok('done') },
});
const action = post(caseId);
const incidentId = { name: 'incidentId', in: 'path', required: true, schema: { type: 'string', pattern: '^IN-[A-Z0-9]{6}$' } };
const incidentAction = post(incidentId);
const guideAction = post({ name: 'guideId', in: 'path', required: true, schema: { type: 'string' } });

/** The desk API as OpenAPI 3.1; request bodies come from the same zod schemas the routes validate with. */
export const openApiDocument = {
  openapi: '3.1.0',
  info: { title: 'tripcare staff console API', version: '1', description: 'Sign in with POST /api/session; send the returned csrfToken as X-CSRF-Token with every change. Times are ISO 8601; amounts are in the policy currency, in whole units.' },
  components: {
    securitySchemes: {
      session: { type: 'apiKey', in: 'cookie', name: '__Host-tc_session' },
      csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
    },
    schemas: { Error: { type: 'object', required: ['error'], properties: { error: { type: 'string' } } } },
  },
  security: [{ session: [] }],
  paths: {
    '/api/session': {
      post: { summary: 'Sign in', security: [], requestBody: json(z.object({ username: z.string(), password: z.string() })), responses: { ...ok('signed in: the staff member, the CSRF token and when the session ends'), 503: { ...error, description: 'too many sign-ins at once: try again after Retry-After' } } },
      get: { summary: 'Who is signed in', responses: ok('the session') },
      delete: { summary: 'Sign out', ...changing, responses: { 204: { description: 'signed out' }, ...errors } },
    },
    '/api/queue': {
      get: {
        summary: 'The queue: most severe first, then longest waiting, with reply and resolution deadlines',
        parameters: [{ name: 'team', in: 'query', required: false, schema: { type: 'string' } }],
        responses: ok('`{ items, teams }`'),
      },
    },
    '/api/staff': { get: { summary: 'Staff accounts, for assigning and sharing (not for partners)', responses: ok('`{ staff }`') } },
    '/api/events': { get: { summary: 'Server-sent events: `desk` events name a case that changed', responses: { 200: { description: 'text/event-stream' }, 401: error } } },
    '/api/conversations/{caseId}': {
      get: { summary: 'The handoff packet, transcript, notes, WeChat window and what you may do', parameters: [caseId], responses: ok('the conversation') },
    },
    '/api/conversations/{caseId}/claim': action('Take the conversation: one owner at a time (409 names who has it)', api.emptyBody),
    '/api/conversations/{caseId}/messages': action('Reply to the traveller through their own channel', api.messageBody),
    '/api/conversations/{caseId}/notes': action('A private note for staff', api.noteBody),
    '/api/conversations/{caseId}/remedies/{remedyId}/approve': action('Approve a remedy, or change its amount, within your authority (recorded in the promise ledger)', api.approveBody, {
      parameters: [{ name: 'remedyId', in: 'path', required: true, schema: { type: 'string' } }],
    }),
    '/api/conversations/{caseId}/close': action('Close as resolved with who was responsible and their shares; the bot asks the traveller if they are satisfied', api.closeBody),
    '/api/conversations/{caseId}/handback': action('Hand the conversation back to the bot', api.emptyBody),
    '/api/conversations/{caseId}/escalate': action('Up the ladder: agent → supervisor → executive', api.escalateBody),
    '/api/conversations/{caseId}/assign': action('Give the ticket to a named person', api.assignBody),
    '/api/conversations/{caseId}/share': action('Share the facts, identity masked, with a partner', api.shareBody),
    '/api/incidents': {
      get: {
        summary: 'Incidents: guides\' reports and group complaints, newest first',
        parameters: [
          { name: 'tourCode', in: 'query', required: false, schema: { type: 'string' } },
          { name: 'date', in: 'query', required: false, schema: { type: 'string', format: 'date' } },
          { name: 'unacknowledged', in: 'query', required: false, schema: { type: 'string', enum: ['1'] } },
        ],
        responses: ok('`{ incidents }`'),
      },
    },
    '/api/incidents/{incidentId}': { get: { summary: 'One incident, with the crisis checklist for group complaints', parameters: [incidentId], responses: ok('the incident') } },
    '/api/incidents/{incidentId}/acknowledge': incidentAction('Acknowledge: the pages about it stop', api.emptyBody),
    '/api/incidents/{incidentId}/outreach': incidentAction('Write first to those affected: an apology and a goodwill remedy within your authority', outreachBody),
    '/api/incidents/{incidentId}/settlement': incidentAction('One settlement for every traveller of a group complaint, with the policy\'s early-acceptance tiers', settlementBody),
    '/api/departures/{tourCode}': {
      get: {
        summary: 'A departure\'s incidents and complaints together',
        parameters: [{ name: 'tourCode', in: 'path', required: true, schema: { type: 'string' } }, { name: 'date', in: 'query', required: false, schema: { type: 'string', format: 'date' } }],
        responses: ok('the departure'),
      },
    },
    '/api/departures/{tourCode}/{date}/travellers': {
      post: {
        summary: 'Who travels on a departure, with chat identities where known (supervisors, executives, admins)', ...changing,
        parameters: [{ name: 'tourCode', in: 'path', required: true, schema: { type: 'string' } }, { name: 'date', in: 'path', required: true, schema: { type: 'string', format: 'date' } }],
        requestBody: json(rosterBody), responses: ok('`{ travellers }`: how many the roster holds'),
      },
    },
    '/api/guides': {
      get: { summary: 'Guides (supervisors, executives, admins)', responses: ok('`{ guides }`') },
      post: { summary: 'Register a guide with the departures they lead', ...changing, requestBody: json(newGuideBody), responses: ok('`{ guide }`') },
    },
    '/api/guides/{guideId}/code': guideAction('A one-time code the guide sends the bot to bind their chat account; shown once', api.emptyBody),
    '/api/guides/{guideId}/departures': guideAction('Add departures the guide leads', departuresBody),
    '/api/trips/import': {
      post: {
        summary: 'Import trips and travellers as CSV (tour_code,departure_date,return_date,ref,name,locale,channel,conversation_id); schedules the day-after greetings', ...changing,
        requestBody: { required: true, content: { 'text/csv': { schema: { type: 'string' } } } },
        responses: { ...ok('what was imported, and each refused row by line and field'), 413: error, 415: error },
      },
    },
    '/api/trips': { post: { summary: 'The same rows as JSON: `{ rows: [...] }`', ...changing, responses: ok('as for the CSV import') } },
    '/api/reports/{name}': {
      get: {
        summary: 'A report as JSON, or as CSV with `.csv` after its name: categories, top-categories, tours, guides, parties, sla, satisfaction, handoffs, costs',
        parameters: [
          { name: 'name', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'from', in: 'query', required: false, schema: { type: 'string', format: 'date' } },
          { name: 'to', in: 'query', required: false, schema: { type: 'string', format: 'date' } },
          { name: 'by', in: 'query', required: false, schema: { type: 'string', enum: ['day', 'week', 'month', 'quarter'] } },
        ],
        responses: ok('the report'),
      },
    },
    '/api/actions': {
      get: { summary: 'Corrective actions (整改), with whether complaints of their kind fell since', responses: ok('`{ actions }`') },
      post: { summary: 'Open a corrective action: a target (category, tour, guide or party), an owner and a due date', ...changing, requestBody: json(actionBody), responses: ok('the action') },
    },
    '/api/actions/{actionId}/done': {
      post: { summary: 'Mark a corrective action done', ...changing, parameters: [{ name: 'actionId', in: 'path', required: true, schema: { type: 'string' } }], requestBody: json(api.emptyBody), responses: ok('the action') },
    },
  },
};

export function routeOpenApi(http: HttpServer): void {
  http.route('GET', '/api/openapi.json', (_req, res) => sendJson(res, 200, openApiDocument));
}
