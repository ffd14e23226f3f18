export class XmlError extends Error {
  override name = 'XmlError';
}

const maxFields = 64;
const maxDepth = 4;
const name = /[A-Za-z_][\w.-]*/y;
const plainText = /[^<&]+/y;
const entities = new Map([['lt', '<'], ['gt', '>'], ['amp', '&'], ['quot', '"'], ['apos', "'"]]);

/**
 * Reads the flat XML WeChat pushes (`<xml><Field><![CDATA[…]]></Field>…</xml>`) into
 * its top-level text fields; nested elements (a few events have them) are skipped.
 *
 * Deliberately small and strict, so nothing in the input can make it do work or
 * reach out: no DOCTYPE, entity declarations, processing instructions (but the XML
 * declaration), comments or attributes; only the five predefined entities and
 * character references; a repeated field is an error, not a choice.
 */
export function parseWechatXml(xml: string): Map<string, string> {
  const reader = new Reader(xml.replace(/^\uFEFF/, ''));
  reader.skipSpace();
  if (reader.consume('<?xml')) reader.skipPast('?>');
  reader.skipSpace();
  if (reader.readOpenTag() !== 'xml') throw new XmlError('the root must be <xml>');
  const fields = new Map<string, string>();
  for (;;) {
    reader.skipSpace();
    if (reader.consume('</')) break;
    const field = reader.readOpenTag();
    const value = reader.readContent(field, 1);
    if (fields.has(field)) throw new XmlError('a field appears twice');
    if (fields.size >= maxFields) throw new XmlError('too many fields');
    if (value !== null) fields.set(field, value);
  }
  if (reader.readName() !== 'xml') throw new XmlError('mismatched closing tag');
  reader.skipSpace();
  if (!reader.consume('>')) throw new XmlError('bad closing tag');
  reader.skipSpace();
  if (!reader.atEnd()) throw new XmlError('content after the root');
  return fields;
}

class Reader {
  readonly #s: string;
  #i = 0;

  constructor(s: string) {
    this.#s = s;
  }

  atEnd(): boolean {
    return this.#i >= this.#s.length;
  }

  consume(literal: string): boolean {
    if (!this.#s.startsWith(literal, this.#i)) return false;
    this.#i += literal.length;
    return true;
  }

  skipSpace(): void {
    while (/[ \t\r\n]/.test(this.#s[this.#i] ?? '')) this.#i++;
  }

  skipPast(literal: string): void {
    const at = this.#s.indexOf(literal, this.#i);
    if (at < 0) throw new XmlError(`expected ${literal}`);
    this.#i = at + literal.length;
  }

  readName(): string {
    name.lastIndex = this.#i;
    const m = name.exec(this.#s);
    if (!m) throw new XmlError('expected a name');
    this.#i += m[0].length;
    return m[0];
  }

  /** `<Name>`; self-closing tags are read as an empty element by the caller seeing `/>`. */
  readOpenTag(): string {
    if (!this.consume('<')) throw new XmlError('expected a tag');
    const tag = this.readName();
    this.skipSpace();
    if (this.#s.startsWith('/>', this.#i)) return tag;
    if (!this.consume('>')) throw new XmlError('attributes are not expected');
    return tag;
  }

  /** The text of an element up to `</tag>`; null when it holds elements (they are read and dropped). */
  readContent(tag: string, depth: number): string | null {
    if (this.consume('/>')) return '';
    let text = '';
    let nested = false;
    for (;;) {
      if (this.consume('<![CDATA[')) {
        const end = this.#s.indexOf(']]>', this.#i);
        if (end < 0) throw new XmlError('unclosed CDATA');
        text += this.#s.slice(this.#i, end);
        this.#i = end + 3;
      } else if (this.consume('</')) {
        if (this.readName() !== tag) throw new XmlError('mismatched closing tag');
        this.skipSpace();
        if (!this.consume('>')) throw new XmlError('bad closing tag');
        return nested ? null : text;
      } else if (this.#s.startsWith('<!', this.#i) || this.#s.startsWith('<?', this.#i)) {
        throw new XmlError('declarations, comments and processing instructions are not accepted');
      } else if (this.#s.startsWith('<', this.#i)) {
        if (depth >= maxDepth) throw new XmlError('nested too deeply');
        const child = this.readOpenTag();
        this.readContent(child, depth + 1);
        nested = true;
      } else if (this.consume('&')) {
        text += this.#entity();
      } else if (this.atEnd()) {
        throw new XmlError(`unclosed <${tag}>`);
      } else {
        plainText.lastIndex = this.#i;
        const run = plainText.exec(this.#s)?.[0] ?? '';
        text += run;
        this.#i += run.length;
      }
    }
  }

  #entity(): string {
    const end = this.#s.indexOf(';', this.#i);
    if (end < 0 || end - this.#i > 10) throw new XmlError('bad entity');
    const ref = this.#s.slice(this.#i, end);
    this.#i = end + 1;
    const code = /^#x[0-9a-f]{1,6}$/i.test(ref) ? parseInt(ref.slice(2), 16) : /^#\d{1,7}$/.test(ref) ? Number(ref.slice(1)) : null;
    if (code !== null) {
      if (code > 0x10ffff || code === 0 || (code >= 0xd800 && code <= 0xdfff)) throw new XmlError('bad character reference');
      return String.fromCodePoint(code);
    }
    const known = entities.get(ref);
    if (known === undefined) throw new XmlError('only the predefined entities are accepted');
    return known;
  }
}
