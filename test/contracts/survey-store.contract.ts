import { beforeEach, describe, expect, it } from 'vitest';
import type { FeedbackEntry, SurveyAnswer, SurveyStore } from '../../src/ports/survey-store.ts';

const at = new Date('2026-11-21T02:00:00Z');
const later = new Date('2026-11-21T02:01:00Z');
const answer = (over: Partial<SurveyAnswer> = {}): SurveyAnswer => ({
  surveyId: 'TC-SURV22', conversationKey: 'telegram:c1', caseId: 'TC-SURV22', question: 'bot', score: 4, comment: null, at, ...over,
});
const entry = (over: Partial<FeedbackEntry> = {}): FeedbackEntry => ({
  id: 'telegram:c1#1', conversationKey: 'telegram:c1', kind: 'praise', text: '表扬导游小王', at, ...over,
});

/** What every survey store must do, whatever it stores in. `make` gives an empty store. */
export function surveyStoreContract(name: string, make: () => Promise<SurveyStore>): void {
  describe(`SurveyStore: ${name}`, () => {
    let store: SurveyStore;
    beforeEach(async () => {
      store = await make();
    });

    it('keeps each answer as it comes, oldest first, and the latest of a question answered again', async () => {
      await store.record(answer({ question: 'staff', score: 2 }));
      await store.record(answer());
      await store.record(answer({ question: 'comment', score: null, comment: 'Faster, please', at: later }));
      await store.record(answer({ question: 'staff', score: 3, at: later }));
      await store.record(answer({ surveyId: 'trip:telegram:c1:GZ-1:2026-11-20', caseId: null, question: 'trip', score: 5 }));
      expect(await store.answers('TC-SURV22')).toEqual([
        answer(),
        answer({ question: 'comment', score: null, comment: 'Faster, please', at: later }),
        answer({ question: 'staff', score: 3, at: later }),
      ]);
      expect(await store.answers('trip:telegram:c1:GZ-1:2026-11-20')).toEqual([
        answer({ surveyId: 'trip:telegram:c1:GZ-1:2026-11-20', caseId: null, question: 'trip', score: 5 }),
      ]);
      expect(await store.answers('TC-NONE22')).toEqual([]);
    });

    it('gives every answer of a period, for reports, whatever the survey', async () => {
      await store.record(answer());
      await store.record(answer({ question: 'comment', score: null, comment: 'ok', at: later }));
      await store.record(answer({ surveyId: 'trip:telegram:c1:GZ-1:2026-11-20', caseId: null, question: 'trip', score: 4, at: later }));
      const all = await store.answersBetween(at, new Date(later.getTime() + 1));
      expect(all.filter((a) => ['TC-SURV22', 'trip:telegram:c1:GZ-1:2026-11-20'].includes(a.surveyId)).map((a) => a.question)).toEqual(['bot', 'comment', 'trip']);
      const first = await store.answersBetween(at, later);
      expect(first.filter((a) => a.surveyId === 'TC-SURV22').map((a) => a.question)).toEqual(['bot']);
    });

    it('gives the suggestions and praise of a period, for reports', async () => {
      await store.addFeedback(entry({ id: 'period:1', at }));
      await store.addFeedback(entry({ id: 'period:2', kind: 'praise', text: '导游很好', at: later }));
      const mine = (list: FeedbackEntry[]) => list.filter((f) => f.id.startsWith('period:')).map((f) => f.id);
      expect(mine(await store.feedbackBetween(at, new Date(later.getTime() + 1)))).toEqual(['period:1', 'period:2']);
      expect(mine(await store.feedbackBetween(later, new Date(later.getTime() + 1)))).toEqual(['period:2']);
    });

    it("keeps suggestions and praise once per id, by conversation, oldest first", async () => {
      await store.addFeedback(entry({ id: 'telegram:c1#2', kind: 'suggestion', text: '建议早餐多些选择', at: later }));
      await store.addFeedback(entry());
      await store.addFeedback(entry({ text: 'a redone turn' }));
      await store.addFeedback(entry({ id: 'telegram:c2#1', conversationKey: 'telegram:c2' }));
      expect(await store.feedback('telegram:c1')).toEqual([entry(), entry({ id: 'telegram:c1#2', kind: 'suggestion', text: '建议早餐多些选择', at: later })]);
      expect(await store.feedback('telegram:c3')).toEqual([]);
    });
  });
}
