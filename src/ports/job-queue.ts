/** Background work, named as BullMQ names it: a queue of jobs, handled by workers. */
export const jobNames = [
  'turn.flush', // a burst of traveller messages is complete
  'handoff', // a person must take the conversation
  'case.action', // a person must act on an accepted remedy: approve an amount, arrange a fix, call back
  'sla.due', // a promised reply time has come
  'supervisor.alert', // a supervisor must look now
  'group.check', // a case names a departure: are its travellers complaining together?
  'incident.page', // page the manager on duty about an incident, again until acknowledged
  'followup.greet', // the day after a traveller returns: how was the trip?
] as const;
export type JobName = (typeof jobNames)[number];

/**
 * A failed job is tried again after 1 s, 2 s, 4 s … 64 s, then given up and logged: 127 s in all,
 * so a job outlasts a two-minute outage of the service it needs.
 */
export const jobRetries = { attempts: 8, firstDelayMs: 1_000 } as const;

/** The wait before the try after `failures` failures; undefined once the tries are spent. */
export const retryDelayMs = (failures: number): number | undefined =>
  failures < jobRetries.attempts ? jobRetries.firstDelayMs * 2 ** (failures - 1) : undefined;

export interface JobOptions {
  /** Run no earlier than this many ms from now. Default 0. */
  delayMs?: number;
  /** 1 is the most urgent. Default 5. */
  priority?: number;
  /** A job with an id already queued is not added again. */
  jobId?: string;
}

export interface Job {
  id: string;
  name: JobName;
  data: Record<string, unknown>;
  priority: number;
  /** When it becomes due. */
  runAt: Date;
}

export type JobHandler = (job: Job) => Promise<void>;

export interface JobQueue {
  add(name: JobName, data: Record<string, unknown>, options?: JobOptions): Promise<Job>;
  /** Registers the worker for one job name; jobs without a worker wait. */
  process(name: JobName, handler: JobHandler): void;
  /** Jobs of a name not yet handled, most urgent first. */
  waiting(name: JobName): Promise<Job[]>;
  close(): Promise<void>;
}
