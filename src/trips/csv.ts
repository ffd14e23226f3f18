/** One CSV record: its fields, and the line of the file it starts on (1 is the header). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export class CsvError extends Error {
  override name = 'CsvError';
}

/**
 * Reads RFC 4180 CSV: fields in double quotes may hold commas, line breaks and doubled quotes;
 * lines end in LF or CRLF; a UTF-8 byte order mark is dropped. Blank lines are skipped. Throws a
 * CsvError for an unterminated quote, or for more than `maxRows` records after the first (the header).
 */
export function readCsv(text: string, maxRows: number): CsvRecord[] {
  const records: CsvRecord[] = [];
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let startLine = 1;
  let quoted = false;
  const endField = () => {
    fields.push(field);
    field = '';
  };
  const endRecord = () => {
    endField();
    if (fields.length > 1 || fields[0] !== '') records.push({ line: startLine, fields });
    if (records.length > maxRows + 1) throw new CsvError(`more than ${maxRows} rows; split the file`);
    fields = [];
  };
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"' && field === '') {
      quoted = true;
    } else if (ch === ',') {
      endField();
    } else if (ch === '\n' || (ch === '\r' && body[i + 1] === '\n')) {
      if (ch === '\r') i++;
      endRecord();
      startLine = ++line;
    } else {
      field += ch;
    }
  }
  if (quoted) throw new CsvError(`line ${startLine}: a quoted field is not closed`);
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}
