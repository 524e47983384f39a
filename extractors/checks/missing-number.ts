// MISSING_NUMBER: the 'Số:' line is there but its number is left blank ('Số: /BC-UBND').
import { findNumberLine } from '../document.ts';
import { makeFlag, type DocCheck } from './common.ts';

export const checkMissingNumber: DocCheck = ({ doc }) => {
  const line = findNumberLine(doc);
  if (!line || !line.blank) return [];
  return [makeFlag('MISSING_NUMBER', `Số văn bản để trống: '${line.quote}'`, [line.quote])];
};
