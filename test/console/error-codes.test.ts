import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeskServer } from '../support/console.ts';
import type { StaffClient } from '../support/console.ts';

/** The console API's refusals over HTTP: each its English `error` as before, and a stable `code` with what the console words it with. */

let desk: DeskServer;
let ann: StaffClient;
let caseId: string;

beforeAll(async () => {
  desk = await DeskServer.start();
  ann = await desk.staff('ann', 'agent');
  caseId = await desk.handoff('c1', 'I want to talk to a person');
  expect((await ann.act(caseId, 'claim')).status).toBe(200);
});
afterAll(() => desk.close());

const body = async (res: Response, status: number) => {
  expect(res.status).toBe(status);
  return (await res.json()) as Record<string, unknown>;
};

describe('the console API’s error codes', () => {
  it('name the fields a body got wrong, as paths without list indexes', async () => {
    const signIn = await fetch(`${desk.base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: '', password: 'x' }) });
    expect(await body(signIn, 400)).toEqual({ error: expect.stringContaining('username'), code: 'validation_failed', fields: ['username'] });
    const close = await ann.act(caseId, 'close', { resolution: 'bribed', responsible: [{ party: 'guide', share: 100.5 }] });
    expect(await body(close, 400)).toMatchObject({ code: 'validation_failed', fields: ['resolution', 'responsible.share'] });
    const stranger = await ann.act(caseId, 'notes', { text: 'hi', to: 'everyone' });
    expect(await body(stranger, 400)).toMatchObject({ code: 'validation_failed', fields: ['to'] });
  });

  it('say what was not found, not allowed or refused', async () => {
    expect(await body(await ann.act('TC-UNKNWN', 'claim'), 404)).toEqual({ error: 'no ticket TC-UNKNWN that you can see', code: 'ticket_not_found' });
    expect(await body(await ann.act(caseId, 'delete'), 404)).toEqual({ error: 'no such action', code: 'unknown_action' });
    expect(await body(await ann.get('/api/conversations/a/b/c/d/e'), 404)).toEqual({ error: 'not found', code: 'not_found' });
    expect(await body(await ann.get(`/api/conversations/${caseId}/claim`), 405)).toEqual({ error: 'method not allowed', code: 'method_not_allowed' });
    expect(await body(await ann.act(caseId, 'notes', { text: 'hi' }), 200)).toEqual({ ok: true });
    expect(await body(await ann.post(`/api/conversations/${caseId}/notes`, { text: 'hi' }, { 'x-csrf-token': 'x' }), 403)).toMatchObject({ code: 'csrf_invalid' });
    expect(await body(await ann.get('/api/reports/categories'), 403)).toMatchObject({ code: 'forbidden_role', roles: ['supervisor', 'executive', 'admin'] });
    expect(await body(await ann.get('/api/guides'), 403)).toMatchObject({ error: 'guides are managed by supervisors, executives and admins', code: 'forbidden_role', roles: ['supervisor', 'executive', 'admin'] });
    expect(await body(await ann.act(caseId, 'assign', { staffId: ann.id }), 403)).toMatchObject({ code: 'forbidden_role', roles: ['supervisor', 'executive', 'admin'] });
    expect(await body(await ann.get('/api/incidents/IN-ZZZZZZ'), 404)).toMatchObject({ code: 'incident_not_found' });
  });

  it('carry the details the console words a desk refusal with, as thrown', async () => {
    const sue = await desk.staff('sue', 'supervisor');
    const legal = await desk.handoff('c2', '我要找律师起诉你们');
    expect((await sue.act(legal, 'escalate', { grounds: 'high_profile' })).status).toBe(200);
    expect(await body(await sue.act(legal, 'claim'), 403)).toEqual({ error: 'this executive-level ticket is not yours to claim', code: 'claim_not_allowed', level: 'executive' });
    const pat = await desk.staff('pat', 'partner');
    expect(await body(await pat.act(caseId, 'notes', { text: 'hi' }), 403)).toEqual({ error: 'partners cannot write notes', code: 'forbidden_role', roles: ['agent', 'supervisor', 'executive', 'admin'] });
    const ada = await desk.staff('ada', 'admin');
    expect(await body(await ada.act(caseId, 'messages', { text: 'hi' }), 403)).toEqual({ error: 'only agents, supervisors and executives talk to travellers and approve remedies', code: 'forbidden_role', roles: ['agent', 'supervisor', 'executive'] });
  });

  it('word a report’s period and quarter', async () => {
    const boss = await desk.staff('bo', 'supervisor');
    expect(await body(await boss.get('/api/reports/categories?from=2026-13-45&by=year'), 400)).toMatchObject({ code: 'validation_failed', fields: ['from', 'by'] });
    expect(await body(await boss.get('/api/reports/categories?from=2026-09-01&to=2026-01-01'), 400)).toMatchObject({ code: 'invalid_period', maxDays: 1100 });
    expect(await body(await boss.get('/reports/quarterly?quarter=2026-Q5'), 400)).toMatchObject({ code: 'invalid_quarter' });
  });
});
