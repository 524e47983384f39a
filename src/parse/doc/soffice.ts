// LibreOffice (headless) as a converter of legacy Word-family files (.doc, RTF, HTML, Word 2003
// XML) to .docx. Each call runs its own soffice process with its own user profile, in a fresh
// temporary folder that is removed afterwards, and is bounded in time twice over:
//   - soffice runs under coreutils `timeout` (own process group; the whole group is killed),
//     which holds even when the thread that started it is terminated (a parse deadline);
//   - a timer here kills the process group too and reports TIMEOUT.
// Measured here (2 cores, loaded machine): 4–7 s per corpus .doc, ~210 MB peak RSS of soffice;
// a reused profile saved nothing measurable, so every call starts fresh.
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadConfig } from '../../config.ts';
import { BaocaoError } from '../../errors.ts';

/** Input kinds and the import filter LibreOffice needs for them (null: it finds out itself). */
const INPUT_FILTERS = {
  doc: null,
  rtf: null,
  html: 'HTML (StarWriter)',
  wordml: null,
} as const;

export type ConvertibleKind = keyof typeof INPUT_FILTERS;

const TMP_PREFIX = 'baocao-lo-';
/** Left-over folders of calls whose thread was terminated are removed after this long. */
const STALE_MS = 60 * 60 * 1000;

/** The soffice executable: $BAOCAO_SOFFICE when set (only it), else `soffice`/`libreoffice` on
 *  PATH, else the usual install folders; null when LibreOffice is not installed. */
export function findSoffice(): string | null {
  const forced = process.env.BAOCAO_SOFFICE;
  if (forced) return isExecutable(forced) ? forced : null;
  const candidates = [
    ...(process.env.PATH ?? '').split(delimiter).filter(Boolean).flatMap((d) => [join(d, 'soffice'), join(d, 'libreoffice')]),
    '/usr/lib/libreoffice/program/soffice',
    '/opt/libreoffice/program/soffice',
    '/Applications/LibreOffice.app/Contents/MacOS/soffice',
  ];
  return candidates.find(isExecutable) ?? null;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

let timeoutMemo: string | null | undefined;

/** coreutils `timeout`, or null (then only the timer here bounds soffice). */
function timeoutBinary(): string | null {
  if (timeoutMemo !== undefined) return timeoutMemo;
  timeoutMemo = ['/usr/bin/timeout', '/bin/timeout'].find(isExecutable) ?? null;
  return timeoutMemo;
}

/** The time one conversion may take: 80 % of the per-file parse deadline (it also covers
 *  reading the result and extracting), at least 10 s. */
export function defaultConvertTimeoutMs(): number {
  let parseMs = 120_000;
  try {
    parseMs = loadConfig().parseTimeoutMs;
  } catch {
    /* invalid environment: the default */
  }
  return Math.max(10_000, Math.round(parseMs * 0.8));
}

export interface ConvertOptions {
  timeoutMs?: number;
}

/** Converts one file to .docx with LibreOffice; resolves the .docx bytes. Throws BaocaoError:
 *  CONVERTER_MISSING, TIMEOUT, CORRUPT_DOC. */
export async function convertToDocx(input: Buffer, kind: ConvertibleKind, opts: ConvertOptions = {}): Promise<Buffer> {
  const soffice = findSoffice();
  if (!soffice) throw new BaocaoError('CONVERTER_MISSING');
  const timeoutMs = opts.timeoutMs ?? defaultConvertTimeoutMs();
  void sweepStale();
  const dir = await mkdtemp(join(tmpdir(), TMP_PREFIX));
  try {
    const ext = kind === 'wordml' ? 'xml' : kind;
    const inFile = join(dir, `in.${ext}`);
    const outDir = join(dir, 'out');
    await writeFile(inFile, input);
    await mkdir(outDir);
    const filter = INPUT_FILTERS[kind];
    const args = [
      '--headless', '--norestore', '--nologo', '--nolockcheck', '--nodefault', '--nofirststartwizard',
      `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
      ...(filter ? [`--infilter=${filter}`] : []),
      '--convert-to', 'docx:MS Word 2007 XML', '--outdir', outDir, inFile,
    ];
    const { code, stderr, timedOut } = await run(soffice, args, timeoutMs);
    if (timedOut) throw new BaocaoError('TIMEOUT', `LibreOffice quá ${Math.round(timeoutMs / 1000)} s`);
    const out = await readFile(join(outDir, 'in.docx')).catch(() => null);
    if (!out || out.length === 0) {
      const why = stderr.split('\n').map((l) => l.trim()).find((l) => /error/i.test(l)) ?? (code ? `LibreOffice thoát với mã ${code}` : 'LibreOffice không tạo được .docx');
      throw new BaocaoError('CORRUPT_DOC', why.slice(0, 160));
    }
    return out;
  } finally {
    await rm(dir, { recursive: true, force: true }).catch(() => {});
  }
}

interface RunResult {
  code: number | null;
  stderr: string;
  timedOut: boolean;
}

/** Runs soffice in its own process group with stdin closed (a password prompt gets no answer),
 *  under `timeout` when there is one; past the deadline the whole group is killed. */
function run(soffice: string, args: string[], timeoutMs: number): Promise<RunResult> {
  const t = timeoutBinary();
  const secs = Math.max(1, Math.ceil(timeoutMs / 1000));
  const [cmd, argv] = t ? [t, ['-k', '5', String(secs), soffice, ...args]] : [soffice, args];
  return new Promise((resolve) => {
    const child = spawn(cmd, argv, {
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: true,
      env: { ...process.env, SAL_USE_VCLPLUGIN: 'svp', HOME: process.env.HOME ?? tmpdir() },
    });
    let stderr = '';
    let timedOut = false;
    child.stderr.on('data', (d: Buffer) => {
      if (stderr.length < 16_384) stderr += d.toString('utf8');
    });
    const killGroup = () => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, timeoutMs + 2_000);
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve({ code: -1, stderr: err.message, timedOut: false });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      // `timeout` exits 124 (137 after -k) when it had to stop soffice.
      if (code === 124 || code === 137 || signal === 'SIGKILL') timedOut = true;
      // soffice may leave helpers behind in its group: end them.
      killGroup();
      resolve({ code, stderr, timedOut });
    });
  });
}

/** Removes temporary folders of earlier calls that did not clean up (their thread was ended). */
async function sweepStale(): Promise<void> {
  try {
    const now = Date.now();
    for (const name of await readdir(tmpdir())) {
      if (!name.startsWith(TMP_PREFIX)) continue;
      const p = join(tmpdir(), name);
      const s = await stat(p).catch(() => null);
      if (s && now - s.mtimeMs > STALE_MS) await rm(p, { recursive: true, force: true }).catch(() => {});
    }
  } catch {
    /* best effort */
  }
}
