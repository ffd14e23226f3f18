import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import type { Arbitrary } from 'fast-check';
import { wechatSignature } from '../../adapters/wechat/official-account/signature.ts';
import { reportNames } from '../../src/reports/reports.ts';
import { fuzzPassword, fuzzSecrets } from './fuzz-target.ts';
import type { FuzzContext, SignedIn } from './fuzz-target.ts';

/** One request as it goes on the wire. */
export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** Asks to become a WebSocket. */
  upgrade?: boolean;
  /**
   * Sent from 127.0.0.1 alone. Sign-ins: each that gets past the limit per address costs a full
   * scrypt, and a flood of them is turned away with 503 by design; this is no flood test.
   */
  pinned?: boolean;
}

/** A request still to be given the credentials the target holds. */
export type Plan = (ctx: FuzzContext) => FuzzRequest;

// ---- Hostile values ----

const char16 = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const nasty = fc.constantFrom(
  '\u0000', 'a\u0000b', '\ud800', 'x\udfffy', '\udbff\ud800', '\ud83d', '\u202e\u2066', '\ufeff', '\uffff', '\u0085', '😀', '𠜎',
  '%00', '../../etc/passwd', '<script>alert(1)</script>', "' OR 1=1; --", '${7*7}', '\r\n', '__proto__', 'constructor',
  'toString', ' ', '', 'null', '-1', '1e309', 'NaN', 'TC-000000', 'IN-000000', 'CA-000000', '2026-02-30', '9999-99-99', '0000-00-00', '0000-01-01', '9999-12-31',
);
const hostileString: Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: nasty },
  { weight: 3, arbitrary: fc.string({ unit: char16, maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.tuple(fc.string({ maxLength: 10 }), nasty).map(([s, n]) => `${s}${n}${s}`) },
  { weight: 1, arbitrary: fc.constantFrom(1_400, 5_500, 22_000).map((n) => '字'.repeat(n)) },
);
const hostileNumber = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, -0, -1, 1e308, -1e308, 2 ** 53 + 1, 2 ** 31, -(2 ** 31) - 1, 0.1));
const scalar: Arbitrary<unknown> = fc.oneof(hostileString, hostileNumber, fc.boolean(), fc.constant(null));
const hostileKey = fc.oneof(hostileString, fc.constantFrom('__proto__', 'constructor', 'prototype', 'type', 'text', 'id'));
const hostileValue: Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(hostileKey, tie('value'), { maxKeys: 4 })),
})).value;

