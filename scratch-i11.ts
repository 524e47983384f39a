import { parseText } from './src/parse/text.ts';
import { loadRegistry } from './src/registry/index.ts';
import { extract } from './extractors/index.ts';
const T = (...lines: string[]) => parseText(lines.join('\n'));
const r = extract(T('UBND XÃ ĐÔNG LỖ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM','\tĐộc lập - Tự do - Hạnh phúc','Số: 21/BC-UBND\tĐông Lỗ, ngày 20 tháng 6 năm 2025','BÁO CÁO','Kết quả xây dựng chính quyền thân thiện 6 tháng đầu năm 2025','UBND xã Đông Lỗ, huyện Yen Dũng, tỉnh Bắc Giang báo cáo như sau.'), { registry: loadRegistry() });
console.log(r.fields.unit, r.flags);
