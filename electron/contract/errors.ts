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
