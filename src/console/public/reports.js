// Reports (supervisors and up): pick a report and a period, see it as a chart and a table, download
// it as CSV, or open the printable quarterly report.
/* global document */
import { loadReport, quarterlyPath, reportCsvPath } from './api.js';
import { barChart, lineChart } from './chart.js';
import { el } from './dom.js';
import { currentLocale, label, t } from './i18n.js';

const byId = (id) => document.getElementById(id);

export const reportNames = ['categories', 'top-categories', 'tours', 'guides', 'parties', 'sla', 'satisfaction', 'handoffs', 'costs', 'feedback'];
const groupings = ['day', 'week', 'month', 'quarter'];
/** Lines drawn at most: more would be unreadable. */
const maxLines = 5;

const state = { report: null, request: 0 };
let hooks = { fail: () => {} };

/** Reports and corrective actions are for these roles; the server refuses the others (403). */
export const mayReport = (role) => role === 'supervisor' || role === 'executive' || role === 'admin';

const isoDay = (date) => date.toISOString().slice(0, 10);

export function setupReports(given) {
  hooks = given;
  const today = new Date();
  byId('report-to').value = isoDay(today);
  byId('report-from').value = isoDay(new Date(today.getTime() - 364 * 86_400_000));
  byId('report-quarter').value = `${today.getFullYear()}-Q${Math.ceil((today.getMonth() + 1) / 3)}`;
  byId('report-form').addEventListener('submit', (event) => {
    event.preventDefault();
    void refreshReport();
  });
  byId('report-quarter').addEventListener('change', drawLinks);
  drawChoices();
}

const period = () => ({ from: byId('report-from').value, to: byId('report-to').value, by: byId('report-by').value });

export async function refreshReport() {
  const request = ++state.request;
  try {
    const report = await loadReport(byId('report-name').value, period());
    if (request !== state.request) return;
    state.report = report;
    byId('reports-error').textContent = '';
    drawReport();
  } catch (e) {
    hooks.fail(e, 'reports-error');
  }
}

export function resetReports() {
  state.report = null;
  drawReport();
}

/** The label of a row as the quarterly page shows it. */
function rowLabel(report, row) {
  if (row.label !== undefined) return row.label;
  if (report.name === 'categories' || report.name === 'top-categories') return label('category', row.key);
  if (report.name === 'parties') return label('party', row.key);
  if (row.key.startsWith('party:')) return label('party', row.key.slice(6));
  if (report.name === 'tours') return row.key; // a tour code
  if (report.name === 'satisfaction' && row.key !== 'all') return label('surveyPart', row.key);
  return t(`reports.row.${row.key}`);
}

/** Relabels the pickers (after a change of language) keeping what was chosen. */
export function drawChoices() {
  const keep = (id, options, first) => {
    const select = byId(id);
    const chosen = select.value || first;
    select.replaceChildren(...options);
    select.value = chosen;
  };
  keep('report-name', reportNames.map((name) => el('option', { value: name, textContent: t(`reports.name.${name}`) })), reportNames[0]);
  keep('report-by', groupings.map((by) => el('option', { value: by, textContent: t(`reports.by.${by}`) })), 'month');
  drawLinks();
  drawReport();
}

function drawLinks() {
  byId('report-csv').href = reportCsvPath(byId('report-name').value, period());
  byId('report-quarterly').href = quarterlyPath(byId('report-quarter').value, currentLocale());
}

export function drawReport() {
  const report = state.report;
  const chart = byId('report-chart');
  const table = byId('report-table');
  drawLinks();
  if (report === null) {
    chart.replaceChildren();
    table.replaceChildren();
    return;
  }
  byId('report-heading').textContent = t(`reports.name.${report.name}`);
  const title = t(`reports.name.${report.name}`);
  const lines = report.rows.slice(0, maxLines).map((row) => ({ label: rowLabel(report, row), values: row.values }));
  chart.replaceChildren(
    barChart(report.rows.map((row) => ({ label: rowLabel(report, row), value: row.total })), title),
    ...(report.buckets.length > 1 ? [lineChart(report.buckets, lines, title)] : []),
  );
  const cell = (value) => el('td', { textContent: value === null ? '–' : String(value) });
  table.replaceChildren(
    el('thead', {}, [el('tr', {}, [el('th'), ...report.buckets.map((b) => el('th', { textContent: b })), el('th', { textContent: t('reports.total') })])]),
    el('tbody', {}, report.rows.length === 0
      ? [el('tr', {}, [el('td', { textContent: t('reports.none'), colSpan: report.buckets.length + 2 })])]
      : report.rows.map((row) => el('tr', {}, [el('th', { textContent: rowLabel(report, row) }), ...row.values.map(cell), cell(row.total)]))),
  );
}
