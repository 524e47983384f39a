// "Does anyone hold this file open for writing?" — on Linux, from /proc: every process's open
// file descriptors (/proc/<pid>/fd/<n> → path) and their open flags (/proc/<pid>/fdinfo/<n>,
// O_WRONLY or O_RDWR). A copy over SMB/NFS by a slow commune connection, or a writer that pauses
// longer than the stability window, keeps its descriptor open: the file is not taken until the
// writer closes it. Only processes this user may inspect are seen (all of them as root, else the
// same user's — a Samba share served under the same account counts); where /proc cannot be read
// at all the answer is "unknown" and the caller waits a longer window instead.
import { readdir, readFile, readlink, realpath } from 'node:fs/promises';

/** How long one scan of /proc is reused for other files (ms). */
const SCAN_REUSE_MS = 500;

type Scan = Map<string, string[]> | null;

let lastScan: { at: number; result: Promise<Scan> } | null = null;

/** Every path some process has open (with the /proc fd entries that hold it); null without /proc. */
async function scanOpenFiles(): Promise<Scan> {
  if ((await readdir('/proc/self/fd').catch(() => null)) === null) return null;
  const pids = (await readdir('/proc').catch(() => [] as string[])).filter((n) => /^\d+$/.test(n));
  const open = new Map<string, string[]>();
  await Promise.all(
    pids.map(async (pid) => {
      const fds = await readdir(`/proc/${pid}/fd`).catch(() => null); // another user's process: not ours to see
      if (!fds) return;
      for (const fd of fds) {
        const target = await readlink(`/proc/${pid}/fd/${fd}`).catch(() => null);
        if (!target?.startsWith('/')) continue; // sockets, pipes, anon inodes
        const holders = open.get(target);
        if (holders) holders.push(`${pid}/${fd}`);
        else open.set(target, [`${pid}/${fd}`]);
      }
    }),
  );
  return open;
}

function currentScan(): Promise<Scan> {
  const now = Date.now();
  if (!lastScan || now - lastScan.at > SCAN_REUSE_MS) lastScan = { at: now, result: scanOpenFiles() };
  return lastScan.result;
}

const O_ACCMODE = 3; // O_WRONLY = 1, O_RDWR = 2

/** true: a process holds the file open for writing; false: none that we can see; null: cannot tell here (no /proc). */
export async function isOpenForWriting(file: string): Promise<boolean | null> {
  const scan = await currentScan();
  if (scan === null) return null;
  const real = await realpath(file).catch(() => null);
  if (!real) return false;
  for (const holder of scan.get(real) ?? []) {
    const [pid, fd] = holder.split('/');
    const info = await readFile(`/proc/${pid}/fdinfo/${fd}`, 'utf8').catch(() => null);
    const flags = info ? /^flags:\s+([0-7]+)/m.exec(info) : null;
    if (flags && (parseInt(flags[1]!, 8) & O_ACCMODE) !== 0) return true;
  }
  return false;
}

/** Forget the reused scan (tests that open and close writers quickly). */
export function forgetWriterScan(): void {
  lastScan = null;
}
