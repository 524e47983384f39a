// .docx as Word writes it (src/parse/docx/): automatic numbering, text boxes, content controls,
// fields, footnotes, headers and footers, soft line breaks, runs split inside a word, merged
// table cells, and runs in legacy Vietnamese fonts (direct or inherited). Each document is
// hand-written XML, so the test controls exactly what Word would have written.
import { describe, expect, it } from 'vitest';
import { parseDocx } from '../src/parse/docx.ts';
import { paragraphs, tables } from './fixtures/parse/expected.ts';
import { font, p, run, wordDocx, type WordParts } from './fixtures/parse/word-xml.ts';

const texts = async (parts: WordParts) => paragraphs(await parseDocx(wordDocx(parts))).map((x) => x.text);

/** An abstract list with the levels 'I.', '1.', 'a)' and a dash bullet, and list instances on it. */
const LIST_LEVELS =
  '<w:abstractNum w:abstractNumId="0">' +
  '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>' +
  '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>' +
  '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>' +
  '<w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl>' +
  '</w:abstractNum>' +
  '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>';
const numPr = (numId: number, ilvl: number) => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;

describe('automatic numbering', () => {
  it('writes I., 1., a) and dash bullets into the text; drops round bullets', async () => {
    const got = await texts({
      numbering: LIST_LEVELS + '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>',
      body:
        p(['Khái quát'], numPr(1, 0)) +
        p(['Công tác chỉ đạo'], numPr(1, 1)) +
        p(['Ban hành kế hoạch'], numPr(1, 2)) +
        p(['Tổ chức hội nghị'], numPr(1, 2)) +
        p(['03 hội nghị'], numPr(1, 3)) +
        p(['Tuyên truyền'], numPr(1, 1)) +
        p(['Loa truyền thanh'], numPr(2, 0)) +
        p(['Kết quả'], numPr(1, 0)) +
        p(['Nhóm 1'], numPr(1, 1)),
    });
    expect(got).toEqual([
      'I. Khái quát', '1. Công tác chỉ đạo', 'a) Ban hành kế hoạch', 'b) Tổ chức hội nghị', '- 03 hội nghị',
      '2. Tuyên truyền', 'Loa truyền thanh', 'II. Kết quả', '1. Nhóm 1',
    ]);
  });

  it('restarts a list with w:startOverride, shares counters otherwise, and follows numbered styles', async () => {
    const got = await texts({
      styles:
        '<w:style w:type="paragraph" w:styleId="Muc1"><w:name w:val="Muc 1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>' +
        '<w:style w:type="paragraph" w:styleId="Muc1Dam"><w:name w:val="Muc 1 dam"/><w:basedOn w:val="Muc1"/></w:style>',
      numbering:
        LIST_LEVELS +
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>' +
        '<w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num>' +
        '<w:num w:numId="4"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="1"><w:startOverride w:val="5"/></w:lvlOverride></w:num>',
      body:
        p(['Một'], '<w:pStyle w:val="Muc1"/>') +
        p(['Hai'], '<w:pStyle w:val="Muc1Dam"/>') +
        p(['Ba'], numPr(3, 0)) +
        p(['Mục năm'], numPr(4, 1)) +
        p(['Mục sáu'], numPr(4, 1)) +
        p(['Không đánh số'], '<w:pStyle w:val="Muc1"/><w:numPr><w:numId w:val="0"/></w:numPr>'),
    });
    expect(got).toEqual(['I. Một', 'II. Hai', 'III. Ba', '5. Mục năm', '6. Mục sáu', 'Không đánh số']);
  });

  it('numbers paragraphs in table cells too, and keeps a bold heading wholly bold', async () => {
    const doc = await parseDocx(wordDocx({
      numbering: LIST_LEVELS + '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>',
      body:
        p([['KẾT QUẢ', '<w:b/>']], numPr(1, 0)) +
        '<w:tbl><w:tr><w:tc>' + p(['Thôn Đông'], numPr(1, 1)) + '</w:tc><w:tc>' + p(['120']) + '</w:tc></w:tr>' +
        '<w:tr><w:tc>' + p(['Thôn Tây'], numPr(1, 1)) + '</w:tc><w:tc>' + p(['95']) + '</w:tc></w:tr></w:tbl>',
    }));
    expect(paragraphs(doc)[0]).toMatchObject({ text: 'I. KẾT QUẢ', style: { bold: true } });
    expect(tables(doc)[0]!.grid).toEqual([['1. Thôn Đông', '120'], ['2. Thôn Tây', '95']]);
  });
});

