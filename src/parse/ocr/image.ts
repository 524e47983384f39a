// Page images in memory: 8-bit grey (and RGB while a stamp is removed), read from and written as
// netpbm (PGM/PPM: a short text header and raw bytes, what pdftoppm writes and tesseract reads),
// rotated by quarter turns or by a small angle, binarised.

export interface GrayImage {
  width: number;
  height: number;
  /** One byte per pixel, row by row; 0 = black, 255 = white. */
  data: Uint8Array;
}

export interface RgbImage {
  width: number;
  height: number;
  /** Three bytes per pixel (r, g, b), row by row. */
  data: Uint8Array;
}

/** A netpbm image as read: grey (1 channel) or RGB (3). */
export interface PnmImage {
  width: number;
  height: number;
  channels: 1 | 3;
  data: Uint8Array;
}

/** Reads a binary PGM (P5) or PPM (P6) with maxval 255. */
export function parsePnm(buf: Uint8Array): PnmImage {
  let pos = 0;
  const token = (): string => {
    for (;;) {
      while (pos < buf.length && /\s/.test(String.fromCharCode(buf[pos]!))) pos++;
      if (buf[pos] === 0x23) { // '#' comment to end of line
        while (pos < buf.length && buf[pos] !== 0x0a) pos++;
        continue;
      }
      break;
    }
    const start = pos;
    while (pos < buf.length && !/\s/.test(String.fromCharCode(buf[pos]!))) pos++;
    return String.fromCharCode(...buf.subarray(start, pos));
  };
  const magic = token();
  if (magic !== 'P5' && magic !== 'P6') throw new Error(`not a binary PGM/PPM (${magic.slice(0, 4)})`);
  const width = Number(token());
  const height = Number(token());
  const maxval = Number(token());
  if (!(width > 0 && height > 0) || maxval !== 255) throw new Error(`unsupported netpbm header ${width}x${height} max ${maxval}`);
  pos++; // the single whitespace after maxval
  const channels = magic === 'P5' ? 1 : 3;
  const size = width * height * channels;
  if (buf.length - pos < size) throw new Error('netpbm image truncated');
  return { width, height, channels, data: buf.slice(pos, pos + size) };
}

/** Binary PGM (P5) bytes of a grey image. */
export function toPgm(img: GrayImage): Buffer {
  const header = Buffer.from(`P5\n${img.width} ${img.height}\n255\n`, 'latin1');
  return Buffer.concat([header, Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength)]);
}

/** Plain luminance of an RGB image (no stamp handling: see stamp.ts). */
export function rgbToGray(img: RgbImage): GrayImage {
  const n = img.width * img.height;
  const out = new Uint8Array(n);
  const d = img.data;
  for (let i = 0, j = 0; i < n; i++, j += 3) out[i] = (d[j]! * 299 + d[j + 1]! * 587 + d[j + 2]! * 114 + 500) / 1000;
  return { width: img.width, height: img.height, data: out };
}

/** Rotates by a quarter turn multiple, clockwise: 90, 180 or 270 (0 returns the image). */
export function rotateQuarter(img: GrayImage, degrees: 0 | 90 | 180 | 270): GrayImage {
  if (degrees === 0) return img;
  const { width: w, height: h, data } = img;
  if (degrees === 180) {
    const out = new Uint8Array(w * h);
    for (let i = 0, n = w * h; i < n; i++) out[i] = data[n - 1 - i]!;
    return { width: w, height: h, data: out };
  }
  const out = new Uint8Array(w * h);
  // New image is h wide and w high.
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const v = data[y * w + x]!;
      // 90° clockwise: (x, y) → (h - 1 - y, x); 270°: (x, y) → (y, w - 1 - x).
      if (degrees === 90) out[x * h + (h - 1 - y)] = v;
      else out[(w - 1 - x) * h + y] = v;
    }
  }
  return { width: h, height: w, data: out };
}

/** Rotates by a small angle (degrees, positive = clockwise on screen) about the centre, same size,
 *  bilinear; what comes in from outside the image is white. */
export function rotateSmall(img: GrayImage, degrees: number): GrayImage {
  if (Math.abs(degrees) < 0.01) return img;
  const { width: w, height: h, data } = img;
  const out = new Uint8Array(w * h);
  const a = (degrees * Math.PI) / 180;
  const cos = Math.cos(a), sin = Math.sin(a);
  const cx = (w - 1) / 2, cy = (h - 1) / 2;
  for (let y = 0; y < h; y++) {
    const dy = y - cy;
    // Source of output pixel (x, y): rotate back by -a.
    let sx = cos * -cx + sin * dy + cx;
    let sy = -sin * -cx + cos * dy + cy;
    for (let x = 0; x < w; x++, sx += cos, sy -= sin) {
      const x0 = Math.floor(sx), y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 >= w - 1 || y0 >= h - 1) {
        out[y * w + x] = 255;
        continue;
      }
      const fx = sx - x0, fy = sy - y0;
      const i = y0 * w + x0;
      const top = data[i]! + (data[i + 1]! - data[i]!) * fx;
      const bottom = data[i + w]! + (data[i + w + 1]! - data[i + w]!) * fx;
      out[y * w + x] = top + (bottom - top) * fy + 0.5;
    }
  }
  return { width: w, height: h, data: out };
}

/** Otsu's threshold of the grey histogram: pixels at or below it are ink. */
export function otsuThreshold(img: GrayImage): number {
  const hist = new Float64Array(256);
  for (const v of img.data) hist[v]!++;
  const total = img.data.length;
  let sumAll = 0;
  for (let t = 0; t < 256; t++) sumAll += t * hist[t]!;
  let sumB = 0, wB = 0, best = 0, bestT = 127;
  for (let t = 0; t < 256; t++) {
    wB += hist[t]!;
    if (wB === 0) continue;
    const wF = total - wB;
    if (wF === 0) break;
    sumB += t * hist[t]!;
    const mB = sumB / wB, mF = (sumAll - sumB) / wF;
    const between = wB * wF * (mB - mF) * (mB - mF);
    if (between > best) {
      best = between;
      bestT = t;
    }
  }
  return bestT;
}

/** Ink mask: 1 where the pixel is at or below the threshold (default Otsu). */
export function binarize(img: GrayImage, threshold = otsuThreshold(img)): Uint8Array {
  const out = new Uint8Array(img.data.length);
  for (let i = 0; i < out.length; i++) out[i] = img.data[i]! <= threshold ? 1 : 0;
  return out;
}
