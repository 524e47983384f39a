// The `baocao` command: one small module per sub-command, imported only when that command runs
// (`baocao --help` loads commander alone; `extract` never loads the database or the web server).
import { Command, InvalidArgumentError } from 'commander';
import { toBaocaoError } from '../errors.ts';

/** An action that imports its command's module when it runs. */
function lazy<M, A extends unknown[]>(load: () => Promise<M>, pick: (m: M) => (...args: A) => Promise<void> | void) {
  return async (...args: A): Promise<void> => pick(await load())(...args);
}
const consolidateCommand = lazy(() => import('./consolidate.ts'), (m) => m.consolidateCommand);
const extractCommand = lazy(() => import('./extract.ts'), (m) => m.extractCommand);
const flagsCommand = lazy(() => import('./flags.ts'), (m) => m.flagsCommand);
const historyCommand = lazy(() => import('./history.ts'), (m) => m.historyCommand);
const ingestCommand = lazy(() => import('./ingest.ts'), (m) => m.ingestCommand);
const migrateCommand = lazy(() => import('./migrate.ts'), (m) => m.migrateCommand);
const serveCommand = lazy(() => import('./serve.ts'), (m) => m.serveCommand);
const tokenCreateCommand = lazy(() => import('./token.ts'), (m) => m.tokenCreateCommand);
const tokenListCommand = lazy(() => import('./token.ts'), (m) => m.tokenListCommand);
const tokenRevokeCommand = lazy(() => import('./token.ts'), (m) => m.tokenRevokeCommand);
const watchCommand = lazy(() => import('./watch.ts'), (m) => m.watchCommand);
const workerCommand = lazy(() => import('./worker.ts'), (m) => m.workerCommand);

// `baocao consolidate | head`: a reader that stops early is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

function positiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('phải là số nguyên dương');
  return n;
}

function period(v: string): string {
  if (!/^\d{4}(-(H[12]|Q[1-4]|9M))?$/.test(v)) throw new InvalidArgumentError('kỳ báo cáo có dạng 2024-H1, 2024-H2, 2024-Q1, 2024-9M hoặc 2024');
  return v;
}

const program = new Command()
  .name('baocao')
  .description('Tổng hợp báo cáo "chính quyền thân thiện" của các xã, phường, thị trấn')
  .showHelpAfterError();

program
  .command('extract')
  .description('Trích xuất một tệp báo cáo (.docx, .pdf)')
  .argument('<file>', 'tệp báo cáo')
  .option('--json', 'in JSON đúng theo hợp đồng trích xuất')
  .action(extractCommand);

program
  .command('ingest')
  .description('Xử lý mọi tệp trong thư mục và lưu vào cơ sở dữ liệu')
  .argument('<dir>', 'thư mục nhận báo cáo')
  .option('-c, --concurrency <n>', 'số tệp xử lý đồng thời', positiveInt)
  .option('--move', 'chuyển tệp đã xử lý vào processed/, failed/, duplicates/, not-a-report/')
  .option('--no-progress', 'không hiện thanh tiến trình')
  .action(ingestCommand);

program
  .command('consolidate')
  .description('Bảng tổng hợp theo kỳ: mỗi xã một dòng, cộng theo huyện')
  .requiredOption('-p, --period <period>', 'kỳ báo cáo, ví dụ 2024-H1', period)
  .option('-s, --scope <name>', "huyện hoặc tỉnh, ví dụ 'huyện Hiệp Hòa, tỉnh Bắc Giang', 'tỉnh Bắc Ninh' (mặc định BAOCAO_SCOPE)")
  .option('-f, --format <format>', 'table | csv | json | xlsx', 'table')
  .option('-o, --out <file>', 'ghi ra tệp (bắt buộc với xlsx)')
  .action(consolidateCommand);

program
  .command('flags')
  .description('Các cảnh báo của kỳ báo cáo')
  .requiredOption('-p, --period <period>', 'kỳ báo cáo, ví dụ 2024-H1', period)
  .option('--commune <name>', 'chỉ một xã/phường/thị trấn')
  .option('--code <code>', 'chỉ một mã cảnh báo')
  .option('-s, --scope <name>', 'huyện hoặc tỉnh (mặc định BAOCAO_SCOPE)')
  .option('--json', 'in JSON')
  .action(flagsCommand);

program
  .command('history')
  .description('Số liệu của một đơn vị qua các lần sắp xếp: của đơn vị và của các đơn vị tiền thân')
  .option('--code <code>', 'mã đơn vị cấp xã (có nghĩa cùng với --date)')
  .option('--name <name>', "tên đơn vị, ví dụ 'xã Hiệp Hòa, tỉnh Bắc Ninh'")
  .option('--date <date>', 'ngày (YYYY-MM-DD) của danh mục để đọc mã, tên; mặc định hôm nay')
  .option('--json', 'in JSON')
  .action(historyCommand);

program.command('migrate').description('Tạo/cập nhật lược đồ cơ sở dữ liệu').action(migrateCommand);

program
  .command('worker')
  .description('Chạy worker BullMQ xử lý tệp (cần DATABASE_URL và REDIS_URL)')
  .option('-c, --concurrency <n>', 'số việc đồng thời', positiveInt)
  .action(workerCommand);

program
  .command('watch')
  .description('Theo dõi thư mục nhận báo cáo, đưa mỗi tệp mới vào hàng đợi đúng một lần')
  .argument('<inbox>', 'thư mục nhận báo cáo')
  .option('--once', 'quét một lần rồi thoát')
  .action(watchCommand);

program
  .command('serve')
  .description('Trang tổng hợp và API cho huyện (một tiến trình: API, xử lý tệp, và theo dõi thư mục khi có --watch)')
  .option('--port <n>', 'cổng (mặc định BAOCAO_PORT hoặc 8080)', (v) => (v === '0' ? 0 : positiveInt(v)))
  .option('--host <host>', 'địa chỉ lắng nghe (mặc định BAOCAO_HOST hoặc 127.0.0.1)')
  .option('--watch', 'theo dõi thư mục nhận báo cáo (BAOCAO_INBOX) và xử lý tệp mới')
  .action(serveCommand);

const token = program.command('token').description('Mã truy cập API (viewer: xem; editor: xem, đính chính, tải tệp; admin: quản trị)');
token
  .command('create')
  .description('Tạo mã truy cập mới (in ra một lần)')
  .requiredOption('-r, --role <role>', 'viewer | editor | admin')
  .option('-n, --name <name>', 'tên người dùng mã')
  .option('--expires <when>', 'hết hạn: 30d (30 ngày), 12h, một ngày 2025-12-31 (dùng đến hết ngày đó) hoặc 2025-12-31T17:00:00+07:00')
  .action(tokenCreateCommand);
token.command('list').description('Danh sách mã truy cập').option('--all', 'cả mã đã thu hồi hoặc đã hết hạn').action(tokenListCommand);
token.command('revoke').description('Thu hồi mã truy cập').argument('<id>', 'mã số').action(tokenRevokeCommand);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  const e = toBaocaoError(err);
  process.stderr.write(`Lỗi: ${e.code === 'INTERNAL' ? (e.detail ?? e.message) : e.message}\n`);
  process.exitCode = 1;
}
