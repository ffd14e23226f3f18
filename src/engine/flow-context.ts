import type { FlowContext } from '../../flows/types.ts';
import type { CaseDraft, CaseRegister, CaseStatus } from '../ports/case-register.ts';
import { bindingCodeHash } from '../guides/binding-code.ts';
import type { GuideRegistry } from '../ports/guide-registry.ts';
import type { IncidentRegister } from '../ports/incident-register.ts';
import type { JobQueue } from '../ports/job-queue.ts';
import type { AgencyPolicy } from '../policy/agency-policy.ts';
import type { EscalationDesk } from '../ports/escalation-desk.ts';
import type { LedgerRecord, PromiseLedger } from '../ports/promise-ledger.ts';
import type { Understanding } from '../ports/understanding.ts';
import type { SurveyStore } from '../ports/survey-store.ts';
import type { ConversationState } from '../conversation/state.ts';
import { recordedFacts } from '../conversation/complaint-slice.ts';

/** The case as the register keeps it: labels, the facts the traveller confirmed, the steps taken. */
export function caseDraft(state: ConversationState, status: CaseStatus, outcome: Record<string, unknown> | null): CaseDraft {
  return {
    conversationKey: state.key,
    channel: state.channel,
    category: state.complaint.facts.category ?? 'other',
    also: state.complaint.facts.also,
    problems: state.complaint.facts.problems,
    severity: state.complaint.facts.severity,
    flags: state.complaint.facts.flags,
    status,
    steps: [...new Set([...state.complaint.trail, state.complaint.step])],
    facts: recordedFacts(state.complaint.facts),
    outcome,
  };
}

export interface FlowPorts {
  register: CaseRegister;
  jobs: JobQueue;
  policy: AgencyPolicy;
  emergencyPhone: string | null;
  guides: GuideRegistry;
  incidents: IncidentRegister;
  ledger: PromiseLedger;
  desk: EscalationDesk;
  surveys: SurveyStore;
  understanding: Understanding;
  timeZone: string;
}

/** What flows may do, over the ports, at one moment. Ledger records wait in `promises` for one write per turn. */
export function flowContext(ports: FlowPorts, now: Date): FlowContext & { promises: LedgerRecord[] } {
  const promises: LedgerRecord[] = [];
  return {
    promises,
    now,
    timeZone: ports.timeZone,
    policy: ports.policy,
    emergencyPhone: ports.emergencyPhone,
    understand: (text) => ports.understanding.understand(text, { now, timeZone: ports.timeZone }),
    async fileCase(state, status, outcome) {
      const draft = caseDraft(state, status, outcome ?? null);
      const { outcome: _outcome, ...withoutOutcome } = draft; // an update without an outcome keeps the earlier one
      // Keyed by conversation and complaint number, so a retried turn finds the same case.
      const record = state.complaint.caseId
        ? await ports.register.update(state.complaint.caseId, outcome ? draft : withoutOutcome)
        : await ports.register.open(`${state.key}#${state.complaint.number}`, draft);
      // Travellers of one departure complaining together is a group complaint: check once per case and tour.
      const tour = state.complaint.facts.tour?.value;
      if (tour) await ports.jobs.add('group.check', { caseId: record.id }, { jobId: `group:${record.id}:${tour}` });
      return record.id;
    },
    async enqueue(name, data, options) {
      await ports.jobs.add(name, data, options);
    },
    async caseStatus(caseId) {
      return (await ports.register.get(caseId))?.status ?? null;
    },
    async promise(caseId, kind, payload) {
      // A JSON round trip, so what the ledger hashes is plain data, exactly as it is read back.
      promises.push({ caseId, kind, payload: JSON.parse(JSON.stringify(payload)) as Record<string, unknown>, policyVersion: ports.policy.version, at: now });
    },
    redeemGuideCode: (code, account) => ports.guides.redeemCode(bindingCodeHash(code), account, now),
    guideFor: (account) => ports.guides.guideFor(account),
    guide: (id) => ports.guides.get(id),
    async openIncident(key, draft, affected = []) {
      const incident = await ports.incidents.open(key, draft, now);
      return affected.length > 0 ? ((await ports.incidents.addAffected(incident.id, affected)) ?? incident) : incident;
    },
    async ownCase(conversationKey, caseId) {
      const found = caseId ? await ports.register.get(caseId) : await ports.register.latestCase(conversationKey);
      // Another traveller's case is as good as none: its number tells nothing.
      return found?.conversationKey === conversationKey ? found : undefined;
    },
    async casePromises(caseId) {
      const [ledger, ticket] = await Promise.all([ports.ledger.entries(caseId), ports.desk.get(caseId)]);
      return { ledger, ticket };
    },
    recordSurvey: (answer) => ports.surveys.record({ ...answer, at: now }),
    leaveFeedback: (entry) => ports.surveys.addFeedback({ ...entry, at: now }),
    reopenCase: (caseId) => ports.register.update(caseId, { status: 'handed_off' }),
  };
}
