import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errorCodes } from '../../src/desk/desk-error.ts';
import { DeskServer } from '../support/console.ts';
import type { StaffClient } from '../support/console.ts';

let desk: DeskServer;
let ann: StaffClient;
let caseId: string;

beforeEach(async () => {
  desk = await DeskServer.start();
  ann = await desk.staff('ann', 'agent');
  caseId = await desk.handoff('c1', 'I want to talk to a person');
  expect((await ann.act(caseId, 'claim')).status).toBe(200);
});
afterEach(() => desk.close());

/** Expects a JSON `{ error, code }` answer with `status` (and only the details its code is worded with), and returns the error. */
async function refusal(res: Response, status: number): Promise<string> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
  const body = (await res.json()) as { error: string; code: string };
  expect(errorCodes).toContain(body.code);
  expect(Object.keys(body).filter((k) => !['fields', 'retryAfterSeconds', 'maxBytes'].includes(k))).toEqual(['error', 'code']);
  return body.error;
}

const close = (responsible: unknown) => ({ resolution: 'explained', responsible });

describe('the desk API refuses bad input with a JSON error, never a 500', () => {
  it('refuses bodies that are not JSON, of the wrong shape, empty or too long', async () => {
    const path = `/api/conversations/${caseId}/messages`;
    expect(await refusal(await ann.post(path, undefined, {}, '{"text": "hi"'), 400)).toBe('the request body is not as expected: not valid JSON');
    expect(await refusal(await ann.post(path, { text: 5 }), 400)).toMatch(/^the request body is not as expected: .*text/);
    expect(await refusal(await ann.post(path, { text: 'hi', to: 'everyone' }), 400)).toMatch(/to/);
    expect(await refusal(await ann.post(path, { text: '   ' }), 400)).toMatch(/write something/);
    expect(await refusal(await ann.post(path, { text: 'x'.repeat(2001) }), 400)).toMatch(/at most 2000 characters/);
    expect(await refusal(await ann.post(path, 'x'.repeat(1024 * 1024)), 413)).toBe('the request body is larger than 16384 bytes');
    expect(desk.sentTo('c1').filter((m) => m.step === 'staff')).toHaveLength(1); // only the introduction

    expect((await ann.post(path, { text: 'x'.repeat(2000) })).status).toBe(200);
  });

  it('refuses a closing whose shares do not add up to 100 or name a party twice', async () => {
    expect(await refusal(await ann.act(caseId, 'close', close([{ party: 'guide', share: 60 }, { party: 'supplier', share: 30 }])), 400)).toMatch(/add up to 100/);
    expect(await refusal(await ann.act(caseId, 'close', close([{ party: 'guide', share: 50 }, { party: 'guide', share: 50 }])), 400)).toMatch(/each party once/);
    expect(await refusal(await ann.act(caseId, 'close', close([{ party: 'guide', share: 100.5 }])), 400)).toMatch(/responsible/);
    expect(await refusal(await ann.act(caseId, 'close', { resolution: 'bribed', responsible: [{ party: 'none', share: 100 }] }), 400)).toMatch(/resolution/);
    expect((await desk.app.parts.desk.get(caseId))?.status).toBe('claimed');
  });

  it('answers 404 for unknown actions, cases and paths that are not case numbers, and 405 for GET on an action', async () => {
    expect(await refusal(await ann.act(caseId, 'delete'), 404)).toBe('no such action');
    expect(await refusal(await ann.act('TC-UNKNWN', 'claim'), 404)).toBe('no ticket TC-UNKNWN that you can see');
    expect(await refusal(await ann.get('/api/conversations/TC-UNKNWN'), 404)).toBe('no ticket TC-UNKNWN that you can see');
    for (const path of ['/api/conversations/..%2f..%2fetc', '/api/conversations/..%2f..%2fetc/claim', '/api/conversations/%E0%A4%A', `/api/conversations/${caseId}/claim/extra`, `/api/conversations/${caseId}/remedies/x/reject`]) {
      expect(await refusal(await ann.get(path), 404)).toBe('not found');
      expect(await refusal(await ann.post(path), 404)).toBe('not found');
    }
    expect(await refusal(await ann.get(`/api/conversations/${caseId}/claim`), 405)).toBe('method not allowed');
  });
});

