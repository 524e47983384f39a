// One logger for the process, on stderr (stdout is for command output such as --json).
import pino from 'pino';

export const log = pino(
  { level: process.env.LOG_LEVEL ?? 'warn', base: undefined },
  pino.destination({ fd: 2, sync: true }),
);
export type Logger = typeof log;