/** Stands for a value nested `n` deep; spliced into the JSON text, as building it would overflow JSON.stringify. */
const deepMarker = '\u0001deep';
const deepText = (n: number, kind: string): string =>
  kind === 'array' ? `${'['.repeat(n)}1${']'.repeat(n)}` : `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;
const deep = fc.tuple(fc.oneof(fc.integer({ min: 20, max: 40 }), fc.constantFrom(100, 1_000, 5_000), fc.integer({ min: 41, max: 20_000 })), fc.constantFrom('array', 'object'))
  .map(([n, kind]) => ({ [deepMarker]: `${kind}:${n}` }));
const spliceDeep = (json: string): string => json.replace(/\{"\\u0001deep":"(array|object):(\d+)"\}/g, (_, kind: string, n: string) => deepText(Number(n), kind));

// ---- Bodies: a route's proper body, mutated ----

type Path = (string | number)[];

function pathsOf(value: unknown, at: Path = []): Path[] {
  const here = [at];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => pathsOf(v, [...at, i]))];
  if (typeof value === 'object' && value !== null) return [...here, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...at, k]))];
  return here;
}

function setAt(value: unknown, path: Path, to: unknown): unknown {
  if (path.length === 0) return to;
  const [head, ...rest] = path as [string | number, ...Path];
  if (Array.isArray(value)) return value.map((v: unknown, i) => (i === head ? setAt(v, rest, to) : v));
  const record = value as Record<string, unknown>;
  return { ...record, [head]: setAt(record[head], rest, to) };
}

type Mutation = (value: unknown) => unknown;
const mutation: Arbitrary<Mutation> = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(fc.nat(), fc.oneof({ weight: 4, arbitrary: hostileString }, { weight: 3, arbitrary: hostileValue }, { weight: 2, arbitrary: deep })).map(([i, to]) => (v: unknown) => {
    const paths = pathsOf(v);
    return setAt(v, paths[i % paths.length]!, to);
  }) },
  { weight: 1, arbitrary: fc.tuple(hostileKey, hostileValue).map(([k, to]) => (v: unknown) => (typeof v === 'object' && v !== null && !Array.isArray(v) ? { ...v, [k]: to } : v)) },
  { weight: 1, arbitrary: fc.nat().map((i) => (v: unknown) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
    const keys = Object.keys(v);
    const drop = keys[i % Math.max(1, keys.length)];
    return Object.fromEntries(Object.entries(v).filter(([k]) => k !== drop));
  }) },
);

/** The template as a client would send it, or with a few fields made hostile, wrong in type, or deep. */
const mutated = (template: unknown): Arbitrary<string> =>
  fc.oneof(
    { weight: 1, arbitrary: fc.constant(template) },
    { weight: 4, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 3 }).map((ms) => ms.reduce((v, m) => m(v), template)) },
    { weight: 1, arbitrary: hostileValue },
  ).map((value) => spliceDeep(JSON.stringify(value)));

/** JSON text as sent: mostly UTF-8, sometimes in another encoding, cut short, or trailed by bytes that are not UTF-8. */
const encoded = (text: Arbitrary<string>): Arbitrary<Buffer> =>
  fc.tuple(text, fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 64 }), fc.integer({ min: 0, max: 9 })).map(([t, cut, junk, how]) => {
    const utf8 = Buffer.from(t);
    if (how === 0) return Buffer.from(t, 'utf16le');
    if (how === 1) return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]);
    if (how === 2) return utf8.subarray(0, cut % (utf8.length + 1));
    if (how === 3) return Buffer.concat([utf8, Buffer.from(junk)]);
    return utf8;
  });

/** Bodies that are not the route's at all. */
const rawBody: Arbitrary<Buffer> = fc.oneof(
  { weight: 3, arbitrary: fc.uint8Array({ maxLength: 512 }).map((b) => Buffer.from(b)) },
  { weight: 3, arbitrary: fc.constantFrom('', 'null', '[]', '{}', '0', '"x"', '{"a":', '\u0000', '{"__proto__":{"polluted":1}}', '{"constructor":{"prototype":{"polluted":1}}}').map((s) => Buffer.from(s)) },
  { weight: 2, arbitrary: fc.constantFrom([0xc0, 0x80], [0xed, 0xa0, 0x80], [0xff, 0xfe, 0x7b, 0x00], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82]).map((b) => Buffer.from(b)) },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 33, max: 100_000 }), fc.constantFrom('array', 'object')).map(([n, kind]) => Buffer.from(deepText(n, kind))) },
  // Just past each route's limit (4 KiB to 5 MiB).
  { weight: 1, arbitrary: fc.constantFrom(4_097, 16_385, 65_537, 262_145, 1_048_577, 5_242_881).map((n) => Buffer.alloc(n, '"')) },
);

const jsonBody = (template: unknown): Arbitrary<Buffer> => fc.oneof({ weight: 6, arbitrary: encoded(mutated(template)) }, { weight: 1, arbitrary: rawBody });

const contentType = (proper: string): Arbitrary<string | undefined> => fc.oneof(
  { weight: 8, arbitrary: fc.constant(proper) },
  { weight: 1, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.constantFrom('text/plain', 'application/json; charset=utf-16', 'text/csv', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', 'application/json; charset="\\"', '*/*') },
);

// ---- Paths and queries ----

/** Percent-encodes the UTF-8 of any string (lone surrogates become U+FFFD, as a browser sends them). */
const encode = (s: string): string => [...Buffer.from(s)].map((b) => (/[\w.~-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).padStart(2, '0')}`)).join('');
const hostileSegment: Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: hostileString.filter((s) => s.length < 300).map(encode) },
  { weight: 2, arbitrary: fc.constantFrom('%', '%zz', '%00', '%ED%A0%80', '%C0%80', '%FF', '..', '.', '%2e%2e', '..%2f..%2f', '', '%E0%A4%A', 'x%00y', '%F0%9F%98') },
  { weight: 1, arbitrary: fc.integer({ min: 200, max: 8_000 }).map((n) => 'a'.repeat(n)) },
);
const segment = (proper: string | string[]): Arbitrary<string> => fc.oneof({ weight: 3, arbitrary: typeof proper === 'string' ? fc.constant(proper) : fc.constantFrom(...proper) }, { weight: 2, arbitrary: hostileSegment });
const query = (proper: Record<string, string[]>): Arbitrary<string> => {
  const keys = Object.keys(proper);
  const pair = fc.oneof(
    { weight: 3, arbitrary: keys.length === 0 ? fc.constant('') : fc.constantFrom(...keys).chain((k) => segment(proper[k]!).map((v) => `${k}=${v}`)) },
    { weight: 2, arbitrary: fc.tuple(keys.length === 0 ? hostileSegment : fc.constantFrom(...keys), hostileSegment).map(([k, v]) => `${k}=${v}`) },
    { weight: 1, arbitrary: fc.constantFrom('&', '=', '%00=%00', '==', '&&&', 'a', '?') },
  );
  return fc.array(pair, { maxLength: 4 }).map((pairs) => (pairs.length === 0 ? '' : `?${pairs.join('&')}`));
};

