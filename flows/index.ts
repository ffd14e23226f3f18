import { complaintFlow } from './complaint/index.ts';
import { replyTimeDue } from './sla.ts';
import type { Flows } from './types.ts';

export const flows: Flows = { turn: complaintFlow, replyTimeDue };
