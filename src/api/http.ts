// HTTP errors with a stable code and a Vietnamese message, and zod validation for Fastify
// (Vietnamese messages: zod's 'vi' locale, with shorter wording for the usual issues).
import type { FastifyError, FastifySchemaCompiler } from 'fastify';
import { z } from 'zod';
import { issueMessage } from '../consolidate/corrections.ts';

export type ErrorCode =
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'TOO_MANY_REQUESTS'
  | 'UNAVAILABLE'
  | 'INTERNAL';

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    readonly issues?: { path: string; message: string }[],
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const badRequest = (message: string, issues?: { path: string; message: string }[]) => new HttpError(400, 'BAD_REQUEST', message, issues);
export const notFound = (message: string) => new HttpError(404, 'NOT_FOUND', message);

export interface ErrorBody {
  error: { code: ErrorCode; message: string; issues?: { path: string; message: string }[] };
}

const vi = z.locales.vi();

/** What zod reports, as Fastify's validation errors (kept on error.validation for the handler). */
interface Issue {
  keyword: string;
  instancePath: string;
  schemaPath: string;
  params: Record<string, unknown>;
  message: string;
}

export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> = ({ schema }) => (data) => {
  const result = schema.safeParse(data, { error: vi.localeError });
  if (result.success) return { value: result.data };
  const issues: Issue[] = result.error.issues.map((issue) => ({
    keyword: issue.code,
    instancePath: issue.path.map(String).join('.'),
    schemaPath: '',
    params: {},
    message: customOr(issue),
  }));
  return { error: issues as unknown as Error };
};

/** A message set on the schema wins; else the short Vietnamese one. */
function customOr(issue: z.core.$ZodIssue): string {
  const viDefault = /^(Đầu vào không hợp lệ|Quá lớn|Quá nhỏ|Chuỗi không hợp lệ|Tùy chọn không hợp lệ|Khóa không được nhận dạng)/.test(issue.message);
  if (!viDefault) return issue.message;
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'bắt buộc, chưa có';
  if (issue.code === 'invalid_value') return `phải là một trong: ${issue.values.map(String).join(', ')}`;
  return issueMessage(issue);
}

const CONTEXT: Record<string, string> = { body: 'nội dung gửi lên', querystring: 'tham số', params: 'đường dẫn', headers: 'tiêu đề' };

/** Any error as the JSON body and status the API answers with. */
export function toErrorResponse(err: unknown): { status: number; body: ErrorBody } {
  if (err instanceof HttpError) {
    return { status: err.statusCode, body: { error: { code: err.code, message: err.message, ...(err.issues ? { issues: err.issues } : {}) } } };
  }
  const fe = err as Omit<Partial<FastifyError>, 'validation'> & { validation?: Issue[]; validationContext?: string };
  if (fe.validation) {
    const issues = fe.validation.map((v) => ({ path: v.instancePath, message: v.message }));
    const where = CONTEXT[fe.validationContext ?? ''] ?? 'dữ liệu';
    const first = issues[0];
    const message = `${where[0]!.toUpperCase()}${where.slice(1)} không hợp lệ${first ? `: ${first.path ? `${first.path} — ` : ''}${first.message}` : ''}`;
    return { status: 400, body: { error: { code: 'BAD_REQUEST', message, issues } } };
  }
  switch (fe.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
      return { status: 413, body: { error: { code: 'PAYLOAD_TOO_LARGE', message: 'Tệp quá lớn' } } };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, body: { error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Kiểu nội dung không được hỗ trợ' } } };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { status: 400, body: { error: { code: 'BAD_REQUEST', message: 'Nội dung gửi lên không phải JSON hợp lệ' } } };
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return { status: 400, body: { error: { code: 'BAD_REQUEST', message: 'Cần gửi tệp dạng multipart/form-data (trường "file")' } } };
  }
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return { status: fe.statusCode, body: { error: { code: 'BAD_REQUEST', message: `Yêu cầu không hợp lệ (${fe.message ?? ''})` } } };
  }
  return { status: 500, body: { error: { code: 'INTERNAL', message: 'Lỗi nội bộ của máy chủ' } } };
}
