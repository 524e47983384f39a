// zod schemas of the API's inputs; the messages are for staff, in Vietnamese.
import { z } from 'zod';
import { parseExpiry, TOKEN_ROLES } from '../db/repositories/tokens.ts';

const PERIOD = /^\d{4}(-(H[12]|Q[1-4]|9M))?$/;
const PERIOD_MESSAGE = 'kỳ báo cáo có dạng 2024-H1, 2024-H2, 2024-Q1 … 2024-Q4, 2024-9M hoặc 2024';

export const Period = z.string({ error: `thiếu kỳ báo cáo — ${PERIOD_MESSAGE}` }).trim().regex(PERIOD, PERIOD_MESSAGE);

export const PeriodQuery = z.object({ period: Period });

export const FlagsQuery = z.object({
  period: Period,
  commune: z.string().trim().max(100, 'tên xã quá dài').optional().transform((v) => v || undefined),
  code: z
    .string()
    .trim()
    .regex(/^[A-Z_]{3,40}$/, 'mã cảnh báo viết hoa, ví dụ MISSING_SUBMISSION')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  severity: z.enum(['info', 'warning', 'error'], { error: 'mức độ là info, warning hoặc error' }).optional(),
});

export const IdParams = z.object({
  id: z
    .string()
    .regex(/^[1-9]\d{0,8}$/, 'mã phải là số nguyên dương')
    .transform(Number),
});

export const CorrectionBody = z.object(
  {
    path: z
      .string({ error: 'thiếu trường cần sửa (path), ví dụ profile.population' })
      .trim()
      .min(1, 'thiếu trường cần sửa (path), ví dụ profile.population')
      .max(200, 'đường dẫn trường quá dài'),
    value: z.union([z.number(), z.string().max(2000, 'giá trị quá dài'), z.null()], {
      error: (issue) => (issue.input === undefined ? 'thiếu giá trị mới (value); null nghĩa là báo cáo không nêu' : 'giá trị mới phải là số, chữ hoặc null'),
    }),
    reason: z
      .string({ error: 'thiếu lý do đính chính (reason)' })
      .trim()
      .min(3, 'lý do đính chính cần ít nhất 3 ký tự')
      .max(1000, 'lý do đính chính quá dài (tối đa 1000 ký tự)'),
  },
  { error: 'nội dung phải là JSON dạng {"path": …, "value": …, "reason": …}' },
);

export const TokenBody = z.object(
  {
    name: z.string({ error: 'thiếu tên (name) của người dùng mã' }).trim().min(1, 'tên không được để trống').max(100, 'tên quá dài'),
    role: z.enum(TOKEN_ROLES, { error: 'quyền (role) là viewer, editor hoặc admin' }),
    /** Optional expiry: "30d", "12h", a date "2025-12-31" (valid through that day, Vietnam time) or an ISO date-time. */
    expires: z
      .string({ error: 'hạn dùng (expires) là chuỗi, ví dụ "30d" hoặc "2025-12-31"' })
      .trim()
      .max(40, 'hạn dùng quá dài')
      .optional()
      .transform((v, ctx) => {
        if (!v) return undefined;
        try {
          return parseExpiry(v);
        } catch (err) {
          ctx.addIssue({ code: 'custom', message: (err as Error).message });
          return z.NEVER;
        }
      }),
  },
  { error: 'nội dung phải là JSON dạng {"name": …, "role": "viewer" | "editor" | "admin", "expires"?: "30d" | "2025-12-31"}' },
);

export const UploadHeaders = z.object({
  'x-file-name': z.string().max(1000).optional(),
});

/** A district or province as written ('huyện Hiệp Hòa, tỉnh Bắc Giang', 'tỉnh Bắc Ninh'); empty = the configured one. */
const Scope = z
  .string()
  .trim()
  .max(200, 'phạm vi quá dài')
  .optional()
  .transform((v) => v || undefined);

export const PeriodScopeQuery = PeriodQuery.extend({ scope: Scope });

export const FlagsScopeQuery = FlagsQuery.extend({ scope: Scope });

const IsoDay = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày có dạng YYYY-MM-DD, ví dụ 2025-08-01')
  .optional()
  .transform((v) => v || undefined);

export const UnitCodeParams = z.object({ code: z.string().regex(/^\d{5}$/, 'mã đơn vị cấp xã có 5 chữ số, ví dụ 07840') });

export const UnitHistoryQuery = z.object({ date: IsoDay });

export const UnitHistoryByNameQuery = z.object({
  name: z.string({ error: "thiếu tên đơn vị (name), ví dụ 'xã Hiệp Hòa, tỉnh Bắc Ninh'" }).trim().min(3, 'tên đơn vị quá ngắn').max(200, 'tên đơn vị quá dài'),
  date: IsoDay,
});

// Issue 13: the workspace's work items.

const FlagStateEnum = z.enum(['open', 'resolved', 'dismissed'], { error: 'trạng thái là open (chưa xử lý), resolved (đã xử lý) hoặc dismissed (bỏ qua)' });

export const FlagsStateQuery = FlagsScopeQuery.extend({ state: FlagStateEnum.optional().or(z.literal('').transform(() => undefined)) });

export const FlagStateBody = z.object(
  {
    period: Period,
    flagId: z.string({ error: 'thiếu mã cảnh báo (flagId)' }).trim().min(2, 'thiếu mã cảnh báo (flagId)').max(300, 'mã cảnh báo quá dài'),
    state: FlagStateEnum,
    note: z.string().trim().max(1000, 'ghi chú quá dài (tối đa 1000 ký tự)').optional().transform((v) => v || null),
    scope: Scope,
  },
  { error: 'nội dung phải là JSON dạng {"period": …, "flagId": …, "state": "resolved" | "dismissed" | "open", "note"?: …}' },
);

const IsoDate = z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, 'hạn nộp có dạng YYYY-MM-DD, ví dụ 2024-07-15');

export const PeriodBody = z.object(
  {
    period: Period,
    deadline: IsoDate.nullable().optional().or(z.literal('').transform(() => null)).transform((v) => v ?? null),
  },
  { error: 'nội dung phải là JSON dạng {"period": "2025-H1", "deadline"?: "2025-07-15"}' },
);

export const AliasBody = z.object(
  {
    reportId: z.number({ error: 'thiếu số báo cáo (reportId)' }).int().positive(),
    level: z.enum(['commune', 'district'], { error: 'cấp (level) là commune (xã) hoặc district (huyện)' }),
    targetCode: z.string({ error: 'thiếu mã đơn vị đúng (targetCode)' }).trim().regex(/^\d{3}(\d{2})?$/, 'mã đơn vị: 5 chữ số (xã) hoặc 3 chữ số (huyện)'),
    reason: z.string({ error: 'thiếu lý do (reason)' }).trim().min(3, 'lý do cần ít nhất 3 ký tự').max(1000, 'lý do quá dài'),
  },
  { error: 'nội dung phải là JSON dạng {"reportId": …, "level": "commune" | "district", "targetCode": …, "reason": …}' },
);

export const AliasCandidatesQuery = z.object({
  level: z.enum(['commune', 'district'], { error: 'cấp (level) là commune hoặc district' }).default('commune'),
  scope: Scope,
});

export const LetterQuery = PeriodScopeQuery.extend({
  reportId: z.string().regex(/^[1-9]\d{0,8}$/, 'số báo cáo là số nguyên dương').transform(Number).optional(),
});

export const PreviewQuery = z.object({
  path: z.string().trim().max(200, 'đường dẫn trường quá dài').optional().transform((v) => v || undefined),
});
