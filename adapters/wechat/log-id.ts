import { createHash } from 'node:crypto';

/** An id (openid, contact id) as logs may show it: a short hash that correlates lines without naming anyone. */
export const logId = (id: string): string => createHash('sha256').update(`tripcare:wechat:${id}`).digest('hex').slice(0, 12);
