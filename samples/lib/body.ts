// The numbered body of a report: headings numbered by the report's own scheme ('I.' / 'PHẦN I.' /
// 'A.' at the top; '1.' + '1.1.' / '1)' + 'a)' / '1.' + 'a)' below) and formatted as Word heading
// styles, bold paragraphs, or plain numbered lines.
import { para, type Block } from './model.ts';
import { upper } from './vn.ts';

export type TopScheme = 'roman' | 'phan' | 'letter';
export type SubScheme = 'dot' | 'paren' | 'mixed';
export type HeadingMode = 'styles' | 'bold' | 'plain';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];
const LETTER = 'ABCDEFGHIJKL';
const lower = 'abcdefghijkl';

export class Body {
  readonly blocks: Block[] = [];
  private counters = [0, 0, 0];

  constructor(
    private readonly top: TopScheme,
    private readonly sub: SubScheme,
    private readonly mode: HeadingMode,
  ) {}

  private label(level: 1 | 2 | 3): string {
    const [a, b, c] = this.counters as [number, number, number];
    if (level === 1) {
      if (this.top === 'roman') return `${ROMAN[a - 1]}.`;
      if (this.top === 'phan') return `PHẦN ${ROMAN[a - 1]}.`;
      return `${LETTER[a - 1]}.`;
    }
    if (level === 2) return this.sub === 'paren' ? `${b})` : `${b}.`;
    return this.sub === 'dot' ? `${b}.${c}.` : `${lower[c - 1]})`;
  }

  private bump(level: 1 | 2 | 3) {
    this.counters[level - 1]!++;
    for (let i = level; i < 3; i++) this.counters[i] = 0;
  }

  private wrap(level: 1 | 2 | 3, markup: string): string {
    if (this.mode === 'plain') return markup;
    return level === 3 ? `<b><i>${markup}</i></b>` : `<b>${markup}</b>`;
  }

  /** A numbered heading; top-level titles are written in capitals. */
  heading(level: 1 | 2 | 3, title: string): void {
    this.bump(level);
    const text = `${this.label(level)} ${level === 1 ? upper(title) : title}`;
    this.blocks.push(
      para(this.wrap(level, text), {
        align: 'justify',
        indentCm: 1,
        spaceBeforePt: level === 1 ? 6 : 3,
        spaceAfterPt: 6,
        keepNext: true,
        heading: this.mode === 'styles' ? level : undefined,
      }),
    );
  }

  /** A numbered line whose heading part runs on into content ('2.1. Kết quả … nhóm tiêu chí 1: …: 8/8 chỉ tiêu đạt.'). */
  headingInline(level: 2 | 3, head: string, rest: string): void {
    this.bump(level);
    this.blocks.push(para(`${this.wrap(level, `${this.label(level)} ${head}`)} ${rest}`, { align: 'justify', indentCm: 1, spaceAfterPt: 6 }));
  }

  p(markup: string): void {
    this.blocks.push(para(markup, { align: 'justify', indentCm: 1, spaceAfterPt: 6 }));
  }

  bullet(markup: string): void {
    this.p(`- ${markup}`);
  }

  /** A run-in sub-heading in italics ('a) Đối với cấp ủy') that is not numbered by the scheme. */
  italic(markup: string): void {
    this.blocks.push(para(`<i>${markup}</i>`, { align: 'justify', indentCm: 1, spaceAfterPt: 6, keepNext: true }));
  }
}