describe('the desk API’s guard against cross-site requests', () => {
  it('refuses a change without the CSRF token, with a wrong one, from a foreign Origin, or without a session', async () => {
    const path = `/api/conversations/${caseId}/notes`;
    const note = { text: 'checked the hotel booking' };
    expect(await refusal(await ann.post(path, note, { 'x-csrf-token': '' }), 403)).toMatch(/X-CSRF-Token/);
    expect(await refusal(await ann.post(path, note, { 'x-csrf-token': 'x'.repeat(43) }), 403)).toMatch(/X-CSRF-Token/);
    expect(await refusal(await ann.post(path, note, { origin: 'https://evil.example' }), 403)).toBe('this request came from another site');
    expect(await refusal(await ann.post(path, note, { cookie: '' }), 401)).toMatch(/sign in first/);
    expect(await refusal(await ann.get('/api/queue', { cookie: '' }), 401)).toMatch(/sign in first/);
    expect(await desk.app.parts.desk.notes(caseId)).toEqual([]);

    expect((await ann.post(path, note, { origin: desk.base })).status).toBe(200);
    expect((await desk.app.parts.desk.notes(caseId)).map((n) => n.text)).toEqual([note.text]);
  });
});

describe('the desk API’s rate limit', () => {
  it('allows 30 actions in 15 seconds per staff member, then says when to try again', async () => {
    const sue = await desk.staff('sue', 'supervisor');
    // ann has used one action on the claim.
    for (let i = 1; i < 30; i++) expect((await ann.act(caseId, 'notes', { text: `note ${i}` })).status).toBe(200);
    const limited = await ann.act(caseId, 'notes', { text: 'one too many' });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(15);
    expect(await refusal(limited, 429)).toMatch(/too many actions/);
    expect((await sue.act(caseId, 'notes', { text: 'a colleague is not held back' })).status).toBe(200);
    expect(await desk.app.parts.desk.notes(caseId)).toHaveLength(30);
  });
});

describe('the OpenAPI description', () => {
  it('lists every desk path, with the request body schemas the routes validate with', async () => {
    const res = await fetch(`${desk.base}/api/openapi.json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: Record<string, unknown> }> } }>> };
    expect(doc.openapi).toBe('3.1.0');
    const actions = ['claim', 'messages', 'notes', 'close', 'handback', 'escalate', 'assign', 'share', 'remedies/{remedyId}/approve'];
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/api/session', '/api/queue', '/api/staff', '/api/events', '/api/conversations/{caseId}',
      ...actions.map((a) => `/api/conversations/{caseId}/${a}`),
      '/api/incidents', '/api/incidents/{incidentId}', '/api/incidents/{incidentId}/acknowledge', '/api/incidents/{incidentId}/outreach',
      '/api/incidents/{incidentId}/settlement', '/api/departures/{tourCode}', '/api/departures/{tourCode}/{date}/travellers',
      '/api/guides', '/api/guides/{guideId}/code', '/api/guides/{guideId}/departures',
      '/api/trips/import', '/api/trips', '/api/reports/{name}', '/api/actions', '/api/actions/{actionId}/done',
    ].sort());
    for (const action of actions) {
      const schema = doc.paths[`/api/conversations/{caseId}/${action}`]?.post?.requestBody?.content['application/json']?.schema;
      expect([action, schema]).toEqual([action, expect.objectContaining({ type: 'object', additionalProperties: false })]);
    }
    expect(doc.paths['/api/conversations/{caseId}/messages']?.post?.requestBody?.content['application/json']?.schema)
      .toMatchObject({ required: ['text'], properties: { text: { type: 'string', minLength: 1, maxLength: 2000 } } });
    expect(doc.paths['/api/conversations/{caseId}']).toHaveProperty('get');
    expect(doc.paths['/api/session']).toHaveProperty('post.requestBody');
  });
});
