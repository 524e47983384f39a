import path from 'node:path';
import { loadConfig } from '../config.ts';
import type { Extraction } from '../contract.ts';
import { userLine } from '../errors.ts';
import { extractFile } from '../pipeline.ts';
import { loadRegistry } from '../registry/index.ts';

export async function extractCommand(file: string, opts: { json?: boolean }): Promise<void> {
  const config = loadConfig();
  try {
    const result = await extractFile(file, { registry: loadRegistry(), maxFileBytes: config.maxFileBytes });
    if (opts.json) {
      process.stdout.write(`${JSON.stringify(result.extraction, null, 2)}\n`);
      return;
    }
    if (result.kind === 'not_a_report') {
      process.stdout.write(`${path.basename(file)}: không phải báo cáo — ${result.reason}\n`);
      return;
    }
    process.stdout.write(summary(result.extraction));
  } catch (err) {
    process.stderr.write(`${userLine(file, err)}\n`);
    process.exitCode = 1;
  }
}

function v(x: unknown): string {
  return x === null || x === undefined ? '—' : String(x);
}

/** A readable summary of one extraction, in Vietnamese. */
export function summary(e: Extraction): string {
  const p = e.profile;
  const lines = [
    `Tệp: ${e.source.file} (${e.source.format})`,
    `Đơn vị: ${v(e.unit.communeKind)} ${v(e.unit.commune)}, huyện ${v(e.unit.district)}, tỉnh ${v(e.unit.province)}`,
    `Kỳ báo cáo: ${v(e.period)}   Số: ${v(e.document.number)}   Ngày: ${v(e.document.date)}`,
    `Tiêu đề: ${v(e.document.title)}`,
    `Người ký: ${v(e.document.signer.name)} (${v(e.document.signer.position)})`,
    `Diện tích: ${v(p.areaHa)} ha   Dân số: ${v(p.population)}   Số hộ: ${v(p.households)}   Thôn/TDP: ${v(p.villages)}`,
    `Chi bộ: ${v(p.partyCells)}   Đảng viên: ${v(p.partyMembers)}   CB, CC: ${v(p.cadres)} (${v(p.canBo)} cán bộ + ${v(p.congChuc)} công chức)   Công an: ${v(p.police)}`,
    `Thu nhập BQ: ${v(p.incomePerCapitaMillionVnd)} tr.đ/người/năm   Cách trung tâm huyện: ${v(p.distanceToDistrictKm)} km`,
    `Tiêu chí: ${e.criteria.length ? e.criteria.map((c) => `nhóm ${c.group}: ${c.met}/${c.total}${c.unmet.length ? ` (chưa đạt ${c.unmet.join(', ')})` : ''}`).join('; ') : '—'}`,
    `Phiếu khảo sát: ${v(e.surveys.done)}/${v(e.surveys.planned)}   Hài lòng: ${v(e.satisfactionPercent)}%   Đăng ký: ${v(e.starsRegistered)} sao`,
    `Băng rôn: ${v(e.propaganda.banners)}   Pano: ${v(e.propaganda.panels)}`,
    `Ban chỉ đạo: ${v(e.steeringCommittee.members)} thành viên, trưởng ban ${v(e.steeringCommittee.head)}   Tổ giúp việc: ${v(e.supportTeam.members)}, tổ trưởng ${v(e.supportTeam.leader)}`,
    `Tập huấn: ${v(e.training.classes)} lớp, ${v(e.training.participants)} người   Kiểm tra, giám sát: ${v(e.inspections)} cuộc`,
    `Kinh phí dự toán: ${v(e.budget.planned.total)} (huyện ${v(e.budget.planned.district)}, xã ${v(e.budget.planned.commune)})   Đã triển khai: ${v(e.budget.disbursed.total)} (huyện ${v(e.budget.disbursed.district)}, xã ${v(e.budget.disbursed.commune)}) tr.đ`,
    `Văn bản trích dẫn: ${e.references.length}`,
    `Cảnh báo (${e.flags.length}):`,
    ...e.flags.map((f) => `  - [${f.code}] ${f.message}`),
  ];
  return `${lines.join('\n')}\n`;
}
