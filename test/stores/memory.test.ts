import { ManualClock } from '../../src/clock/manual-clock.ts';
import { createLogger } from '../../src/log.ts';
import { MemoryAuditLog } from '../../src/stores/memory/memory-audit-log.ts';
import { MemoryCaseRegister } from '../../src/stores/memory/memory-case-register.ts';
import { MemoryCorrectiveActions } from '../../src/stores/memory/memory-corrective-actions.ts';
import { MemoryConversationStore } from '../../src/stores/memory/memory-conversation-store.ts';
import { MemoryDepartureRoster } from '../../src/stores/memory/memory-departure-roster.ts';
import { MemoryDeskFeed } from '../../src/stores/memory/memory-desk-feed.ts';
import { MemoryEscalationDesk } from '../../src/stores/memory/memory-escalation-desk.ts';
import { MemoryGuideRegistry } from '../../src/stores/memory/memory-guide-registry.ts';
import { MemoryIncidentRegister } from '../../src/stores/memory/memory-incident-register.ts';
import { MemoryInbox } from '../../src/stores/memory/memory-inbox.ts';
import { MemoryJobQueue } from '../../src/stores/memory/memory-job-queue.ts';
import { MemoryPromiseLedger } from '../../src/stores/memory/memory-promise-ledger.ts';
import { MemoryRateLimits } from '../../src/stores/memory/memory-rate-limits.ts';
import { MemoryStaffDirectory } from '../../src/stores/memory/memory-staff-directory.ts';
import { MemorySurveyStore } from '../../src/stores/memory/memory-survey-store.ts';
import { MemoryTurnLock } from '../../src/stores/memory/memory-turn-lock.ts';
import { auditLogContract } from '../contracts/audit-log.contract.ts';
import { caseRegisterContract } from '../contracts/case-register.contract.ts';
import { correctiveActionsContract } from '../contracts/corrective-actions.contract.ts';
import { conversationStoreContract, turnLockContract } from '../contracts/conversation-store.contract.ts';
import { departureRosterContract } from '../contracts/departure-roster.contract.ts';
import { deskFeedContract } from '../contracts/desk-feed.contract.ts';
import { escalationDeskContract } from '../contracts/escalation-desk.contract.ts';
import { guideRegistryContract } from '../contracts/guide-registry.contract.ts';
import { incidentRegisterContract } from '../contracts/incident-register.contract.ts';
import { inboxContract } from '../contracts/inbox.contract.ts';
import { jobQueueContract } from '../contracts/job-queue.contract.ts';
import { promiseLedgerContract } from '../contracts/promise-ledger.contract.ts';
import { rateLimitsContract } from '../contracts/rate-limits.contract.ts';
import { staffDirectoryContract } from '../contracts/staff-directory.contract.ts';
import { surveyStoreContract } from '../contracts/survey-store.contract.ts';

conversationStoreContract('memory', async () => new MemoryConversationStore());
turnLockContract('memory', async () => new MemoryTurnLock());
const registerClock = new ManualClock();
caseRegisterContract('memory', async () => new MemoryCaseRegister(registerClock), registerClock);
jobQueueContract('memory', async () => {
  const clock = new ManualClock();
  const queue = new MemoryJobQueue(clock, createLogger('silent'));
  return {
    queue,
    async pass(ms) {
      clock.advance(ms);
      await queue.idle();
    },
  };
});
promiseLedgerContract('memory', async () => new MemoryPromiseLedger());
inboxContract('memory', async () => new MemoryInbox());
staffDirectoryContract('memory', async () => new MemoryStaffDirectory());
auditLogContract('memory', async () => new MemoryAuditLog());
deskFeedContract('memory', async () => new MemoryDeskFeed());
escalationDeskContract('memory', async () => new MemoryEscalationDesk());
guideRegistryContract('memory', async () => new MemoryGuideRegistry());
incidentRegisterContract('memory', async () => new MemoryIncidentRegister());
departureRosterContract('memory', async () => new MemoryDepartureRoster());
correctiveActionsContract('memory', async () => new MemoryCorrectiveActions());
surveyStoreContract('memory', async () => new MemorySurveyStore());
rateLimitsContract('memory', async () => new MemoryRateLimits());
