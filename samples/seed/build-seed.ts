// The seed report (a real report of xã Đông Lỗ, huyện Hiệp Hòa, 6 tháng đầu năm 2024) rebuilt
// as a Word file: every paragraph of its text (dong-lo-2024-h1.source.txt), in order and with
// its words unchanged — errors included ('QUẢN TRỊỆT', 'Đông Lễ', 'Hiệp Hoà', paragraphs split
// at the original's page breaks) — laid out as the original: a borderless two-column header,
// bold centered title, bold headings, justified body, 'Nơi nhận' and the signature side by
// side, and the annexes (landscape) with the seed's merged header cells.
//
//   npx tsx samples/seed/build-seed.ts        writes dong-lo-2024-h1.docx and .pdf here
//
// (`npm run samples` does the same as part of the whole set.)
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  annexCaption, annexTitle, tableBudget, tableDocuments, tableInspections, tableStars,
  tableSteeringCommune, tableSteeringDistrict, tableSupportCommune, tableSupportDistrict, tableTraining,
} from '../lib/annex.ts';
import { headerBlocks, signatureBlocks, titleBlocks } from '../lib/layout.ts';
import { para, type Block, type DocModel } from '../lib/model.ts';

export const SEED_ID = 'dong-lo-2024-h1';
export const SEED_DIR = fileURLToPath(new URL('.', import.meta.url));
export const SEED_SOURCE = fileURLToPath(new URL(`./${SEED_ID}.source.txt`, import.meta.url));

/** Lines of the header that the seed's text lost and the rebuilt file has (see README). */
export const SEED_ADDED_LINES = ['UBND XÃ ĐÔNG LỖ', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'];

const BODY_FIRST = 'Thực hiện Công văn số 1901-CV/BCĐ';
const BODY_LAST = 'Trên đây là báo cáo việc xây dựng chính quyền thân thiện';

/** The seed's body paragraphs (between the title and 'Nơi nhận:'), from its text. */
function bodyParagraphs(source: string): string[] {
  const paras = source.replace(/\r\n/g, '\n').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  const from = paras.findIndex((p) => p.startsWith(BODY_FIRST));
  const to = paras.findIndex((p) => p.startsWith(BODY_LAST));
  if (from < 0 || to < from) throw new Error('seed source: body not found');
  return paras.slice(from, to + 1);
}

/** One body paragraph with the formatting its numbering calls for. `*x*` in the text is italics. */
function bodyBlock(text: string): Block {
  const md = text.replace(/\*([^*\s][^*]*)\*/g, '<i>$1</i>');
  const body = { align: 'justify' as const, indentCm: 1, spaceAfterPt: 6 };
  if (/^(I|II|III|IV|V|VI|VII|VIII|IX|X)\.\s/.test(text)) return para(`<b>${md}</b>`, { ...body, keepNext: true });
  const crit = /^(\d+\.\d+\. Kết quả thực hiện nhóm tiêu chí \d+: [^:]+:)\s(.*)$/s.exec(md);
  if (crit) return para(`<b><i>${crit[1]}</i></b> ${crit[2]}`, body);
  if (/^\d+\.\d+\.\s/.test(text)) return para(`<b><i>${md}</i></b>`, { ...body, keepNext: true });
  if (/^\d+\.\s/.test(text)) return para(`<b>${md}</b>`, { ...body, keepNext: true });
  if (/^[a-z][).]\s/.test(text)) return para(`<i>${md}</i>`, { ...body, keepNext: true });
  return para(md, body);
}

