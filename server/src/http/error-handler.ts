// One error body for every failure: { error: { code, message, details?, requestId } }. Unknown errors are
// logged with the request id and reach the client only as INTERNAL.
import type { ErrorCode, ErrorBody, FieldError } from '@duibiao/contracts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, STATUS_BY_CODE } from './errors.ts';

/** `/experiences/0/startDate` → `experiences.0.startDate`; the whole body/query when the path is empty. */
const fieldName = (instancePath: string, context: string | undefined) => instancePath.replace(/^\//, '').replace(/\//g, '.') || context || 'body';

const CONTEXT_NAMES: Record<string, string> = { body: '请求体', querystring: '查询参数', params: '路径参数', headers: '请求头' };

function fromFastifyError(error: FastifyError): AppError | undefined {
  if (error.validation) {
    const details: FieldError[] = error.validation.map((v) => ({ field: fieldName(v.instancePath, error.validationContext), message: v.message ?? '无效' }));
    const where = CONTEXT_NAMES[error.validationContext ?? 'body'] ?? '';
    return new AppError('VALIDATION_FAILED', `${where}有误：${details.map((d) => `${d.field} ${d.message}`).join('；')}`, details);
  }
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('VALIDATION_FAILED', '请求体不是有效的 JSON', [{ field: 'body', message: '不是有效的 JSON' }]);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_PARTS_LIMIT':
    case 'FST_FILES_LIMIT':
      return new AppError('PAYLOAD_TOO_LARGE', '上传内容过大');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new AppError('VALIDATION_FAILED', '不支持的内容类型', [{ field: 'body', message: '不支持的内容类型' }]);
    default:
      break;
  }
  const status = error.statusCode ?? 500;
  if (status === 429) return new AppError('RATE_LIMITED', '请求过于频繁，请稍后再试');
  if (status >= 400 && status < 500) {
    const code: ErrorCode = status === 404 ? 'NOT_FOUND' : status === 413 ? 'PAYLOAD_TOO_LARGE' : 'VALIDATION_FAILED';
    return new AppError(code, error.message);
  }
  return undefined;
}

export function sendError(reply: FastifyReply, request: FastifyRequest, error: AppError): FastifyReply {
  const body: ErrorBody = { error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}), requestId: request.id } };
  return reply.status(STATUS_BY_CODE[error.code]).type('application/json; charset=utf-8').send(body);
}

/** `spa`: unknown non-API GETs get the web app's index.html (client-side routes). */
export function installErrorHandler(app: FastifyInstance, options: { spa: boolean }): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const known = error instanceof AppError ? error : fromFastifyError(error);
    if (known) {
      if (known.code === 'INTERNAL') request.log.error({ err: error }, 'internal error');
      return sendError(reply, request, known);
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendError(reply, request, new AppError('INTERNAL', `服务器内部错误，请联系管理员并提供请求编号 ${request.id}`));
  });
  app.setNotFoundHandler((request, reply) => {
    if (options.spa && request.method === 'GET' && !request.url.startsWith('/api/')) return reply.sendFile('index.html', { maxAge: 0 });
    return sendError(reply, request, new AppError('NOT_FOUND', `接口不存在：${request.method} ${request.url.split('?')[0]}`));
  });
}
