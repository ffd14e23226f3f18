/** What a corrective action targets: complaints of one category, departure (tour code), guide or responsible party. */
export const actionTargets = ['category', 'tour', 'guide', 'party'] as const;
export type ActionTargetKind = (typeof actionTargets)[number];

export interface ActionTarget {
  kind: ActionTargetKind;
  /** A category id, a tour code, a guide id or a party id (e.g. `supplier`). */
  value: string;
}

/** An improvement (整改) a supervisor opened against a weak link, owned by one staff member until done. */
export interface CorrectiveAction {
  /** `CA-` and six characters. */
  id: string;
  target: ActionTarget;
  title: string;
  ownerId: string;
  /** The agency-local date it is due (yyyy-mm-dd). */
  dueDate: string;
  status: 'open' | 'done';
  openedBy: string;
  openedAt: Date;
  doneAt: Date | null;
}

export type NewCorrectiveAction = Pick<CorrectiveAction, 'target' | 'title' | 'ownerId' | 'dueDate' | 'openedBy' | 'openedAt'>;

/** Corrective actions. Memory, PGlite or PostgreSQL. */
export interface CorrectiveActions {
  open(action: NewCorrectiveAction): Promise<CorrectiveAction>;
  get(id: string): Promise<CorrectiveAction | undefined>;
  /** Newest first. */
  list(): Promise<CorrectiveAction[]>;
  /** Marks it done at `at`; one done already keeps its first time. Undefined for an unknown id. */
  markDone(id: string, at: Date): Promise<CorrectiveAction | undefined>;
}