describe('text boxes, content controls, fields', () => {
  const anchor = (inner: string) => `<w:r><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx>${inner}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>`;

  it('reads a text box after the paragraph that anchors it: DrawingML only, or with a VML copy (once)', async () => {
    const box = (t: string) => `<w:txbxContent>${p([t])}</w:txbxContent>`;
    const got = await texts({
      body:
        `<w:p>${run('Số: 12/BC-UBND')}${anchor(box('UBND XÃ ĐÔNG LỖ'))}</w:p>` +
        `<w:p>${run('Đông Lỗ, ngày 5 tháng 6 năm 2024')}<mc:AlternateContent><mc:Choice Requires="wps">${anchor(box('DỰ THẢO'))}</mc:Choice></mc:AlternateContent></w:p>` +
        `<w:p>${run('BÁO CÁO')}<mc:AlternateContent><mc:Choice Requires="wps">${anchor(box('Mẫu 01'))}</mc:Choice>` +
        `<mc:Fallback><w:r><w:pict><v:shape><v:textbox>${box('Mẫu 01')}</v:textbox></v:shape></w:pict></w:r></mc:Fallback></mc:AlternateContent></w:p>`,
    });
    expect(got).toEqual(['Số: 12/BC-UBND', 'UBND XÃ ĐÔNG LỖ', 'Đông Lỗ, ngày 5 tháng 6 năm 2024', 'DỰ THẢO', 'BÁO CÁO', 'Mẫu 01']);
  });

  it('reads content controls, but not the placeholder of an empty one', async () => {
    const got = await texts({
      body:
        `<w:sdt><w:sdtPr><w:alias w:val="Số"/></w:sdtPr><w:sdtContent>${p(['Số: 45/BC-UBND'])}</w:sdtContent></w:sdt>` +
        `<w:p>${run('Ngày ')}<w:sdt><w:sdtPr><w:date/></w:sdtPr><w:sdtContent>${run('20/6/2024')}</w:sdtContent></w:sdt></w:p>` +
        `<w:p>${run('Người ký: ')}<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>${run('Nhấn vào đây để nhập văn bản.')}</w:sdtContent></w:sdt></w:p>`,
    });
    expect(got).toEqual(['Số: 45/BC-UBND', 'Ngày 20/6/2024', 'Người ký:']);
  });

  it('reads the result of simple and complex fields, not their instructions', async () => {
    const got = await texts({
      body:
        `<w:p>${run('Dân số ')}<w:fldSimple w:instr=" DOCPROPERTY DanSo "><w:r><w:t>17.128</w:t></w:r></w:fldSimple>${run(' người')}</w:p>` +
        `<w:p>${run('Ngày ')}<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> DATE \\@ "dd/MM/yyyy" </w:instrText></w:r>` +
        `<w:r><w:fldChar w:fldCharType="separate"/></w:r>${run('20/06/2024')}<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`,
    });
    expect(got).toEqual(['Dân số 17.128 người', 'Ngày 20/06/2024']);
  });
});

