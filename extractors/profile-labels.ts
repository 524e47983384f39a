// The commune's figures as labelled values (see labelled.ts): which labels and units each profile
// field accepts, and how a value is read in the field's unit. 'Dân số | người | 12.345',
// '- Diện tích tự nhiên: 1.073,6 ha', 'Công an chính quy | đồng chí | 07', 'nhân khẩu: 13.906 người'.
import { round6 } from './find.ts';
import type { LabelSpec, LabelledValue } from './labelled.ts';

export type ProfileKey =
  | 'areaHa' | 'population' | 'households' | 'villages' | 'partyCells' | 'partyMembers' | 'cadres' | 'canBo' | 'congChuc'
  | 'police' | 'incomePerCapitaMillionVnd' | 'distanceToDistrictKm';

export interface ProfileLabel {
  spec: LabelSpec;
  /** The value in the field's unit, or null to reject it. */
  read: (v: LabelledValue) => number | null;
}

const int = (min: number, max = Infinity) => (v: LabelledValue) => (Number.isInteger(v.value) && v.value >= min && v.value <= max ? v.value : null);
const PEOPLE = /^(?:nguoi|nhan khau|khau|nk|dan|dong chi|d\/c)(?![\p{L}])/u;
const VILLAGE = String.raw`(?:thon|xom|lang|ban|ap|buon|soc|to dan pho|tdp|khu pho|khu dan cu|to dan cu|khu|khoi)`;

export const PROFILE_LABELS: Record<ProfileKey, ProfileLabel> = {
  areaHa: {
    spec: {
      label: /dien tich(?: dat)?(?: tu nhien)?/,
      not: /nong nghiep|lua|canh tac|gieo|trong|mat nuoc|rung|nuoi|san xuat|xay dung|su dung|dat o|thu hoi|quy hoach|nha o/,
      unit: /^(?:ha|hecta|km2|km²|km 2|km vuong)(?![\p{L}\d])/u,
    },
    read: (v) => (v.value > 0 ? (/^km/.test(v.unit) ? round6(v.value * 100) : v.value) : null),
  },
  population: {
    spec: { label: /(?:dan so|so dan|nhan khau|khau)(?![\p{L}])/u, not: /ty le|mat do|lao dong|tang|giam|nu|tre em|tuoi|di cu|dan toc/, unit: PEOPLE, unitOptional: true },
    read: int(50),
  },
  households: {
    spec: { label: /(?:ho gia dinh|ho dan|ho)(?![\p{L}])/u, not: /ngheo|can ngheo|kinh doanh|chinh sach|kho khan|san xuat|van hoa|co cong|dan toc/, unit: /^ho(?![\p{L}])/u, unitOptional: true, tail: 2 },
    read: int(10),
  },
  villages: {
    spec: { label: new RegExp(String.raw`${VILLAGE}(?:\s*,\s*${VILLAGE})*(?![\p{L}])`, 'u'), not: /van hoa|kieu mau|nong thon moi|dat chuan|thong minh/, unit: new RegExp(String.raw`^(?:${VILLAGE}|to)(?![\p{L}])`, 'u'), unitOptional: true, tail: 2 },
    read: int(1, 199),
  },
  partyCells: {
    spec: { label: /chi bo(?![\p{L}])/u, not: /dat|trong sach|hoan thanh|xep loai|vung manh/, unit: /^chi bo(?![\p{L}])/u, unitOptional: true, tail: 4 },
    read: int(1, 499),
  },
  partyMembers: {
    spec: { label: /dang vien(?![\p{L}])/u, not: /moi|du bi|ket nap|xuat sac|hoan thanh|huy hieu/, unit: /^(?:nguoi|dang vien|dong chi|d\/c)(?![\p{L}])/u, unitOptional: true, tail: 2 },
    read: int(1),
  },
  cadres: {
    spec: { label: /(?:can bo,?\s*(?:va\s*)?cong chuc|cbcc)(?![\p{L}])/u, not: /khong chuyen trach|hoat dong|tap huan|boi duong|dat|xep loai|nghi|tuyen dung/, unit: PEOPLE, unitOptional: true },
    read: int(1, 199),
  },
  canBo: {
    spec: { label: /can bo(?: chuyen trach)?(?![\p{L}])(?!\s*,?\s*(?:va\s*)?cong chuc)/u, not: /cong chuc|khong chuyen trach|hoat dong|thon|chien si/, unit: PEOPLE, unitOptional: true, tail: 1 },
    read: int(0, 99),
  },
  congChuc: {
    spec: { label: /cong chuc(?: chuyen mon)?(?![\p{L}])/u, not: /can bo|khong chuyen trach/, unit: PEOPLE, unitOptional: true, tail: 1 },
    read: int(0, 99),
  },
  police: {
    spec: { label: /(?:luc luong\s+)?cong an(?![\p{L}])/u, not: /vien|ban chuyen trach|bao ve|dan phong/, unit: /^(?:nguoi|dong chi|d\/c|can bo|chien si|cbcs)(?![\p{L}])/u, unitOptional: true },
    // Regular police: said so in the label or the unit, or the commune's own force ('Công an xã').
    read: (v) => (/chinh quy/.test(`${v.label} ${v.unit}`) || /cong an (?:xa|phuong|thi tran)/.test(v.label) ? int(0, 199)(v) : null),
  },
  incomePerCapitaMillionVnd: {
    spec: { label: /(?:thu nhap binh quan|thu nhap bq|tnbq|binh quan thu nhap|thu nhap dau nguoi|thu nhap trung binh)/, unit: /^(?:trieu|tr|nghin|ngan|dong|vnd)/ },
    read: (v) => {
      let x = v.value;
      if (/^(?:nghin|ngan)/.test(v.unit)) x /= 1000;
      else if (/^(?:dong|vnd)/.test(v.unit)) x /= 1e6;
      if (/\/\s*thang|thang$/.test(v.unit)) x *= 12;
      return round6(x);
    },
  },
  distanceToDistrictKm: {
    spec: { label: /(?:khoang cach|cu ly|cach)(?: den| toi| ve)?(?: trung tam)?(?: hanh chinh)? (?:huyen|quan|thi xa|thanh pho)/, unit: /^(?:km|ki lo met|kilomet|cay so)(?![\p{L}])/u, tail: 4 },
    read: (v) => (v.value < 500 ? v.value : null),
  },
};
