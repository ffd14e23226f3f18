/** A desk request refused, with the HTTP status it maps to and a message for the console. */
export class DeskError extends Error {
  override name = 'DeskError';
  readonly status: 400 | 403 | 404 | 409;
  /** More for the console, e.g. who holds a ticket someone else claimed. */
  readonly details: Record<string, unknown>;

  constructor(status: DeskError['status'], message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.status = status;
    this.details = details;
  }
}
