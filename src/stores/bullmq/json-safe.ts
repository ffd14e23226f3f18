/**
 * Throws unless `value` survives JSON unchanged: null, booleans, finite numbers,
 * strings, arrays and plain objects of those. A Date would come back a string,
 * `undefined` would vanish: better to fail where the job is added than in its worker.
 */
export function assertJsonSafe(value: unknown, path = 'data'): void {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return;
    throw new TypeError(`${path} is ${value}, which JSON cannot carry`);
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => assertJsonSafe(v, `${path}[${i}]`));
    return;
  }
  if (typeof value === 'object' && (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null)) {
    for (const [k, v] of Object.entries(value)) assertJsonSafe(v, `${path}.${k}`);
    return;
  }
  const kind = value === undefined ? 'undefined' : `a ${typeof value === 'object' ? (value.constructor?.name ?? 'object') : typeof value}`;
  throw new TypeError(`${path} is ${kind}, which JSON cannot carry unchanged (use an ISO string for a date)`);
}
