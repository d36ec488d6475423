/** A failure a clerk can act on: a stable code plus a Chinese message. Services throw it; the bridge carries it. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** Any thrown value → the boundary's error shape; unknown errors keep their message but get a generic code. */
export function toErrorShape(err: unknown): { code: string; message: string } {
  if (err && typeof err === 'object') {
    const e = err as { code?: unknown; message?: unknown; name?: unknown };
    const code = typeof e.code === 'string' ? e.code : 'internal';
    const message = typeof e.message === 'string' && e.message ? e.message : '发生未知错误';
    return { code, message };
  }
  return { code: 'internal', message: String(err) };
}
