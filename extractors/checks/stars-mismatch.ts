// STARS_MISMATCH: the star level the text says the commune registered for ('đăng ký đạt chuẩn … 3 sao',
// 'đăng ký … ở mức 3*') differs from the level marked with an 'x' in the annex's registration table
// ('1 sao' … '5 sao' columns). Both are read by the stars extractor's module (extractors/stars.ts),
// which exports them for this check, so that the check and the extracted value follow one reading.
import { starsFromAnnex, starsFromText } from '../stars.ts';
import { makeFlag, type DocCheck } from './common.ts';

export const checkStarsMismatch: DocCheck = ({ doc }) => {
  const text = starsFromText(doc);
  const annex = starsFromAnnex(doc);
  if (text.value === null || annex.value === null || text.value === annex.value) return [];
  return [makeFlag(
    'STARS_MISMATCH',
    `Nội dung báo cáo ghi đăng ký ${text.value} sao nhưng biểu tổng hợp đánh dấu ${annex.value} sao`,
    [text.provenance?.quote, annex.provenance?.quote],
  )];
};
