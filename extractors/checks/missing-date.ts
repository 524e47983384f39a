// MISSING_DATE: the place-and-date line leaves the day (or the month, the year, the whole date) blank:
// 'Đông Lỗ, ngày  tháng 6 năm 2024', 'Đông Lỗ, ngày …/6/2024', 'Đông Lỗ, ngày'.
import { findDateLine } from '../document.ts';
import { makeFlag, type DocCheck } from './common.ts';

export const checkMissingDate: DocCheck = ({ doc }) => {
  const line = findDateLine(doc);
  if (!line) return [];
  const d = line.date;
  if (d && !d.dayBlank && !d.monthBlank && !d.yearBlank) return [];
  const what = !d || (d.dayBlank && d.monthBlank && d.yearBlank)
    ? 'Ngày ban hành để trống'
    : `Ngày ban hành để trống phần ${[d.dayBlank && 'ngày', d.monthBlank && 'tháng', d.yearBlank && 'năm'].filter(Boolean).join(', ')}`;
  return [makeFlag('MISSING_DATE', `${what}: '${line.quote}'`, [line.quote])];
};
