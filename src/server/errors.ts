/** The one error type of the server: a stable code for programs, a Chinese message for users. */
export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  CSRF: 403,
  FORBIDDEN: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA: 415,
  RATE_LIMITED: 429,
  BUSY: 503,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what = '资源') => new AppError('NOT_FOUND', `${what}不存在或无权访问`);
export const conflict = (message: string) => new AppError('CONFLICT', message);
export const invalid = (message: string, details?: unknown) => new AppError('VALIDATION', message, details);
export const forbidden = (message = '没有执行此操作的权限') => new AppError('FORBIDDEN', message);