describe('notes, headers and footers, breaks, split runs, merged cells', () => {
  it('puts a footnote after its paragraph, without its mark sticking to the number', async () => {
    const got = await texts({
      footnotes: `<w:footnote w:id="1">${p(['Theo số liệu thống kê đất đai năm 2023.'])}</w:footnote>`,
      body: `<w:p>${run('Diện tích tự nhiên 825,73')}<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r>${run(' ha.')}</w:p>` + p(['Dân số 16.182 người.']),
    });
    expect(got).toEqual(['Diện tích tự nhiên 825,73 ha.', 'Theo số liệu thống kê đất đai năm 2023.', 'Dân số 16.182 người.']);
  });

  it('reads the first page header first and a footer with words last; page numbers are left out', async () => {
    const sect = '<w:sectPr><w:headerReference w:type="default" r:id="rId_header1"/><w:headerReference w:type="first" r:id="rId_header2"/>' +
      '<w:footerReference w:type="default" r:id="rId_footer1"/><w:footerReference w:type="first" r:id="rId_footer2"/><w:titlePg/></w:sectPr>';
    const got = await texts({
      headers: { header1: p(['Báo cáo 6 tháng']), header2: p(['UBND XÃ HÒA SƠN']) },
      footers: {
        footer1: `<w:p>${run('Trang ')}<w:fldSimple w:instr=" PAGE "><w:r><w:t>2</w:t></w:r></w:fldSimple></w:p>`,
        footer2: p(['Địa chỉ: thôn Đông, xã Hòa Sơn']),
      },
      body: p(['BÁO CÁO']) + p(['Nội dung.']) + sect,
    });
    expect(got).toEqual(['UBND XÃ HÒA SƠN', 'BÁO CÁO', 'Nội dung.', 'Địa chỉ: thôn Đông, xã Hòa Sơn']);
  });

  it('splits a paragraph at soft line breaks and joins runs split inside a word without a space', async () => {
    const got = await texts({
      body:
        `<w:p>${run('KT. CHỦ TỊCH')}<w:r><w:br/></w:r>${run('PHÓ CHỦ TỊCH')}</w:p>` +
        `<w:p>${run('Đô', '<w:b/>')}${run('ng', '<w:b/><w:lang w:val="vi-VN"/>')}<w:proofErr w:type="spellStart"/>${run(' L')}${run('ỗ')}<w:proofErr w:type="spellEnd"/></w:p>`,
    });
    expect(got).toEqual(['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Đông Lỗ']);
  });

  it('drops optional hyphens, reads non-breaking hyphens as hyphens and w:cr as a line break', async () => {
    const got = await texts({
      body:
        `<w:p>${run('thân thi')}<w:r><w:softHyphen/><w:t>ện</w:t></w:r></w:p>` +
        `<w:p>${run('Số: 125/BC')}<w:r><w:noBreakHyphen/><w:t>UBND</w:t></w:r></w:p>` +
        `<w:p><w:r><w:t>TM. ỦY BAN NHÂN DÂN</w:t><w:cr/><w:t>CHỦ TỊCH</w:t></w:r></w:p>`,
    });
    expect(got).toEqual(['thân thiện', 'Số: 125/BC-UBND', 'TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH']);
  });

  it('resolves gridSpan and vMerge into spans and a full grid', async () => {
    const tc = (text: string, pr = '') => `<w:tc>${pr ? `<w:tcPr>${pr}</w:tcPr>` : ''}${p(text ? [text] : [])}</w:tc>`;
    const doc = await parseDocx(wordDocx({
      body:
        '<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>' +
        `<w:tr>${tc('TT', '<w:vMerge w:val="restart"/>')}${tc('Nội dung', '<w:vMerge w:val="restart"/>')}${tc('Kinh phí', '<w:gridSpan w:val="2"/>')}</w:tr>` +
        `<w:tr>${tc('', '<w:vMerge/>')}${tc('', '<w:vMerge/>')}${tc('Huyện')}${tc('Xã')}</w:tr>` +
        `<w:tr>${tc('1')}${tc('Tập huấn')}${tc('20')}${tc('50')}</w:tr></w:tbl>`,
    }));
    const t = tables(doc)[0]!;
    expect(t.cells[0]).toEqual([
      { text: 'TT', rowSpan: 2, colSpan: 1 }, { text: 'Nội dung', rowSpan: 2, colSpan: 1 }, { text: 'Kinh phí', rowSpan: 1, colSpan: 2 },
    ]);
    expect(t.grid).toEqual([
      ['TT', 'Nội dung', 'Kinh phí', 'Kinh phí'],
      ['TT', 'Nội dung', 'Huyện', 'Xã'],
      ['1', 'Tập huấn', '20', '50'],
    ]);
  });
});

