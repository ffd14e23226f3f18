import type { Locale } from '../taxonomy.ts';
import type { AgencyPolicy } from '../policy/agency-policy.ts';
import { severities } from '../taxonomy.ts';
import { html } from './html.ts';
import type { SafeHtml } from './html.ts';
import type { Words } from './page-words.ts';
import type { Report } from './reports.ts';

/** A whole page: the print style sheet is a file, as the CSP allows no inline style. */
function page(locale: Locale, title: string, body: SafeHtml): string {
  return html`<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/console/report-page.css">
</head>
<body>
${body}
</body>
</html>
`.text;
}

/** The label of a report row: a category, a party, a survey question, or a figure's name. */
export function rowLabel(report: Report, key: string, label: string | undefined, w: Words): string {
  if (label !== undefined) return label;
  if (report.name === 'categories' || report.name === 'top-categories') return w(`category.${key}`);
  if (report.name === 'parties') return w(`party.${key}`);
  if (key.startsWith('party:')) return w(`party.${key.slice(6)}`);
  if (report.name === 'tours' || (report.name === 'satisfaction' && key !== 'all')) return key;
  return w(`reports.row.${key}`);
}

const cell = (value: number | null) => (value === null ? '–' : String(value));

function reportTable(report: Report, w: Words): SafeHtml {
  return html`<section class="report">
<h2>${w(`reports.name.${report.name}`)}</h2>
${report.rows.length === 0 ? html`<p class="muted">${w('reports.none')}</p>` : html`<table>
<thead><tr><th></th>${report.buckets.map((b) => html`<th>${b}</th>`)}<th>${w('reports.total')}</th></tr></thead>
<tbody>${report.rows.map((r) => html`<tr><th>${rowLabel(report, r.key, r.label, w)}</th>${r.values.map((v) => html`<td>${cell(v)}</td>`)}<td>${cell(r.total)}</td></tr>`)}</tbody>
</table>`}
</section>`;
}

/** The printable quarterly report: every report of the quarter, by month. */
export function quarterlyPage(locale: Locale, w: Words, quarter: string, reports: readonly Report[]): string {
  const title = w('reports.quarterlyTitle', { quarter });
  return page(locale, title, html`<main class="report-page">
<h1>${title}</h1>
${reports.map((r) => reportTable(r, w))}
</main>`);
}

/** Last quarter's published figures beside the commitments. */
export interface PublicFigures {
  quarter: string;
  satisfaction: Report;
  sla: Report;
}

const minutesOf = (from: Date, due: Date) => Math.round((due.getTime() - from.getTime()) / 60_000);

function duration(minutes: number, w: Words): string {
  if (minutes % 1440 === 0 && minutes >= 2880) return w('commitments.days', { count: minutes / 1440 });
  return minutes % 60 === 0 ? w('commitments.hours', { count: minutes / 60 }) : w('commitments.minutes', { count: minutes });
}

const rate = (report: Report, key: string): number | null => report.rows.find((r) => r.key === key)?.total ?? null;

/** The public commitments page: the promised times per severity, and how last quarter went. */
export function commitmentsPage(locale: Locale, w: Words, policy: AgencyPolicy, figures: PublicFigures): string {
  const start = new Date(0);
  const percent = (value: number | null) => (value === null ? w('commitments.noData') : `${value}%`);
  return page(locale, w('commitments.title'), html`<main class="report-page">
<h1>${w('commitments.title')}</h1>
<p>${w('commitments.intro')}</p>
<table>
<thead><tr><th>${w('commitments.severity')}</th><th>${w('commitments.firstResponse')}</th><th>${w('commitments.resolution')}</th></tr></thead>
<tbody>${[...severities].reverse().map((s) => html`<tr><th>${w(`severity.${s}`)}</th><td>${duration(minutesOf(start, policy.responseDue(s, start)), w)}</td><td>${duration(minutesOf(start, policy.resolutionDue(s, start)), w)}</td></tr>`)}</tbody>
</table>
<h2>${w('commitments.lastQuarter', { quarter: figures.quarter })}</h2>
<dl class="figures">
<dt>${w('reports.row.all')}</dt><dd>${percent(rate(figures.satisfaction, 'all'))}</dd>
<dt>${w('reports.row.first_response_met')}</dt><dd>${percent(rate(figures.sla, 'first_response_met'))}</dd>
<dt>${w('reports.row.resolution_met')}</dt><dd>${percent(rate(figures.sla, 'resolution_met'))}</dd>
</dl>
<nav class="languages">${(['zh-CN', 'zh-TW', 'en'] as const).map((l) => html`<a href="?lang=${l}" lang="${l}">${w(`commitments.lang.${l}`)}</a> `)}</nav>
</main>`);
}
