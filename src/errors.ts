// Errors that users see: a stable code and a Vietnamese message, made in one place.
// Anything else that escapes is a bug and is reported as INTERNAL.

export const ERROR_MESSAGES = {
  FILE_EMPTY: 'tệp rỗng',
  FILE_TOO_LARGE: 'tệp quá lớn',
  UNSUPPORTED_TYPE: 'không phải tệp Word (.docx, .doc) hoặc PDF',
  CORRUPT_DOCX: 'tệp Word bị hỏng hoặc không đọc được',
  CORRUPT_DOC: 'tệp Word 97-2003 (.doc) bị hỏng hoặc LibreOffice không đọc được',
  ENCRYPTED_DOC: 'tệp Word có mật khẩu: hãy bỏ mật khẩu rồi gửi lại',
  MACRO_DOC: 'tệp Word có macro (.docm): không mở vì an toàn, hãy lưu lại thành .docx',
  CONVERTER_MISSING: 'cần LibreOffice để đọc tệp Word 97-2003 (.doc), RTF: cài bằng apt-get install --no-install-recommends libreoffice-writer-nogui',
  CORRUPT_PDF: 'tệp PDF bị hỏng hoặc không đọc được',
  ENCRYPTED_PDF: 'tệp PDF có mật khẩu',
  EMPTY_PDF: 'tệp PDF không có trang nào',
  ZIP_BOMB: 'tệp nén có dung lượng giải nén vượt giới hạn',
  NO_TEXT: 'tệp PDF không có chữ đọc được (kể cả khi nhận dạng chữ trên ảnh quét)',
  OCR_UNAVAILABLE: 'bản quét cần phần mềm nhận dạng chữ chưa được cài đặt',
  OCR_TIMEOUT: 'nhận dạng chữ bản quét quá thời gian cho phép',
  OCR_FAILED: 'nhận dạng chữ bản quét bị lỗi',
  TIMEOUT: 'xử lý tệp quá thời gian cho phép',
  NOT_FOUND: 'không tìm thấy tệp',
  SYMLINK: 'không đọc, không chuyển tệp qua liên kết tượng trưng (symlink)',
  FILE_CHANGING: 'tệp vẫn đang được ghi (nội dung còn thay đổi): sẽ xử lý khi ghi xong',
  NOT_A_REPORT: 'không phải báo cáo chính quyền thân thiện',
  MEMORY_LIMIT: 'xử lý tệp vượt giới hạn bộ nhớ cho phép',
  JOB_STALLED: 'việc xử lý tệp bị gián đoạn nhiều lần (tiến trình xử lý dừng đột ngột)',
  DB_UNAVAILABLE: 'không kết nối được cơ sở dữ liệu, đã thử lại nhiều lần',
  INVALID_EXTRACTION: 'kết quả trích xuất không hợp lệ',
  INTERNAL: 'lỗi nội bộ',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export class BaocaoError extends Error {
  readonly code: ErrorCode;
  readonly detail: string | undefined;

  constructor(code: ErrorCode, detail?: string, options?: { cause?: unknown }) {
    super(detail ? `${ERROR_MESSAGES[code]} (${detail})` : ERROR_MESSAGES[code], options);
    this.name = 'BaocaoError';
    this.code = code;
    this.detail = detail;
  }
}

/** Any thrown value as a BaocaoError (unknown errors become INTERNAL with their message as detail). */
export function toBaocaoError(err: unknown): BaocaoError {
  if (err instanceof BaocaoError) return err;
  const detail = err instanceof Error ? err.message : String(err);
  return new BaocaoError('INTERNAL', detail.split('\n')[0], { cause: err });
}

/** The one-line message for staff: "<file>: <reason>". */
export function userLine(file: string, err: unknown): string {
  return `${file}: ${toBaocaoError(err).message}`;
}
