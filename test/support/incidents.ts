import { expect } from 'vitest';
import type { Channel } from '../../src/conversation/messages.ts';
import type { Departure } from '../../src/ports/guide-registry.ts';
import type { Incident, IncidentType } from '../../src/ports/incident-register.ts';
import type { Severity } from '../../src/taxonomy.ts';
import type { DeskServer, StaffClient } from './console.ts';

/** Complaints in the words travellers use, by category. */
export const complaints = {
  accommodation: 'The hotel room was filthy and there was no hot water at all!',
  accommodationZh: '酒店房间太脏了，而且一直没有热水！',
  guide: 'Our guide was rude and shouted at us the whole day',
} as const;

/**
 * A traveller complains on `channel`, names the tour when asked and answers every question up to
 * the bot's proposal (skipping the amount it asks for): that files the case with its tour, and so
 * enqueues the group check. Resolves with the case id.
 */
export async function complainOnTour(desk: DeskServer, channel: Channel, conversationId: string, tour: string, text: string = complaints.accommodation): Promise<string> {
  for (const said of [text, tour, 'yesterday', '2']) await desk.write(channel, said, conversationId);
  for (const choice of ['wants:compensation', 'confirm', 'skip']) await desk.write(channel, '', conversationId, choice);
  const filed = (await desk.app.parts.register.casesForTour(tour, new Date(0))).find((c) => c.conversationKey === `${channel}:${conversationId}`);
  if (!filed) throw new Error(`no case filed for ${channel}:${conversationId}`);
  return filed.id;
}

/** A supervisor registers a guide leading `departures` and issues a code, which the guide sends to the bot on Telegram. */
export async function boundGuide(desk: DeskServer, supervisor: StaffClient, conversationId: string, departures: Departure[]): Promise<{ id: string; code: string }> {
  const added = await supervisor.post('/api/guides', { name: 'Li Wei', phone: '+86 138 0000 0000', departures });
  expect(added.status).toBe(200);
  const { guide } = (await added.json()) as { guide: { id: string } };
  const issued = await supervisor.post(`/api/guides/${guide.id}/code`);
  expect(issued.status).toBe(200);
  const { code } = (await issued.json()) as { code: string };
  await desk.write('telegram', code, conversationId);
  return { id: guide.id, code };
}

/** A bound guide reports an incident on the departure they lead now, without a location. */
export async function guideReports(desk: DeskServer, conversationId: string, report: { type: IncidentType; severity: Severity; text: string }): Promise<Incident> {
  let offered = (await desk.write('telegram', report.text, conversationId)).at(-1)?.choices ?? [];
  // The severity question is skipped when the first message is already read as critical.
  for (const choice of [`type:${report.type}`, `severity:${report.severity}`, 'tour:current', 'location:skip']) {
    if (offered.some((c) => c.id === choice)) offered = (await desk.write('telegram', '', conversationId, choice)).at(-1)?.choices ?? [];
  }
  await desk.write('telegram', 'Details follow by phone', conversationId);
  await desk.write('telegram', '', conversationId, 'report:confirm');
  const [incident] = await desk.app.parts.incidents.list({ limit: 1 });
  if (!incident) throw new Error(`no incident filed by ${conversationId}`);
  return incident;
}
