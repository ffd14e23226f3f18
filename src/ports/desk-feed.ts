/**
 * What changed on the staff desk, for consoles to refresh. Events carry ids, never
 * content: what a console may see is decided when it asks the API.
 */
export type DeskEvent =
  | { kind: 'ticket'; caseId: string; change: 'opened' | 'claimed' | 'assigned' | 'closed' | 'handed_back' | 'shared' | 'alert' }
  | { kind: 'message'; caseId: string }
  | { kind: 'incident'; incidentId: string; change: 'opened' | 'page' | 'acknowledged' | 'outreach' }
  | { kind: 'inbox'; change: 'set_aside' };

/**
 * Fans desk events out to every console, across processes: a traveller's message
 * arrives in one process, the console watching it is served by another. Memory or Redis pub/sub.
 */
export interface DeskFeed {
  publish(event: DeskEvent): Promise<void>;
  /** `listener` hears every event published after this resolves, until the returned function is called. */
  subscribe(listener: (event: DeskEvent) => void): Promise<() => void>;
  close(): Promise<void>;
}