// ---- Who is asking ----

type Asking = 'staff' | 'no-csrf' | 'none' | 'stranger' | 'foreign-origin';
const asking: Arbitrary<Asking> = fc.oneof({ weight: 12, arbitrary: fc.constant('staff' as const) }, { weight: 1, arbitrary: fc.constantFrom('no-csrf' as const, 'none' as const, 'stranger' as const, 'foreign-origin' as const) });
const garbageHeader = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 200 });

function staffHeaders(who: SignedIn, how: Asking, garbage: string): Record<string, string> {
  if (how === 'none') return {};
  if (how === 'stranger') return { cookie: `__Host-tc_session=${garbage}`, 'x-csrf-token': garbage };
  const headers: Record<string, string> = { cookie: who.cookie };
  if (how !== 'no-csrf') headers['x-csrf-token'] = who.csrf;
  if (how === 'foreign-origin') headers.origin = 'https://evil.example';
  return headers;
}

interface Shaped {
  method: string;
  path: string;
  body?: Buffer;
  contentType?: string | undefined;
}

/** A console request: a staff member (any role) asking, properly or not. */
const asStaff = (shaped: Arbitrary<Shaped>): Arbitrary<Plan> =>
  fc.tuple(shaped, fc.nat(), asking, garbageHeader).map(([s, who, how, garbage]) => (ctx: FuzzContext) => ({
    method: s.method, path: s.path, ...(s.body ? { body: s.body } : {}),
    headers: { ...staffHeaders(ctx.staff[who % ctx.staff.length]!, how, garbage), ...(s.contentType ? { 'content-type': s.contentType } : {}) },
  }));

const post = (path: Arbitrary<string>, template: unknown, type = 'application/json'): Arbitrary<Shaped> =>
  fc.record({ method: fc.constant('POST'), path, body: jsonBody(template), contentType: contentType(type) });
const get = (path: Arbitrary<string>): Arbitrary<Shaped> => fc.record({ method: fc.constant('GET'), path });

// ---- The console, its APIs and reports ----

const day = ['2026-11-21', '2026-01-01', '2025-12-31', '0000-01-01', '0001-01-01', '9999-12-31', '2026-02-30'];
const caseSegment: Arbitrary<string | null> = fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 2, arbitrary: hostileSegment });
const deskActions: Record<string, unknown> = {
  claim: {}, handback: {}, messages: { text: 'We are on it.' }, notes: { text: 'Called the hotel.' },
  close: { resolution: 'remedy_given', responsible: [{ party: 'supplier', share: 100 }] },
  escalate: { grounds: 'high_profile' }, assign: { staffId: 'staff-1' }, share: { partnerId: 'staff-2' },
};

/** `/api/conversations/{case}/…`: the real case most of the time, so the actions run. */
const conversationPlan: Arbitrary<Plan> = fc.tuple(caseSegment, fc.constantFrom(...Object.keys(deskActions), 'remedies'), fc.nat(), asking, garbageHeader, fc.boolean())
  .chain(([caseSeg, name, who, how, garbage, read]) => {
    const template = name === 'remedies' ? { amount: 300 } : deskActions[name];
    return fc.tuple(jsonBody(template), contentType('application/json'), segment('r1')).map(([body, type, remedy]) => (ctx: FuzzContext) => {
      const caseId = caseSeg ?? ctx.caseId;
      const tail = name === 'remedies' ? `/remedies/${remedy}/approve` : `/${name}`;
      const headers = { ...staffHeaders(ctx.staff[who % ctx.staff.length]!, how, garbage), ...(type ? { 'content-type': type } : {}) };
      return read ? { method: 'GET', path: `/api/conversations/${caseId}`, headers } : { method: 'POST', path: `/api/conversations/${caseId}${tail}`, headers, body };
    });
  });

