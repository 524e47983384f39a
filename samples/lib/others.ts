// Documents that are NOT friendly-government reports, as a commune's inbox also receives them:
// an invitation (GIẤY MỜI) and minutes (BIÊN BẢN) about the friendly-government work, a plan
// (KẾ HOẠCH) for it, and reports on other topics (natural disasters; administrative reform,
// which mentions the friendly-government model in passing). Several of them are full of the
// words and numbers a report has (criteria ratios, committee members, population): a correct
// pipeline still stores them as `not_a_report`, with no values. Their expected file has
// `notAReport: true`, every field null and no flags.
import { emptyFields, type FlagCode } from '../../src/contract.ts';
import { Body } from './body.ts';
import { communeFacts, NO_FEATURES, type ComposedReport, type OtherKind, type Output, type RenderStyle, type ReportSpec, type SamplePeriod } from './compose.ts';
import type { Expected } from './expected.ts';
import { headerBlocks, signatureBlocks, titleBlocks } from './layout.ts';
import { cell, modelToText, para, type Block, type DocModel, type Table } from './model.ts';
import { Rng } from './prng.ts';
import type { Unit } from './units.ts';
import { clean, fmtDateSlash, fmtDateWords, isoDate, slug, upper, type YMD } from './vn.ts';

const KINDS: { kind: OtherKind; suffix: string; output: Output; period: SamplePeriod; unitIndex: number }[] = [
  { kind: 'invitation', suffix: 'giay-moi', output: 'docx', period: '2024-H1', unitIndex: 0 },
  { kind: 'minutes', suffix: 'bien-ban', output: 'docx-lo', period: '2024-H1', unitIndex: 4 },
  { kind: 'disaster', suffix: 'bc-thien-tai', output: 'pdf-lo', period: '2024-H1', unitIndex: 6 },
  { kind: 'plan', suffix: 'ke-hoach', output: 'pdf-docx', period: '2024', unitIndex: 8 },
  { kind: 'reform', suffix: 'bc-cchc', output: 'docx-nfd', period: '2025-H1', unitIndex: 10 },
];

/** The other documents, for communes of the plan (distinct communes in plan order). */
export function planOthers(units: readonly Unit[], seed: string, startIndex: number): ReportSpec[] {
  return KINDS.filter((k) => k.unitIndex < units.length).map((k, i) => {
    const u = units[k.unitIndex]!;
    const kindWord = u.communeKind === 'xã' ? '' : u.communeKind === 'phường' ? 'p-' : 'tt-';
    return {
      id: `${slug(u.district)}-${kindWord}${slug(u.commune)}-${k.period.toLowerCase()}-${k.suffix}`,
      unit: u,
      period: k.period,
      output: k.output,
      features: NO_FEATURES,
      seed,
      index: startIndex + i,
      other: k.kind,
    };
  });
}

const STYLE: RenderStyle = {
  headerMode: 'table2x2', headingMode: 'bold', signatureMode: 'table', top: 'roman', sub: 'dot', size: 14, recipientsAsLines: true,
};

