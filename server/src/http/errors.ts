// One error type for the whole server; the HTTP layer maps its code to a status.
import type { ErrorCode, FieldError } from '@duibiao/contracts';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: FieldError[],
  ) {
    super(message);
  }
}

export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  CSRF_FAILED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  ACCOUNT_LOCKED: 423,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

export const notFound = (what = '记录'): AppError => new AppError('NOT_FOUND', `${what}不存在或无权访问`);
export const forbidden = (message = '没有执行此操作的权限'): AppError => new AppError('FORBIDDEN', message);
export const conflict = (message: string, details?: FieldError[]): AppError => new AppError('CONFLICT', message, details);
export const invalid = (details: FieldError[], message = '输入有误'): AppError =>
  new AppError('VALIDATION_FAILED', `${message}：${details.map((d) => `${d.field} ${d.message}`).join('；')}`, details);