const roster = { travellers: [{ ref: 'T1', name: 'Li Wei', locale: 'zh-CN', channel: 'webchat', conversationId: 'abc' }] };
const guide = { name: 'Wang Jianguo', phone: '+86 138 0000 0000', departures: [{ tourCode: 'GZ-2611-A', date: '2026-11-20' }] };
const tripRow = { tourCode: 'GZ-2611-A', departureDate: '2026-11-01', returnDate: '2026-11-08', ref: 'T1', name: 'Li Wei', locale: 'en', channel: 'webchat', conversationId: 'abc' };
const correctiveAction = { target: { kind: 'tour', value: 'GZ-2611-A' }, title: 'Check hotels before each season', ownerId: 'staff-1', dueDate: '2026-12-31' };
const csvLine = fc.array(hostileString.map((s) => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s)), { minLength: 1, maxLength: 9 }).map((cells) => cells.join(','));
const csv: Arbitrary<Buffer> = fc.oneof(
  fc.array(csvLine, { maxLength: 5 }).map((lines) => Buffer.from(['tour_code,departure_date,return_date,ref,name,locale,channel,conversation_id', 'GZ-2611-A,2026-11-01,2026-11-08,T1,Li Wei,en,,', ...lines].join('\n'))),
  rawBody,
  fc.constant(Buffer.from('tour_code,departure_date,return_date,ref,name\nGZ-1,2026-11-01,2026-11-08,T1,Li\n', 'utf16le')),
);

const consolePlans: Arbitrary<Plan>[] = [
  asStaff(fc.oneof(
    get(fc.constantFrom('/console', '/api/openapi.json', '/api/session', '/api/queue', '/api/staff', '/api/guides', '/api/actions', '/api/incidents')),
    get(segment('x').map((s) => `/console/${s}`)),
    get(query({ team: ['complaints', 'emergencies'] }).map((q) => `/api/queue${q}`)),
    get(query({ tourCode: ['GZ-2611-A'], date: day, unacknowledged: ['1'] }).map((q) => `/api/incidents${q}`)),
    get(fc.tuple(segment('IN-ABC123'), fc.constantFrom('', '/x')).map(([id, tail]) => `/api/incidents/${id}${tail}`)),
    get(fc.tuple(segment('GZ-2611-A'), query({ date: day })).map(([t, q]) => `/api/departures/${t}${q}`)),
    get(fc.tuple(segment([...reportNames, ...reportNames.map((n) => `${n}.csv`)]), query({ from: day, to: day, by: ['day', 'week', 'month', 'quarter'] })).map(([n, q]) => `/api/reports/${n}${q}`)),
    get(query({ quarter: ['2026-Q3', '2026-Q5', '0000-Q1', '9999-Q4'], lang: ['en', 'zh-CN', 'xx'] }).map((q) => `/reports/quarterly${q}`)),
    fc.record({ method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'PATCH'), path: segment(['', '/api/queues', '/static/x.js']).map((s) => `/admin/queues${s.startsWith('/') || s === '' ? s : `/${s}`}`) }),
  )),
  conversationPlan,
  asStaff(post(fc.tuple(segment('IN-ABC123'), segment(['acknowledge', 'outreach', 'settlement'])).map(([id, a]) => `/api/incidents/${id}/${a}`), { amount: 100 })),
  asStaff(post(fc.tuple(segment('GZ-2611-A'), segment(day)).map(([t, d]) => `/api/departures/${t}/${d}/travellers`), roster)),
  asStaff(post(fc.constant('/api/guides'), guide)),
  asStaff(post(fc.tuple(segment('guide-1'), segment(['code', 'departures'])).map(([id, a]) => `/api/guides/${id}/${a}`), { departures: guide.departures })),
  asStaff(post(fc.constant('/api/trips'), { rows: [tripRow, { ...tripRow, ref: 'T2' }] })),
  asStaff(fc.record({ method: fc.constant('POST'), path: fc.constant('/api/trips/import'), body: csv, contentType: contentType('text/csv; charset=utf-8') })),
  asStaff(post(fc.constant('/api/actions'), correctiveAction)),
  asStaff(post(segment('CA-ABC123').map((id) => `/api/actions/${id}/done`), {})),
  // Sign-in as anyone, sometimes from another site. DELETE never with a real session: it would end it.
  fc.tuple(jsonBody({ username: 'agent0', password: fuzzPassword }), contentType('application/json'), fc.boolean()).map(([body, type, foreign]) => () => ({
    method: 'POST', path: '/api/session', body, pinned: true, headers: { ...(type ? { 'content-type': type } : {}), ...(foreign ? { origin: 'https://evil.example' } : {}) },
  })),
  fc.tuple(garbageHeader, hostileSegment).map(([garbage, seg]) => () => ({ method: 'DELETE', path: `/api/session${seg === '' ? '' : `?${seg}`}`, headers: { cookie: `__Host-tc_session=${garbage}`, 'x-csrf-token': garbage } })),
  fc.tuple(query({ lang: ['en', 'zh-TW'] }), garbageHeader).map(([q, lang]) => () => ({ method: 'GET', path: `/commitments${q}`, headers: { 'accept-language': lang } })),
];