export function seedModel(source = readFileSync(SEED_SOURCE, 'utf8')): DocModel {
  const blocks: Block[] = [
    ...headerBlocks({
      mode: 'table2x2',
      issuer: ['UBND XÃ ĐÔNG LỖ'],
      numberLine: 'Số: /BC-UBND',
      dateLine: 'Đông Lỗ, ngày    tháng 6 năm 2024',
    }),
    ...titleBlocks('Kết quả xây dựng chính quyền thân thiện xã Đông Lỗ 6 tháng đầu năm, triển khai nhiệm vụ 6 tháng cuối năm 2024'),
    ...bodyParagraphs(source).map(bodyBlock),
    ...signatureBlocks({
      mode: 'table',
      recipients: ['- Phòng Nội vụ (b/c);', '- TT Đảng uỷ-HĐND;', '- Chủ tịch, các PCT xã;', '- Lưu VT.'],
      recipientsAsLines: true,
      authority: ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
      name: 'Trần Văn Thìn',
    }),

    // Annex 1: steering committee and support team.
    { kind: 'section', landscape: true },
    annexTitle(['BIỂU TỔNG HỢP', 'Thành viên Ban chỉ đạo Chính quyền thân thiện']),
    annexCaption('1. Ban chỉ đạo Chính quyền thân thiện cấp huyện'),
    tableSteeringDistrict(),
    annexCaption('2. Tổ giúp việc Ban chỉ đạo Chính quyền thân thiện cấp huyện'),
    tableSupportDistrict(),
    annexCaption('3. Ban chỉ đạo chính quyền thân thiện cấp xã'),
    tableSteeringCommune({ tt: '', unitLabel: 'Đảng ủy xã Đông Lễ', members: '17', head: 'Bí thư Đảng ủy' }),
    annexCaption('4. Tổ giúp việc Ban chỉ đạo Chính quyền thân thiện cấp xã'),
    tableSupportCommune({ tt: '', unitLabel: 'Đảng ủy xã Đông Lễ', members: '9', leader: 'Công chức Văn phòng' }),

    // Annex 2: documents issued (the template, left empty).
    { kind: 'section', landscape: true },
    annexTitle([
      'BIỂU TỔNG HỢP',
      'Các văn bản lãnh đạo, chỉ đạo, triển khai xây dựng chính quyền thân thiện',
      '(Số liệu tính từ tháng 01/2024 đến nay)',
    ]),
    tableDocuments(),

    // Annex 3: training, inspections, budget.
    { kind: 'section', landscape: true },
    annexTitle([
      'TỔNG HỢP',
      'Công tác tập huấn, kiểm tra, giám sát và kết quả đầu tư',
      'kinh phí xây dựng chính quyền thân thiện',
      '(Số liệu tính từ tháng 01/2024 đến nay)',
    ]),
    annexCaption('1. Công tác tập huấn về xây dựng chính quyền thân thiện'),
    tableTraining({ classes: '0', target: '0', participants: '0' }),
    annexCaption('2. Công tác kiểm tra, giám sát về chính quyền thân thiện'),
    tableInspections({ count: '1', unit: 'Ban dân vận', content: 'Xây dựng CQTT' }),
    annexCaption('3. Kinh phí đầu tư cho chính quyền thân thiện năm 2024'),
    tableBudget({
      year: 2024, until: 'tháng 6/2024', tt: '1', communeLabel: 'Đông Lỗ', split: true,
      planned: ['10', '0', '10'], disbursed: ['0', '0', '0'], totalRow: 'blank',
    }),
    para('<i>Đơn vị tính: Triệu đồng</i>', { align: 'right', size: 12, spaceBeforePt: 3 }),

    // Annex 4: star registration.
    { kind: 'section', landscape: true },
    annexTitle(['TỔNG HỢP', 'Kết quả đăng ký đơn vị đạt chuẩn chính quyền thân thiện năm 2024']),
    tableStars({ year: 2024, tt: '1', district: 'Hiệp Hoà', commune: 'Đông Lỗ', stars: 3, extraRows: true }),
  ];
  return {
    font: 'Times New Roman',
    size: 14,
    blocks,
    title: 'Báo cáo kết quả xây dựng chính quyền thân thiện xã Đông Lỗ 6 tháng đầu năm 2024',
    author: 'UBND xã Đông Lỗ',
    created: '2024-06-20T08:00:00Z',
  };
}

// Run directly: write the seed's .docx and .pdf beside this script.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { writeDocxAndPdf } = await import('../lib/outputs.ts');
  const files = await writeDocxAndPdf(seedModel(), SEED_ID, SEED_DIR);
  for (const f of files) console.log('wrote', f);
}