export function composeOther(spec: ReportSpec): ComposedReport {
  const kind = spec.other!;
  const u = spec.unit;
  const rng = Rng.from(spec.seed, spec.id);
  const f = communeFacts(spec.seed, u, spec.period);
  const kw = u.communeKind;
  const Kw = kw[0]!.toUpperCase() + kw.slice(1);
  const C = u.commune;
  const Y = Number(spec.period.slice(0, 4));
  const dk = u.districtKind;
  const vw = kw === 'xã' ? 'thôn' : 'tổ dân phố';
  const date: YMD = kind === 'plan' ? { y: Y + 1, m: 1, d: rng.int(6, 20) } : { y: Y, m: 6, d: rng.int(5, 25) };
  const no = rng.int(3, 120);
  const symbol = { invitation: 'GM-UBND', minutes: 'BB-BCĐ', disaster: 'BC-UBND', plan: 'KH-UBND', reform: 'BC-UBND' }[kind];
  const blocks: Block[] = headerBlocks({
    mode: kind === 'disaster' ? 'table1x2' : 'table2x2',
    issuer: kind === 'minutes' ? [`UBND ${upper(kw)} ${upper(C)}`, 'BAN CHỈ ĐẠO XÂY DỰNG CQTT'] : [`UBND ${upper(kw)} ${upper(C)}`],
    numberLine: `Số: ${String(no).padStart(2, '0')}/${symbol}`,
    dateLine: `${C}, ${fmtDateWords(date, true)}`,
  });
  const body = new Body('roman', 'dot', kind === 'reform' ? 'styles' : 'bold');
  const members = rng.int(13, 19);
  const half = `6 tháng đầu năm ${Y}`;
  const chair = { name: f.signer.name, position: f.signer.position };
  const authority = chair.position === 'Chủ tịch' ? ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'] : ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'];
  const recipients = ['- Như trên;', `- Lưu: VT.`];
  let docTitle = '';

  switch (kind) {
    case 'invitation': {
      docTitle = `Dự Hội nghị sơ kết ${half} xây dựng chính quyền thân thiện`;
      blocks.push(...titleBlocks(docTitle, { kind: 'GIẤY MỜI' }));
      body.p(`Thực hiện Kế hoạch của Ban chỉ đạo xây dựng chính quyền thân thiện ${kw} ${C} năm ${Y}, Ủy ban nhân dân ${kw} tổ chức Hội nghị sơ kết ${half} xây dựng chính quyền thân thiện, triển khai nhiệm vụ 6 tháng cuối năm ${Y}.`);
      body.p('Ủy ban nhân dân trân trọng kính mời:');
      body.bullet(`Đồng chí Bí thư, Phó Bí thư Đảng ủy ${kw};`);
      body.bullet(`Các đồng chí thành viên Ban chỉ đạo xây dựng chính quyền thân thiện ${kw} (${members} đồng chí);`);
      body.bullet(`Bí thư chi bộ, Trưởng ${vw} của ${f.villages} ${vw}.`);
      body.p(`<b>Thời gian:</b> 01 buổi, bắt đầu từ 08 giờ 00 phút, ngày ${fmtDateSlash({ ...date, d: Math.min(date.d + 4, 28) }, 'pad')}.`);
      body.p(`<b>Địa điểm:</b> Hội trường UBND ${kw}.`);
      body.p(`<b>Nội dung:</b> Đánh giá kết quả thực hiện các tiêu chí chính quyền thân thiện ${half} (nhóm tiêu chí 1 đạt 8/8 chỉ tiêu; nhóm tiêu chí 2 đạt 4/4 chỉ tiêu); mức độ hài lòng của người dân đạt 100%; triển khai nhiệm vụ 6 tháng cuối năm ${Y}.`);
      body.p('Đề nghị các đồng chí đến dự đầy đủ, đúng thời gian./.');
      blocks.push(...body.blocks);
      blocks.push(...signatureBlocks({ mode: 'table', recipients, recipientsAsLines: true, authority, name: chair.name }));
      break;
    }
    case 'minutes': {
      docTitle = `Họp Ban chỉ đạo xây dựng chính quyền thân thiện ${kw} ${C} rà soát kết quả thực hiện các tiêu chí ${half}`;
      blocks.push(...titleBlocks(docTitle, { kind: 'BIÊN BẢN' }));
      body.p(`Hôm nay, vào hồi 14 giờ 00 phút ngày ${fmtDateSlash(date, 'pad')}, tại Hội trường UBND ${kw} ${C}, Ban chỉ đạo xây dựng chính quyền thân thiện ${kw} tổ chức họp rà soát kết quả thực hiện các tiêu chí chính quyền thân thiện ${half}.`);
      body.heading(1, 'Thành phần');
      body.bullet(`Đồng chí ${personName(rng.fork('chair'))}, Bí thư Đảng ủy, Trưởng Ban chỉ đạo — chủ trì;`);
      body.bullet(`${members - 2}/${members} thành viên Ban chỉ đạo; ${rng.int(5, 9)}/${rng.int(9, 11)} thành viên Tổ giúp việc;`);
      body.bullet(`Thư ký: đồng chí ${personName(rng.fork('secretary'))}, công chức Văn phòng - Thống kê.`);
      body.heading(1, 'Nội dung');
      body.p(`Đồng chí Phó Chủ tịch UBND ${kw} báo cáo kết quả thực hiện: nhóm tiêu chí 1 đạt 8/8 chỉ tiêu; nhóm tiêu chí 3 đạt 10/11 chỉ tiêu (còn chỉ tiêu 19 chưa đạt); nhóm tiêu chí 4 đạt 5/6 chỉ tiêu; đã khảo sát được 3/7 phiếu khảo sát. ${Kw} đăng ký đạt chuẩn 3 sao năm ${Y}.`);
      body.p(`Ý kiến thảo luận: các thành viên thống nhất với kết quả rà soát, đề nghị bổ sung tài liệu kiểm chứng chỉ tiêu chưa đạt.`);
      body.heading(1, 'Kết luận');
      body.p(`Giao Tổ giúp việc hoàn thiện hồ sơ, tài liệu kiểm chứng trước ngày 30/6/${Y}; UBND ${kw} xây dựng báo cáo kết quả xây dựng chính quyền thân thiện ${half} gửi Ban chỉ đạo ${dk}.`);
      body.p(`Biên bản kết thúc vào hồi 16 giờ 30 phút cùng ngày, đã được thông qua trước cuộc họp và nhất trí 100%./.`);
      blocks.push(...body.blocks);
      const sig: Table = {
        kind: 'table', borders: false, widths: [50, 50],
        rows: [[
          cell([para('<b>THƯ KÝ</b>', { align: 'center' }), para(''), para(''), para(`<b>${personName(rng.fork('secretary'))}</b>`, { align: 'center' })]),
          cell([para('<b>CHỦ TRÌ</b>', { align: 'center' }), para(''), para(''), para(`<b>${personName(rng.fork('chair'))}</b>`, { align: 'center' })]),
        ]],
      };
      blocks.push(sig);
      break;
    }
    case 'disaster': {
      docTitle = `Kết quả công tác phòng, chống thiên tai và tìm kiếm cứu nạn ${half}; phương hướng, nhiệm vụ 6 tháng cuối năm ${Y}`;
      blocks.push(...titleBlocks(docTitle));
      body.p(`Thực hiện chỉ đạo của Ban Chỉ huy phòng, chống thiên tai và tìm kiếm cứu nạn ${dk} ${u.district}, UBND ${kw} ${C} báo cáo kết quả công tác phòng, chống thiên tai và tìm kiếm cứu nạn ${half} như sau:`);
      body.heading(1, 'Đặc điểm tình hình');
      body.p(`${Kw} có tổng diện tích tự nhiên ${(f.centiHa / 100).toFixed(2).replace('.', ',')} ha, dân số ${f.population} nhân khẩu, ${f.households} hộ, được chia thành ${f.villages} ${vw}. Địa bàn có nhiều ao, hồ, kênh mương; mùa mưa bão thường xảy ra ngập úng cục bộ.`);
      body.heading(1, 'Kết quả thực hiện');
      body.heading(2, 'Công tác chỉ đạo, điều hành');
      body.p(`Kiện toàn Ban Chỉ huy phòng, chống thiên tai và tìm kiếm cứu nạn ${kw} gồm ${members + 4} thành viên do đồng chí Chủ tịch UBND ${kw} làm Trưởng ban; xây dựng phương án ứng phó với thiên tai theo phương châm “bốn tại chỗ”.`);
      body.heading(2, 'Tình hình thiên tai và thiệt hại');
      body.p(`Trong ${half}, trên địa bàn ${kw} xảy ra ${rng.int(1, 3)} đợt mưa lớn kèm theo dông, lốc làm tốc mái ${rng.int(2, 9)} nhà dân, đổ ${rng.int(10, 40)} cây xanh; không có thiệt hại về người. Tổng giá trị thiệt hại ước tính ${rng.int(40, 300)} triệu đồng.`);
      body.heading(2, 'Công tác chuẩn bị lực lượng, vật tư');
      body.p(`Lực lượng xung kích gồm ${rng.int(60, 120)} người; vật tư dự phòng: ${rng.int(200, 600)} bao tải, ${rng.int(10, 40)} áo phao, ${rng.int(2, 6)} nhà bạt.`);
      body.heading(1, 'Phương hướng, nhiệm vụ 6 tháng cuối năm');
      body.bullet('Tiếp tục kiện toàn Ban Chỉ huy, rà soát phương án ứng phó với thiên tai sát với thực tế.');
      body.bullet(`Tuyên truyền để Nhân dân chủ động phòng, tránh thiên tai; kiểm tra hệ thống đê, kênh mương trên địa bàn ${kw}.`);
      body.p(`Trên đây là báo cáo kết quả công tác phòng, chống thiên tai và tìm kiếm cứu nạn ${half} của UBND ${kw} ${C}./.`);
      blocks.push(...body.blocks);
      blocks.push(...signatureBlocks({ mode: 'table', recipients: [`- Ban Chỉ huy PCTT&TKCN ${dk} (b/c);`, '- Lưu: VT.'], recipientsAsLines: false, authority, name: chair.name }));
      break;
    }
    case 'plan': {
      const NY = Y + 1;
      docTitle = `Xây dựng chính quyền thân thiện năm ${NY}`;
      blocks.push(...titleBlocks(docTitle, { kind: 'KẾ HOẠCH' }));
      body.p(`Căn cứ Quyết định số 710/QĐ-UBND ngày 17/4/2024 của Chủ tịch UBND tỉnh ban hành Bộ tiêu chí “chính quyền thân thiện” cấp xã; UBND ${kw} ${C} ban hành Kế hoạch xây dựng chính quyền thân thiện năm ${NY} như sau:`);
      body.heading(1, 'Mục đích, yêu cầu');
      body.bullet('Nâng cao chất lượng phục vụ Nhân dân của đội ngũ cán bộ, công chức; xây dựng chính quyền thân thiện, vì Nhân dân phục vụ.');
      body.bullet('Phấn đấu hoàn thành 47/47 chỉ tiêu của Bộ tiêu chí; mức độ hài lòng của người dân đạt trên 95%.');
      body.heading(1, 'Nội dung, nhiệm vụ');
      body.heading(2, 'Kiện toàn Ban chỉ đạo, Tổ giúp việc');
      body.p(`Kiện toàn Ban chỉ đạo xây dựng chính quyền thân thiện ${kw} gồm ${members} thành viên do đồng chí Bí thư Đảng ủy làm Trưởng ban; Tổ giúp việc gồm ${rng.int(5, 10)} thành viên.`);
      body.heading(2, 'Đăng ký đạt chuẩn');
      body.p(`${Kw} đăng ký đạt chuẩn “chính quyền thân thiện” năm ${NY} mức ${rng.int(3, 5)} sao.`);
      body.heading(2, 'Tuyên truyền, tập huấn');
      body.p(`Tổ chức ${rng.int(1, 3)} lớp tập huấn cho cán bộ, công chức và trưởng các ${vw}; treo băng rôn, khẩu hiệu tuyên truyền tại trụ sở và các ${vw}.`);
      body.heading(1, 'Kinh phí thực hiện');
      body.p(`Dự kiến ${rng.int(2, 6) * 10} triệu đồng từ ngân sách ${kw} năm ${NY}.`);
      body.heading(1, 'Tổ chức thực hiện');
      body.p(`Giao Văn phòng UBND ${kw} theo dõi, đôn đốc; định kỳ 6 tháng, năm báo cáo kết quả về Ban chỉ đạo ${dk}./.`);
      blocks.push(...body.blocks);
      blocks.push(...signatureBlocks({ mode: 'paragraphs', recipients: ['- BCĐ CQTT huyện (b/c);', '- Các thành viên BCĐ;', '- Lưu: VT.'], recipientsAsLines: false, authority, name: chair.name }));
      break;
    }
    case 'reform': {
      docTitle = `Kết quả công tác cải cách hành chính ${half}`;
      blocks.push(...titleBlocks(docTitle));
      body.p(`Thực hiện Kế hoạch cải cách hành chính năm ${Y} của UBND ${dk} ${u.district}, UBND ${kw} ${C} báo cáo kết quả công tác cải cách hành chính ${half} như sau:`);
      body.heading(1, 'Kết quả thực hiện');
      body.heading(2, 'Cải cách thủ tục hành chính');
      body.p(`Trong ${half}, Bộ phận tiếp nhận và trả kết quả của ${kw} tiếp nhận ${rng.int(600, 1800)} hồ sơ, đã giải quyết đúng hạn đạt 99,5%; tỷ lệ hồ sơ trực tuyến toàn trình đạt ${rng.int(40, 80)}%.`);
      body.heading(2, 'Cải cách tổ chức bộ máy');
      body.p(`Tổng số cán bộ, công chức của ${kw} là ${f.canBo + f.congChuc} người, trong đó ${f.canBo} cán bộ, ${f.congChuc} công chức; 100% cán bộ, công chức đạt chuẩn theo quy định.`);
      body.heading(2, 'Hiện đại hóa hành chính');
      body.p(`Tiếp tục duy trì mô hình chính quyền thân thiện tại Bộ phận một cửa; mức độ hài lòng của người dân, tổ chức đối với việc giải quyết thủ tục hành chính đạt 100%.`);
      body.heading(1, 'Nhiệm vụ 6 tháng cuối năm');
      body.bullet('Đẩy mạnh chuyển đổi số, nâng cao tỷ lệ hồ sơ trực tuyến; thực hiện nghiêm kỷ luật, kỷ cương hành chính.');
      body.p(`Trên đây là báo cáo kết quả công tác cải cách hành chính ${half} của UBND ${kw} ${C}./.`);
      blocks.push(...body.blocks);
      blocks.push(...signatureBlocks({ mode: 'table', recipients: [`- Phòng Nội vụ ${dk} (b/c);`, '- Lưu: VT.'], recipientsAsLines: true, authority, name: chair.name }));
      break;
    }
  }

  const model: DocModel = {
    font: 'Times New Roman',
    size: 14,
    blocks,
    title: clean(docTitle),
    author: `UBND ${kw} ${C}`,
    created: `${isoDate(date)}T08:00:00Z`,
  };
  const expected: Expected = {
    id: spec.id,
    source: { file: `${spec.id}.${spec.output.startsWith('docx') ? 'docx' : 'pdf'}`, format: spec.output.startsWith('docx') ? 'docx' : 'pdf' },
    ...emptyFields(),
    expectedFlags: [] as FlagCode[],
    notAReport: true,
    meta: { generator: 'samples/generate.ts', seed: spec.seed, output: spec.output, other: kind, notes: [`not a report: ${kind}`] },
  };
  return { spec, style: STYLE, model, expected, text: modelToText(model) };
}

function personName(rng: Rng): string {
  const family = ['Nguyễn', 'Trần', 'Lê', 'Ngô', 'Thân', 'Giáp'];
  const middle = ['Văn', 'Thị', 'Đức', 'Minh'];
  const given = ['Hùng', 'Lan', 'Tuấn', 'Hương', 'Khánh', 'Yến'];
  return `${rng.pick(family)} ${rng.pick(middle)} ${rng.pick(given)}`;
}
