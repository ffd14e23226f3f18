import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../../src/http/server.ts';
import { parseJson, readBody } from './http-io.ts';
import { postedActivitySchema } from './schemas.ts';
import type { PostedActivity } from './schemas.ts';
import type { StoredFile } from './activity-store.ts';

export interface UploadLimits {
  /** The whole request, every file together. Default 8 MiB: a phone photo or two. */
  maxBytes: number;
  /** Default 3. */
  maxFiles: number;
}

export const defaultUploadLimits: UploadLimits = { maxBytes: 8 * 1024 * 1024, maxFiles: 3 };

/** What may be uploaded: photos and PDFs (no SVG or HTML: they are served back to browsers). */
const acceptedTypes = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/heic', 'image/heif', 'application/pdf']);
export const uploadAccept = [...acceptedTypes].join(',');

export type Upload =
  | { ok: true; activity: PostedActivity; files: StoredFile[] }
  | { ok: false; status: 400 | 413 | 415 };

/**
 * Reads Direct Line's upload (`multipart/form-data`: one `activity` part, then a `file`
 * part per attachment, as Web Chat sends it) within the limits.
 */
export async function readUpload(req: IncomingMessage, limits: UploadLimits): Promise<Upload> {
  const contentType = req.headers['content-type'] ?? '';
  if (!contentType.startsWith('multipart/form-data')) return { ok: false, status: 415 };
  const read = await readBody(req, limits.maxBytes);
  if (!read.ok) return read;
  let form: FormData;
  try {
    form = await new Request('http://upload.invalid/', { method: 'POST', headers: { 'content-type': contentType }, body: read.body }).formData();
  } catch {
    return { ok: false, status: 400 };
  }
  const activityPart = form.get('activity');
  const fileParts = form.getAll('file');
  if (!(activityPart instanceof Blob) || fileParts.length === 0) return { ok: false, status: 400 };
  if (fileParts.length > limits.maxFiles) return { ok: false, status: 413 };
  const activity = postedActivitySchema.safeParse(parseJson(await activityPart.text()));
  if (!activity.success || activity.data.type !== 'message') return { ok: false, status: 400 };
  const files: StoredFile[] = [];
  for (const part of fileParts) {
    if (!(part instanceof File)) return { ok: false, status: 400 };
    const type = part.type.split(';')[0]?.trim().toLowerCase() ?? '';
    if (!acceptedTypes.has(type)) return { ok: false, status: 415 };
    files.push({ contentType: type, name: cleanName(part.name), bytes: Buffer.from(await part.arrayBuffer()) });
  }
  return { ok: true, activity: activity.data, files };
}

/** A file name safe to show and to put in a header: no paths, controls or quotes, at most 100 characters. */
const cleanName = (name: string): string => [...(name.split(/[\\/]/).at(-1) ?? '').replace(/[\p{Cc}"]/gu, '')].slice(0, 100).join('') || 'file';

/** A kept file, as inert as a browser allows: its own type only, no sniffing, no scripts, no plugins. */
export function serveFile(res: ServerResponse, file: StoredFile | undefined): void {
  if (!file) return sendJson(res, 404, { error: 'not found' });
  res.writeHead(200, {
    'content-type': file.contentType,
    'content-length': file.bytes.length,
    'content-disposition': `${file.contentType.startsWith('image/') ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    'content-security-policy': "default-src 'none'; sandbox",
    'x-content-type-options': 'nosniff',
    'cross-origin-resource-policy': 'same-origin',
    'cache-control': 'private, max-age=86400',
  }).end(file.bytes);
}
