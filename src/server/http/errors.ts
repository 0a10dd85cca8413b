import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode } from '../errors.js';

interface Body {
  error: { code: ErrorCode; message: string; details?: unknown };
}

const body = (code: ErrorCode, message: string, details?: unknown): Body => ({ error: { code, message, details } });

const PART: Record<string, string> = { body: '请求内容', querystring: '查询参数', params: '路径参数', headers: '请求头' };

/** Maps every error to one JSON shape and a 4xx where the client is at fault; never a stack. */
export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) {
      const wait = (err.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
      if (err.code === 'RATE_LIMITED' && typeof wait === 'number') reply.header('retry-after', String(wait));
      return reply.status(err.status).send(body(err.code, err.message, err.details));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v) => ({
        path: v.instancePath.replace(/^\//, '').replace(/\//g, '.'),
        message: v.message ?? '格式不正确',
      }));
      const where = PART[err.validationContext ?? 'body'] ?? '请求';
      const first = issues[0];
      const msg = `${where}有误：${first?.path ? `${first.path} ` : ''}${first?.message ?? '格式不正确'}`;
      return reply.status(400).send(body('VALIDATION', msg, issues));
    }
    // drizzle wraps driver errors in DrizzleQueryError; the PostgreSQL code is on the cause.
    const pgCode = (err as { code?: string }).code ?? (err as { cause?: { code?: string } }).cause?.code;
    if (pgCode === '23505') return reply.status(409).send(body('CONFLICT', '数据重复：已存在相同的记录'));
    if (pgCode === '23503') return reply.status(409).send(body('CONFLICT', '数据仍被其他记录引用，或引用的记录不存在'));
    // Class 22 is "data exception": the value the client sent cannot be stored or compared
    // (a NUL byte, a too-long value, a malformed number or date). That is the client's fault.
    if (typeof pgCode === 'string' && pgCode.startsWith('22')) {
      return reply.status(400).send(body('VALIDATION', pgCode === '22021' ? '内容包含无效字符（如空字符）' : '参数格式不正确'));
    }
    switch (err.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
      case 'FST_REQ_FILE_TOO_LARGE':
      case 'FST_FILES_LIMIT':
      case 'FST_PARTS_LIMIT':
        return reply.status(413).send(body('PAYLOAD_TOO_LARGE', '上传内容过大'));
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
        return reply.status(415).send(body('UNSUPPORTED_MEDIA', '不支持的请求内容类型'));
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return reply.status(400).send(body('BAD_REQUEST', '请求体为空'));
    }
    // busboy reports a truncated or malformed upload with a plain Error and no code.
    if (!err.statusCode && /multipart|end of form|part header|boundary/i.test(err.message)) {
      return reply.status(400).send(body('BAD_REQUEST', '上传内容格式不正确或不完整，请重新选择文件上传'));
    }
    if (err.statusCode === 429) return reply.status(429).send(body('RATE_LIMITED', '请求过于频繁，请稍后再试'));
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      const msg = err instanceof SyntaxError || /JSON/i.test(err.message) ? '请求体不是有效的 JSON' : '请求无效';
      return reply.status(err.statusCode).send(body('BAD_REQUEST', msg));
    }
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send(body('INTERNAL', '服务器内部错误，请稍后重试或联系管理员'));
  });

  app.setNotFoundHandler((req, reply) => reply.status(404).send(body('NOT_FOUND', `找不到 ${req.method} ${req.url.split('?')[0]}`)));
}
