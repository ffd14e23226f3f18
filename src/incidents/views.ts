import type { Departure } from '../ports/guide-registry.ts';
import type { Incident } from '../ports/incident-register.ts';
import type { QueueItem, StaffRef } from '../desk/views.ts';

/** What the console is sent about incidents, departures and guides: plain JSON, times as ISO strings. */

/** The handbooks' crisis checklist for a group complaint, each item ticked or not. */
export const crisisChecklist = ['estimate_affected', 'predict_demands', 'prepare_settlement', 'prepare_statements', 'monitor_daily'] as const;

export interface IncidentView extends Omit<Incident, 'createdAt' | 'acknowledgedAt' | 'acknowledgedBy' | 'reportedBy'> {
  createdAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: StaffRef | null;
  /** The guide who reported it, by name. */
  reportedBy: { id: string; name: string } | null;
  /** For group incidents: the crisis checklist to work through. */
  checklist: (typeof crisisChecklist)[number][];
  /** Travellers on the departure's roster (who outreach can reach). */
  rosterSize: number;
}

export interface DepartureView {
  departure: Departure;
  incidents: IncidentView[];
  /** Cases naming this tour code, newest first. */
  complaints: { caseId: string; category: string; severity: string; status: string; channel: string; createdAt: string; onDesk: QueueItem | null }[];
  travellers: number;
}

export interface GuideView {
  id: string;
  name: string;
  /** Only supervisors, executives and admins see guides at all. */
  phone: string;
  departures: Departure[];
  createdAt: string;
}
