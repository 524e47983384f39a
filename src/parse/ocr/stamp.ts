// Colour page → grey page without the red ink of a round seal. Official documents are printed
// in black; the seal (and a red 'MẬT'/'KHẨN' mark) is stamped over the signature and the signer's
// name in red. Red-dominant pixels become paper; where black print lies under the red, the pixel
// is dark in every channel and stays.
import type { GrayImage, PnmImage } from './image.ts';

/** How much redder than its green and blue a pixel must be to count as seal ink (0–255). */
export const RED_MARGIN = 48;

export interface StampResult {
  image: GrayImage;
  /** Pixels taken for seal ink. */
  removed: number;
}

export function dropRedInk(img: PnmImage): StampResult {
  const n = img.width * img.height;
  if (img.channels === 1) return { image: { width: img.width, height: img.height, data: img.data }, removed: 0 };
  const out = new Uint8Array(n);
  const d = img.data;
  let removed = 0;
  for (let i = 0, j = 0; i < n; i++, j += 3) {
    const r = d[j]!, g = d[j + 1]!, b = d[j + 2]!;
    if (r - Math.max(g, b) > RED_MARGIN) {
      out[i] = 255;
      removed++;
    } else {
      out[i] = (r * 299 + g * 587 + b * 114 + 500) / 1000;
    }
  }
  return { image: { width: img.width, height: img.height, data: out }, removed };
}