describe('legacy Vietnamese fonts', () => {
  it('decodes TCVN3 runs by their own font, capitals fonts included, and an 0xAD stored as a soft hyphen', async () => {
    const got = await texts({
      body:
        p([['ñy ban nh©n d©n', font('.VnTimeH')]]) +
        p([['B¸o c¸o kÕt qu¶ x©y dùng chÝnh quyÒn th©n thiÖn', font('.VnTime')]]) +
        `<w:p><w:r><w:rPr>${font('.VnTime')}</w:rPr><w:t>Ng</w:t><w:softHyphen/><w:t>êi d©n</w:t></w:r></w:p>`,
    });
    expect(got).toEqual(['ỦY BAN NHÂN DÂN', 'Báo cáo kết quả xây dựng chính quyền thân thiện', 'Người dân']);
  });

  it('finds the font through the paragraph style, the character style, the defaults and the theme', async () => {
    const styles =
      '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi"/></w:rPr></w:rPrDefault></w:docDefaults>' +
      '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>' +
      `<w:style w:type="paragraph" w:styleId="TieuDe"><w:name w:val="Tieu de"/><w:rPr>${font('.VnTimeH')}</w:rPr></w:style>` +
      '<w:style w:type="paragraph" w:styleId="TieuDe2"><w:name w:val="Tieu de 2"/><w:basedOn w:val="TieuDe"/></w:style>' +
      `<w:style w:type="character" w:styleId="Vni"><w:name w:val="Vni"/><w:rPr>${font('VNI-Times')}</w:rPr></w:style>`;
    const got = await texts({
      theme: { major: 'Times New Roman', minor: '.VnTime' },
      styles,
      body:
        p(['b¸o c¸o'], '<w:pStyle w:val="TieuDe2"/>') +
        p([['Baùo caùo', '<w:rStyle w:val="Vni"/>']]) +
        p(['Th«n §«ng']) +
        p([['Thôn Đông', font('.VnTime')]]) +
        p([['Times New Roman', font('Times New Roman')]]),
    });
    expect(got).toEqual(['BÁO CÁO', 'Báo cáo', 'Thôn Đông', 'Thôn Đông', 'Times New Roman']);
  });

  it('composes a VNI letter whose modifier Word put in the next run', async () => {
    const got = await texts({ body: p([['Vie', font('VNI-Times')], ['ät Nam', `${font('VNI-Times')}<w:b/>`]]) });
    expect(got).toEqual(['Việt Nam']);
  });

  it('decodes legacy fonts in tables, headers and footnotes as well', async () => {
    const doc = await parseDocx(wordDocx({
      headers: { header1: p([['ñy ban nh©n d©n x· hoµ s¬n', font('.VnTimeH')]]) },
      footnotes: `<w:footnote w:id="1">${p([['Sè liÖu n¨m 2024', font('.VnTime')]])}</w:footnote>`,
      body:
        `<w:p>${run('Bảng')}<w:r><w:footnoteReference w:id="1"/></w:r></w:p>` +
        `<w:tbl><w:tr><w:tc>${p([['Sè hé', font('.VnTime')]])}</w:tc><w:tc>${p(['1.582'])}</w:tc></w:tr></w:tbl>` +
        '<w:sectPr><w:headerReference w:type="default" r:id="rId_header1"/></w:sectPr>',
    }));
    expect(paragraphs(doc).map((x) => x.text)).toEqual(['ỦY BAN NHÂN DÂN XÃ HOÀ SƠN', 'Bảng', 'Số liệu năm 2024']);
    expect(tables(doc)[0]!.grid).toEqual([['Số hộ', '1.582']]);
  });
});
