// The clause reader (extractors/text/): clauses, quantities and mentions, on sentences written for this file.
import { describe, expect, it } from 'vitest';
import { foldKeep } from '../extractors/find.ts';
import { clauses } from '../extractors/text/clauses.ts';
import { mentionsIn } from '../extractors/text/mentions.ts';
import { quantities } from '../extractors/text/quantities.ts';

const read = (text: string) =>
  mentionsIn(text, foldKeep(text)).map((m) => ({ c: m.concept, v: m.value, q: [...m.qualifiers].sort().join(','), how: m.how }));

describe('quantities', () => {
  it.each<[string, number, number | null]>([
    ['chi 18.600.000đ cho in ấn', 18600000, 18.6],
    ['cấp 30 tr.đồng', 30, 30],
    ['dự toán 12 tr.đ', 12, 12],
    ['còn 2,5 triệu đồng', 2.5, 2.5],
    ['bố trí 45.000 nghìn đồng', 45000, 45],
    ['hỗ trợ 1,2 tỷ đồng', 1.2, 1200],
    ['khoảng 12,1 nghìn người', 12100, null],
    ['có 7 thôn', 7, null],
  ])('%s', (text, value, million) => {
    const q = quantities(foldKeep(text))[0]!;
    expect(q.value).toBe(value);
    expect(q.millionVnd).toBe(million);
  });

  it('reads two counts joined by a slash, but not a ratio or a date', () => {
    expect(quantities(foldKeep('2.840 hộ/10.015 nhân khẩu')).map((q) => q.value)).toEqual([2840, 10015]);
    expect(quantities(foldKeep('đạt 7/8 chỉ tiêu')).map((q) => [q.value, q.ratio])).toEqual([[7, true]]);
  });
});

describe('clauses', () => {
  it('keeps a label that lists things whole and cuts after each stated number', () => {
    const t = 'số cờ, băng rôn đã treo: 40 chiếc, số pano: 6 chiếc và 2 cụm loa';
    expect(clauses(t, foldKeep(t)).map((c) => t.slice(c.start, c.end))).toEqual(['số cờ, băng rôn đã treo: 40 chiếc', 'số pano: 6 chiếc', '2 cụm loa']);
  });
  it('gives the content of brackets as clauses of its own', () => {
    const t = 'Có 15 chi bộ (9 chi bộ thôn, 6 chi bộ cơ quan).';
    const cs = clauses(t, foldKeep(t));
    expect(cs.filter((c) => c.inParens).map((c) => t.slice(c.start, c.end))).toEqual(['9 chi bộ thôn', '6 chi bộ cơ quan']);
  });
});

describe('mentions', () => {
  it('the noun after the number, in either order with the label', () => {
    expect(read('Xã gồm 11 xóm; dân số: 9.980 người.')).toEqual([
      { c: 'villages', v: 11, q: '', how: 'noun' },
      { c: 'population', v: 9980, q: '', how: 'label' },
    ]);
  });
  it('a quota, then what there is, carried from the clause before', () => {
    expect(read('Định biên cán bộ, công chức là 22, hiện nay có 19 người.')).toEqual([
      { c: 'cadres', v: 22, q: 'quota', how: 'label' },
      { c: 'cadres', v: 19, q: 'actual', how: 'carried' },
    ]);
  });
  it('plans, requests and the district are qualified', () => {
    expect(read('Phấn đấu treo thêm 12 băng rôn.')[0]!.q).toBe('plan');
    expect(read('Đề nghị cấp 10 pano.')[0]!.q).toBe('request');
    expect(read('Toàn huyện có 310 thôn.')[0]!.q).toBe('otherScope');
  });
  it('kinds of a thing are not the thing', () => {
    expect(read('Còn 40 hộ nghèo, 12 thôn đạt chuẩn văn hóa, kết nạp 6 đảng viên.')).toEqual([]);
  });
  it('a rate is not a count', () => {
    expect(read('Mật độ 700 người/km².')).toEqual([]);
  });
  it('a stated zero', () => {
    expect(read('Trong kỳ không làm thêm pano nào.')).toEqual([{ c: 'panels', v: 0, q: '', how: 'noun' }]);
  });
  it('a number of something else is no mention', () => {
    expect(read('Ban hành 05 văn bản; tiếp nhận 120 hồ sơ.')).toEqual([]);
  });
});
