// The fixed parts of an administrative document (Nghị định 30/2020): the header (issuing
// body, national motto, 'Số:' line, place-and-date line), the title, and the closing
// ('Nơi nhận:' and the signature block), each in the layouts communes' files use.
import { para, type Block, type Para, type Table } from './model.ts';

export const MOTTO = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'] as const;

export type HeaderMode = 'table2x2' | 'table1x2' | 'tabs' | 'stacked';

export interface HeaderOpts {
  mode: HeaderMode;
  /** Issuing body, one line or two ('UBND XÃ ĐÔNG LỖ' | 'ỦY BAN NHÂN DÂN', 'XÃ HÒA SƠN'). */
  issuer: string[];
  /** 'Số: 45/BC-UBND' or 'Số: /BC-UBND'. */
  numberLine: string;
  /** 'Đông Lỗ, ngày 15 tháng 6 năm 2024' (printed in italics). */
  dateLine: string;
  /** The motto's first line as typed ('CỘNG HÒA …' or 'CỘNG HOÀ …'). */
  motto?: readonly string[];
}

const c13 = (markup: string, extra: Partial<Para> = {}) => para(markup, { align: 'center', size: 13, spaceAfterPt: 0, ...extra });

export function headerBlocks(o: HeaderOpts): Block[] {
  const motto = o.motto ?? MOTTO;
  const issuer = o.issuer.map((l, i) => c13(i === o.issuer.length - 1 ? `<b>${l}</b>` : l));
  const mottoParas = [c13(`<b>${motto[0]}</b>`, { size: 12 }), para(`<b>${motto[1]}</b>`, { align: 'center', size: 14, spaceAfterPt: 0 })];
  const num = c13(o.numberLine, { spaceBeforePt: 6 });
  const date = para(`<i>${o.dateLine}</i>`, { align: 'center', size: 14, spaceBeforePt: 6, spaceAfterPt: 0 });
  switch (o.mode) {
    case 'table2x2': {
      const t: Table = {
        kind: 'table', borders: false, widths: [36, 64],
        rows: [
          [{ paras: issuer, vAlign: 'top' }, { paras: mottoParas, vAlign: 'top' }],
          [{ paras: [num], vAlign: 'top' }, { paras: [date], vAlign: 'top' }],
        ],
      };
      return [t];
    }
    case 'table1x2': {
      const t: Table = {
        kind: 'table', borders: false, widths: [35, 65],
        rows: [[{ paras: [...issuer, num], vAlign: 'top' }, { paras: [...mottoParas, date], vAlign: 'top' }]],
      };
      return [t];
    }
    case 'tabs': {
      // Two columns made with centered tab stops on each line; the issuing body on two lines
      // ('ỦY BAN NHÂN DÂN' / 'XÃ …') so that it fits the left half.
      const tabs = [{ cm: 3.3, align: 'center' as const }, { cm: 11, align: 'center' as const }];
      const left = o.issuer.length > 1 ? o.issuer : ['ỦY BAN NHÂN DÂN', o.issuer[0]!.replace(/^UBND /, '')];
      const right = [`<b>${motto[0]}</b>`, `<b>${motto[1]}</b>`];
      const out: Block[] = left.map((l, i) =>
        para(`\t${i === left.length - 1 ? `<b>${l}</b>` : l}\t${right[i] ?? ''}`, { tabs, size: 12, spaceAfterPt: 0 }));
      out.push(para(`\t${o.numberLine}\t<i>${o.dateLine}</i>`, { tabs, size: 13, spaceBeforePt: 6, spaceAfterPt: 6 }));
      return out;
    }
    case 'stacked':
      return [
        ...issuer,
        ...mottoParas,
        para(o.numberLine, { align: 'left', size: 13, spaceBeforePt: 6, spaceAfterPt: 0 }),
        para(`<i>${o.dateLine}</i>`, { align: 'right', spaceAfterPt: 6 }),
      ];
  }
}

/** 'BÁO CÁO' and the summary line (one paragraph; '\n' in `title` is a line break). */
export function titleBlocks(title: string, opts: { kind?: string } = {}): Block[] {
  return [
    para(`<b>${opts.kind ?? 'BÁO CÁO'}</b>`, { align: 'center', spaceBeforePt: 12, spaceAfterPt: 0 }),
    para(`<b>${title}</b>`, { align: 'center', spaceAfterPt: 12 }),
  ];
}

export type SignatureMode = 'table' | 'paragraphs';

export interface SignatureOpts {
  mode: SignatureMode;
  /** Recipient lines ('- Phòng Nội vụ (b/c);'). */
  recipients: string[];
  /** One paragraph with line breaks (as the seed), or a paragraph per recipient. */
  recipientsAsLines: boolean;
  /** Authority lines in bold ('KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'). */
  authority: string[];
  name: string;
  /** In 'paragraphs' mode: the signature before 'Nơi nhận:' instead of after it. */
  signatureFirst?: boolean;
}

export function signatureBlocks(o: SignatureOpts): Block[] {
  const inTable = o.mode === 'table';
  const sigIndent = inTable ? {} : { leftCm: 7.5 };
  const recipients: Para[] = [
    para('<b><i>Nơi nhận:</i></b>', { align: 'left', size: 12, spaceAfterPt: 0 }),
    ...(o.recipientsAsLines
      ? [para(o.recipients.join('\n'), { align: 'left', size: 11, spaceAfterPt: 0 })]
      : o.recipients.map((r) => para(r, { align: 'left', size: 11, spaceAfterPt: 0 }))),
  ];
  const signature: Para[] = [
    para(`<b>${o.authority.join('\n')}</b>`, { align: 'center', spaceAfterPt: 0, ...sigIndent }),
    ...[0, 1, 2].map(() => para('', { align: 'center', spaceAfterPt: 0, ...sigIndent })),
    para(`<b>${o.name}</b>`, { align: 'center', spaceAfterPt: 0, ...sigIndent }),
  ];
  if (inTable) {
    const t: Table = {
      kind: 'table', borders: false, widths: [48, 52],
      rows: [[{ paras: recipients, vAlign: 'top' }, { paras: signature, vAlign: 'top' }]],
    };
    return [para('', { spaceAfterPt: 0 }), t];
  }
  return o.signatureFirst ? [...signature, ...recipients] : [...recipients, ...signature];
}
