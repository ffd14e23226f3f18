import { complaintFlow } from './complaint/index.ts';
import { timerDue } from './sla.ts';
import type { Flows } from './types.ts';

export const flows: Flows = { turn: complaintFlow, timerDue };