// ---- Channels ----

const directLineActivity = { type: 'message', from: { id: 'traveller-1', name: 'Mei' }, text: 'The bus never came', locale: 'en-US', name: 'x', value: { a: [1, { b: 'c' }] }, channelData: { clientActivityID: 'c-1', clientTimestamp: '2026-11-21T02:00:00Z', postBack: false } };
type Token = 'token' | 'none' | 'garbage' | 'secret';
const tokenKind: Arbitrary<Token> = fc.oneof({ weight: 8, arbitrary: fc.constant('token' as const) }, { weight: 1, arbitrary: fc.constantFrom('none' as const, 'garbage' as const, 'secret' as const) });
const bearer = (ctx: FuzzContext, kind: Token, garbage: string): Record<string, string> =>
  kind === 'none' ? {} : { authorization: `Bearer ${kind === 'token' ? ctx.directLine.token : kind === 'secret' ? fuzzSecrets.webchat : garbage}` };
const conversationSeg = fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: hostileSegment });

function multipart(activity: Buffer, files: { type: string; name: string; bytes: Buffer }[], boundary: string): Buffer {
  const part = (headers: string, bytes: Buffer) => [Buffer.from(`--${boundary}\r\n${headers}\r\n\r\n`), bytes, Buffer.from('\r\n')];
  return Buffer.concat([
    ...part('Content-Disposition: form-data; name="activity"; filename="blob"\r\nContent-Type: application/vnd.microsoft.activity', activity),
    ...files.flatMap((f) => part(`Content-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: ${f.type}`, f.bytes)),
    Buffer.from(`--${boundary}--\r\n`),
  ]);
}
const upload: Arbitrary<{ body: Buffer; type: string }> = fc.tuple(
  jsonBody(directLineActivity),
  fc.array(fc.record({
    type: fc.constantFrom('image/jpeg', 'image/png', 'application/pdf', 'image/svg+xml', 'text/html', 'image/png; charset=x', ''),
    name: hostileString.map((s) => s.replace(/[\r\n"]/g, '')),
    bytes: fc.uint8Array({ maxLength: 2048 }).map((b) => Buffer.from(b)),
  }), { maxLength: 5 }),
  fc.constantFrom('fuzzboundary', 'x', '----WebKitFormBoundary7MA4YWxkTrZu0gW'),
  fc.boolean(),
).map(([activity, files, boundary, proper]) => ({ body: multipart(activity, files, boundary), type: proper ? `multipart/form-data; boundary=${boundary}` : 'multipart/form-data; boundary=other' }));

const directLinePlans: Arbitrary<Plan>[] = [
  fc.tuple(jsonBody({ locale: 'en' }), contentType('application/json'), fc.constantFrom('/api/webchat/token', '/v3/directline/tokens/generate', '/v3/directline/tokens/refresh', '/v3/directline/conversations'), tokenKind, garbageHeader)
    .map(([body, type, path, kind, garbage]) => (ctx: FuzzContext) => ({ method: 'POST', path, body, headers: { ...bearer(ctx, kind, garbage), ...(type ? { 'content-type': type } : {}) } })),
  fc.tuple(conversationSeg, fc.constantFrom('', '/activities'), query({ watermark: ['', '-', '0', '3', '999999999999999'] }), tokenKind, garbageHeader)
    .map(([seg, sub, q, kind, garbage]) => (ctx: FuzzContext) => ({ method: 'GET', path: `/v3/directline/conversations/${seg ?? ctx.directLine.conversationId}${sub}${q}`, headers: bearer(ctx, kind, garbage) })),
  // The issue's own case besides: a `value` nested deep, which z.json() recursed into.
  fc.tuple(conversationSeg, fc.oneof(jsonBody(directLineActivity), deep.map((value) => Buffer.from(spliceDeep(JSON.stringify({ ...directLineActivity, value }))))), contentType('application/json'), tokenKind, garbageHeader)
    .map(([seg, body, type, kind, garbage]) => (ctx: FuzzContext) => ({
      method: 'POST', path: `/v3/directline/conversations/${seg ?? ctx.directLine.conversationId}/activities`, body, headers: { ...bearer(ctx, kind, garbage), ...(type ? { 'content-type': type } : {}) },
    })),
  fc.tuple(conversationSeg, upload, tokenKind, garbageHeader).map(([seg, { body, type }, kind, garbage]) => (ctx: FuzzContext) => ({
    method: 'POST', path: `/v3/directline/conversations/${seg ?? ctx.directLine.conversationId}/upload`, body, headers: { ...bearer(ctx, kind, garbage), 'content-type': type },
  })),
  fc.tuple(conversationSeg, fc.oneof(fc.constant('AAAAAAAAAAAAAAAAAAAAAA'), hostileSegment)).map(([seg, file]) => (ctx: FuzzContext) => ({
    method: 'GET', path: `/v3/directline/conversations/${seg ?? ctx.directLine.conversationId}/files/${file}`, headers: {},
  })),
  fc.tuple(conversationSeg, query({ watermark: ['0', '-', 'x'], t: ['x'] }), fc.boolean()).map(([seg, q, withToken]) => (ctx: FuzzContext) => ({
    method: 'GET', path: `/v3/directline/conversations/${seg ?? ctx.directLine.conversationId}/stream${q}${withToken ? `${q ? '&' : '?'}t=${encodeURIComponent(ctx.directLine.token)}` : ''}`,
    headers: { connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-version': '13', 'sec-websocket-key': randomBytes(16).toString('base64') }, upgrade: true,
  })),
  fc.tuple(fc.constantFrom('/chat', '/chat/webchat.js', '/chat/chat.js', '/chat/chat.css', '/chat/embed.js'), query({ locale: ['en', 'zh-CN'], lang: ['en'] }))
    .map(([path, q]) => () => ({ method: 'GET', path: `${path}${q}`, headers: {} })),
];

const azureActivity = { type: 'message', id: '1', serviceUrl: 'https://smba.trafficmanager.net/teams/', channelId: 'msteams', conversation: { id: 'a:1' }, from: { id: '29:1' }, recipient: { id: '28:bot' }, text: 'hello', locale: 'en-US' };
const telegramMessage = { update_id: 1, message: { message_id: 1, date: 1_763_690_400, chat: { id: 1001, type: 'private' }, from: { id: 1001, is_bot: false, language_code: 'en' }, text: 'The hotel was dirty' } };
const telegramPress = {
  update_id: 2,
  callback_query: { id: 'cb-1', from: { id: 1001, language_code: 'en' }, data: 'wants:compensation', message: { chat: { id: 1001, type: 'private' }, reply_markup: { inline_keyboard: [[{ text: 'Yes', callback_data: 'yes' }]] } } },
};
/** Updates are told apart by id: a fresh one each time, or the engine takes it for a redelivery. */
let updateId = 10_000;
const freshIds = (body: Buffer): Buffer => Buffer.from(body.toString('latin1').replace(/"update_id":\d+/, () => `"update_id":${updateId++}`), 'latin1');

const xmlField = fc.tuple(fc.constantFrom('Event', 'EventKey', 'PicUrl', 'MediaId', 'Recognition', 'Location_X', 'Label', 'Url', 'X'), hostileString, fc.boolean())
  .map(([name, value, cdata]) => `<${name}>${cdata ? `<![CDATA[${value}]]>` : value.replace(/[<&]/g, (c) => (c === '<' ? '&lt;' : '&amp;'))}</${name}>`);
const wechatXml: Arbitrary<Buffer> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.constantFrom('text', 'image', 'voice', 'event', 'location', 'x'), hostileString, fc.array(xmlField, { maxLength: 3 }), fc.nat()).map(([type, content, extra, n]) => Buffer.from(
    `<xml><ToUserName><![CDATA[gh_agency000001]]></ToUserName><FromUserName><![CDATA[o-fuzz-${n % 5}]]></FromUserName><CreateTime>1763690400</CreateTime><MsgType><![CDATA[${type}]]></MsgType><Content><![CDATA[${content}]]></Content><MsgId>${1_000_000 + n}</MsgId>${extra.join('')}</xml>`,
  )) },
  { weight: 1, arbitrary: fc.constantFrom('<xml>', '<!DOCTYPE x [<!ENTITY a "b">]><xml><a>&a;</a></xml>', '<xml><Content>&#0;</Content></xml>', '<xml><Content>&#xD800;</Content></xml>', `<xml>${'<a>'.repeat(5000)}</xml>`).map((s) => Buffer.from(s)) },
  { weight: 1, arbitrary: rawBody },
);
const signedQuery = (ctx: FuzzContext, signed: boolean, nonce: string, extra: string): string => {
  const timestamp = String(Math.floor(ctx.clock.now().getTime() / 1000));
  const signature = signed ? wechatSignature(fuzzSecrets.wechat, timestamp, nonce) : '0'.repeat(40);
  return `?signature=${signature}&timestamp=${timestamp}&nonce=${encode(nonce)}&openid=o-fuzz${extra}`;
};
const nonce = fc.oneof({ weight: 5, arbitrary: fc.stringMatching(/^[\w-]{1,64}$/) }, { weight: 1, arbitrary: hostileString.filter((s) => s.length < 200) });

const channelPlans: Arbitrary<Plan>[] = [
  ...directLinePlans,
  fc.tuple(jsonBody(azureActivity), contentType('application/json'), fc.oneof(fc.constant(''), garbageHeader.map((g) => `Bearer ${g}`)))
    .map(([body, type, auth]) => () => ({ method: 'POST', path: '/api/messages', body, headers: { ...(type ? { 'content-type': type } : {}), ...(auth ? { authorization: auth } : {}) } })),
  fc.tuple(fc.oneof(jsonBody(telegramMessage), jsonBody(telegramPress)), contentType('application/json'), fc.oneof({ weight: 9, arbitrary: fc.constant(fuzzSecrets.telegram) }, { weight: 1, arbitrary: garbageHeader }))
    .map(([body, type, secret]) => () => ({ method: 'POST', path: '/telegram/webhook', body: freshIds(body), headers: { 'x-telegram-bot-api-secret-token': secret, ...(type ? { 'content-type': type } : {}) } })),
  fc.tuple(fc.boolean(), nonce, query({ echostr: ['hello', 'x'.repeat(200)] }).map((q) => q.replace(/^\?/, '&')))
    .map(([signed, n, extra]) => (ctx: FuzzContext) => ({ method: 'GET', path: `/wechat${signedQuery(ctx, signed, n, extra)}`, headers: {} })),
  fc.tuple(fc.oneof({ weight: 9, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }), nonce, wechatXml, contentType('text/xml'))
    .map(([signed, n, body, type]) => (ctx: FuzzContext) => ({ method: 'POST', path: `/wechat${signedQuery(ctx, signed, n, '')}`, body, headers: type ? { 'content-type': type } : {} })),
];

// ---- Anything else ----

const strayPlans: Arbitrary<Plan>[] = [
  fc.constantFrom('/healthz', '/readyz', '/metrics').map((path) => () => ({ method: 'GET', path, headers: {} })),
  fc.tuple(fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'TRACE'), fc.array(hostileSegment, { minLength: 1, maxLength: 4 }), fc.option(rawBody))
    .map(([method, segs, body]) => () => ({ method, path: `/${segs.join('/')}`, headers: {}, ...(body && method !== 'GET' && method !== 'HEAD' ? { body } : {}) })),
  fc.constantFrom('//', '///x', '//a b', '//%', '/%00', '/api/queue?team=%00', '/api/%00/x', '/v3/directline/conversations/%00/activities', '/wechat?%00')
    .map((path) => () => ({ method: 'GET', path, headers: {} })),
];

const weighted = (weight: number, plans: Arbitrary<Plan>[]) => plans.map((arbitrary) => ({ weight, arbitrary }));

/** A request to any public route: mostly well-aimed (credentials right, one thing wrong), some plain hostile. */
export const anyPlan: Arbitrary<Plan> = fc.oneof(...weighted(3, consolePlans), ...weighted(4, channelPlans), ...weighted(1, strayPlans));
