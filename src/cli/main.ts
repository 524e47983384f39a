// The `baocao` command: one small module per sub-command.
import { Command, InvalidArgumentError } from 'commander';
import { toBaocaoError } from '../errors.ts';
import { consolidateCommand } from './consolidate.ts';
import { extractCommand } from './extract.ts';
import { flagsCommand } from './flags.ts';
import { ingestCommand } from './ingest.ts';
import { migrateCommand } from './migrate.ts';
import { watchCommand } from './watch.ts';
import { workerCommand } from './worker.ts';

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
  .option('--no-progress', 'không hiện thanh tiến trình')
  .action(ingestCommand);

program
  .command('consolidate')
  .description('Bảng tổng hợp theo kỳ: mỗi xã một dòng, cộng theo huyện')
  .requiredOption('-p, --period <period>', 'kỳ báo cáo, ví dụ 2024-H1', period)
  .option('-f, --format <format>', 'table | csv | json', 'table')
  .action(consolidateCommand);

program
  .command('flags')
  .description('Các cảnh báo của kỳ báo cáo')
  .requiredOption('-p, --period <period>', 'kỳ báo cáo, ví dụ 2024-H1', period)
  .option('--json', 'in JSON')
  .action(flagsCommand);

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

try {
  await program.parseAsync(process.argv);
} catch (err) {
  const e = toBaocaoError(err);
  process.stderr.write(`Lỗi: ${e.code === 'INTERNAL' ? (e.detail ?? e.message) : e.message}\n`);
  process.exitCode = 1;
}
