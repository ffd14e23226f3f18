import type { Attachment, Channel } from '../conversation/messages.ts';
import type { Category, Severity } from '../taxonomy.ts';
import type { Departure } from './guide-registry.ts';

/** What a guide reports from the road. */
export const incidentTypes = [
  'accident_injury', 'illness', 'missing_person', 'transport', 'hotel', 'itinerary_change', 'lost_property', 'traveller_dispute', 'other',
] as const;
export type IncidentType = (typeof incidentTypes)[number];

/** A traveller affected by an incident: a complainant of a group incident, or one reached out to. */
export interface AffectedTraveller {
  conversationKey: string;
  channel: Channel;
  /** Their case, when they complained. */
  caseId: string | null;
}

/**
 * `report`: a guide's incident report. `group`: several travellers of one departure
 * complaining about the same thing (群体性投诉), opened by tripcare itself. `emergency`:
 * a traveller in danger now, told to the bot.
 */
export interface Incident {
  /** `IN-` and six unambiguous characters. */
  id: string;
  kind: 'report' | 'group' | 'emergency';
  departure: Departure | null;
  type: IncidentType;
  /** For group incidents: what they complain about. */
  category: Category | null;
  severity: Severity;
  /** Free text, or `lat,lon` from a shared location. */
  location: string | null;
  description: string;
  attachments: Attachment[];
  /** The guide who reported it; null for group incidents. */
  reportedBy: string | null;
  affected: AffectedTraveller[];
  createdAt: Date;
  /** When someone on duty acknowledged it in the console; pages repeat until then. */
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
  /** How often the on-duty manager was paged. */
  pages: number;
}

export type IncidentDraft = Omit<Incident, 'id' | 'createdAt' | 'acknowledgedAt' | 'acknowledgedBy' | 'pages' | 'affected'>;

export interface IncidentFilter {
  /** By tour code; and by date too when given. */
  tourCode?: string;
  date?: string;
  unacknowledged?: boolean;
  /** Default 100; newest first. */
  limit?: number;
}

/** Incidents, from guides and from group complaints. Memory, PGlite or PostgreSQL. */
export interface IncidentRegister {
  /** Opens an incident, or returns the one opened under `idempotencyKey` already (a redone turn files once). */
  open(idempotencyKey: string, draft: IncidentDraft, at: Date): Promise<Incident>;
  /**
   * The open group incident of `groupKey` (departure and category), created from `draft` if there is
   * none, with `travellers` added to its affected list (each conversation once), atomically: concurrent
   * calls for one key make one incident. `created` is true for the call that made it.
   */
  joinGroup(groupKey: string, draft: IncidentDraft, travellers: AffectedTraveller[], at: Date): Promise<{ incident: Incident; created: boolean }>;
  get(id: string): Promise<Incident | undefined>;
  list(filter?: IncidentFilter): Promise<Incident[]>;
  /** The first acknowledgement counts; later ones return the incident unchanged. */
  acknowledge(id: string, staffId: string, at: Date): Promise<Incident | undefined>;
  /** Counts one page; returns the incident after it. */
  recordPage(id: string): Promise<Incident | undefined>;
  /** Adds travellers reached out to (each conversation once). */
  addAffected(id: string, travellers: AffectedTraveller[]): Promise<Incident | undefined>;
}
