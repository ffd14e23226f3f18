import { withGuide } from '../../src/conversation/state.ts';
import { phrase } from '../../src/i18n/render.ts';
import { onlyMedia } from '../complaint/media.ts';
import { said } from '../said.ts';
import type { Step } from '../types.ts';
import { answer } from './answers.ts';
import { keepAttachments, newReport } from './draft.ts';
import { cancelReport, fileReport } from './file.ts';
import { listenTo } from './listen.ts';
import { askNext } from './questions.ts';

/**
 * A guide's incident report: type → severity → tour → location → description → summary,
 * one question at a time, then filed or cancelled; what a message tells answers its question
 * whenever it comes. Photos are kept whenever they come.
 */
export const incidentFlow: Step = async (state, input, ctx) => {
  const report = keepAttachments(state.guide.report ?? newReport(input), input.attachments);
  if (state.guide.report === null) return askNext(state, await listenTo(state, report, input, ctx), null, ctx);
  const locationShared = report.awaiting === 'location' && report.location !== null;
  if (onlyMedia(input) && !locationShared) {
    return { state: withGuide(state, { report }), replies: [{ step: 'incident', lines: [phrase('incident.kept')], keepChoices: true }] };
  }
  if (report.awaiting === 'confirm') {
    if (said(input, 'report:confirm', 'yes')) return fileReport(state, report, ctx);
    if (said(input, 'report:cancel', 'no')) return cancelReport(state);
  }
  return answer(state, await listenTo(state, report, input, ctx), input, ctx);
};
