import type { FeedbackEntry, SurveyAnswer, SurveyQuestion, SurveyStore } from '../../ports/survey-store.ts';
import { date, int, optionalText, text } from './rows.ts';
import type { Row, SqlDatabase } from './sql-database.ts';

/** Survey answers, suggestions and praise in PostgreSQL or PGlite (tables in `migrations/007_surveys.sql`). */
export class SqlSurveyStore implements SurveyStore {
  readonly #db: SqlDatabase;

  constructor(db: SqlDatabase) {
    this.#db = db;
  }

  async record(a: SurveyAnswer): Promise<void> {
    await this.#db.query(
      `INSERT INTO survey_answers (survey_id, question, conversation_key, case_id, score, comment, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7::timestamptz)
       ON CONFLICT (survey_id, question) DO UPDATE SET score = EXCLUDED.score, comment = EXCLUDED.comment, at = EXCLUDED.at`,
      [a.surveyId, a.question, a.conversationKey, a.caseId, a.score, a.comment, a.at.toISOString()],
    );
  }

  async answers(surveyId: string): Promise<SurveyAnswer[]> {
    const rows = await this.#db.query('SELECT * FROM survey_answers WHERE survey_id = $1 ORDER BY at, question COLLATE "C"', [surveyId]);
    return rows.map(toAnswer);
  }

  async answersBetween(from: Date, until: Date): Promise<SurveyAnswer[]> {
    const rows = await this.#db.query(
      'SELECT * FROM survey_answers WHERE at >= $1::timestamptz AND at < $2::timestamptz ORDER BY at, question COLLATE "C"',
      [from.toISOString(), until.toISOString()],
    );
    return rows.map(toAnswer);
  }

  async addFeedback(f: FeedbackEntry): Promise<void> {
    await this.#db.query(
      `INSERT INTO feedback_entries (id, conversation_key, kind, text, at) VALUES ($1, $2, $3, $4, $5::timestamptz)
       ON CONFLICT (id) DO NOTHING`,
      [f.id, f.conversationKey, f.kind, f.text, f.at.toISOString()],
    );
  }

  async feedback(conversationKey: string): Promise<FeedbackEntry[]> {
    const rows = await this.#db.query('SELECT * FROM feedback_entries WHERE conversation_key = $1 ORDER BY at, id COLLATE "C"', [conversationKey]);
    return rows.map(toFeedback);
  }

  async feedbackBetween(from: Date, until: Date): Promise<FeedbackEntry[]> {
    const rows = await this.#db.query(
      'SELECT * FROM feedback_entries WHERE at >= $1::timestamptz AND at < $2::timestamptz ORDER BY at, id COLLATE "C"',
      [from.toISOString(), until.toISOString()],
    );
    return rows.map(toFeedback);
  }
}

function toFeedback(row: Row): FeedbackEntry {
  return {
    id: text(row, 'id'),
    conversationKey: text(row, 'conversation_key'),
    kind: text(row, 'kind') as FeedbackEntry['kind'],
    text: text(row, 'text'),
    at: date(row, 'at'),
  };
}

function toAnswer(row: Row): SurveyAnswer {
  return {
    surveyId: text(row, 'survey_id'),
    conversationKey: text(row, 'conversation_key'),
    caseId: optionalText(row, 'case_id') ?? null,
    question: text(row, 'question') as SurveyQuestion,
    score: row.score === null ? null : int(row, 'score'),
    comment: optionalText(row, 'comment') ?? null,
    at: date(row, 'at'),
  };
}
