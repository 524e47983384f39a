// Scans made from our own rendered reports: each page of a sample PDF rendered to an image
// (poppler's pdftoppm), stamped with a red round seal over the signature, given paper tone and
// specks, skewed by a degree or so, some pages turned 90°/180° as a careless scanner does,
// JPEG-compressed (jpeg-js) and wrapped back into a PDF that holds nothing but the page images —
// what a commune's copier sends. Deterministic: same PDF and style, same bytes.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jpeg from 'jpeg-js';
import { parsePnm, rotateQuarter, rotateSmall, type GrayImage, type PnmImage } from '../../src/parse/ocr/image.ts';
import { Rng } from './prng.ts';

export interface ScanStyle {
  dpi: 150 | 200 | 300;
  /** Colour scan (a seal needs colour to be told apart); otherwise grey. */
  colour: boolean;
  /** Degrees, positive clockwise; each page gets this ± a little. */
  skew: number;
  /** Clockwise quarter turns by page (1-based); pages not listed are upright. */
  turns: Record<number, 90 | 180 | 270>;
  /** Red round seal over the signature. */
  stamp: boolean;
  /** JPEG quality 1–100. */
  quality: number;
}

// ------------------------------------------------------------------ page images (RGB)

interface Rgb {
  width: number;
  height: number;
  r: Uint8Array;
  g: Uint8Array;
  b: Uint8Array;
}

function toRgb(p: PnmImage): Rgb {
  const n = p.width * p.height;
  const [r, g, b] = [new Uint8Array(n), new Uint8Array(n), new Uint8Array(n)];
  for (let i = 0; i < n; i++) {
    const j = p.channels === 3 ? 3 * i : i;
    r[i] = p.data[j]!;
    g[i] = p.data[p.channels === 3 ? j + 1 : j]!;
    b[i] = p.data[p.channels === 3 ? j + 2 : j]!;
  }
  return { width: p.width, height: p.height, r, g, b };
}

function mapChannels(img: Rgb, f: (c: GrayImage) => GrayImage): Rgb {
  const ch = (data: Uint8Array) => f({ width: img.width, height: img.height, data });
  const r = ch(img.r), g = ch(img.g), b = ch(img.b);
  return { width: r.width, height: r.height, r: r.data, g: g.data, b: b.data };
}

function renderPage(pdf: string, page: number, dpi: number, dir: string): Rgb {
  const root = join(dir, `p${page}`);
  execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', pdf, root], { timeout: 60_000 });
  return toRgb(parsePnm(readFileSync(`${root}.ppm`)));
}

function pageCount(pdf: string): number {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'latin1', timeout: 30_000 });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
}

/** Where the signer's title ('CHỦ TỊCH' after 'Nơi nhận:') is: page and point (PDF points). */
export function signaturePlace(pdf: string): { page: number; x: number; y: number } | null {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', timeout: 30_000, maxBuffer: 64 * 1024 * 1024 });
  const pages = html.split('<page ').slice(1);
  for (let p = 0; p < pages.length; p++) {
    const words = [...pages[p]!.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)]
      .map((m) => ({ x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]), t: m[5]! }));
    const recipients = words.find((w) => /^nhận:$/i.test(w.t) && w.x0 < 250);
    if (!recipients) continue;
    const title = words.find((w) => w.t === 'TỊCH' && w.x0 > 250 && Math.abs(w.y0 - recipients.y0) < 80);
    if (title) return { page: p + 1, x: title.x0, y: title.y1 };
  }
  return null;
}

// ------------------------------------------------------------------ what the scanner adds

/** Red seal ink printed over the page (multiply: black print stays black under it). */
function stampSeal(img: Rgb, cx: number, cy: number, radius: number, rng: Rng): void {
  const ink = [196, 28, 40];
  const rings: [number, number][] = [[radius * 0.93, radius], [radius * 0.72, radius * 0.76]];
  const r2 = radius * radius;
  for (let y = Math.max(0, Math.floor(cy - radius)); y < Math.min(img.height, Math.ceil(cy + radius)); y++) {
    for (let x = Math.max(0, Math.floor(cx - radius)); x < Math.min(img.width, Math.ceil(cx + radius)); x++) {
      const dx = x - cx, dy = y - cy;
      const d2 = dx * dx + dy * dy;
      if (d2 > r2) continue;
      const d = Math.sqrt(d2);
      const a = Math.atan2(dy, dx);
      let on = rings.some(([lo, hi]) => d >= lo && d <= hi);
      // Lettering between the rings: short radial strokes in groups, like a seal's inscription.
      if (!on && d > radius * 0.79 && d < radius * 0.9) on = Math.floor((a + Math.PI) * 40) % 3 === 0 && Math.floor((a + Math.PI) * 6) % 5 !== 0;
      // A star in the middle.
      if (!on && d < radius * 0.3) {
        const k = Math.cos(5 * a + Math.PI / 2);
        on = d < radius * (0.12 + 0.14 * Math.max(0, k));
      }
      // Two lines of lettering across the middle.
      if (!on && Math.abs(dy) > radius * 0.34 && Math.abs(dy) < radius * 0.48 && Math.abs(dx) < radius * 0.5) on = Math.floor((dx + radius) / (radius * 0.07)) % 2 === 0;
      if (!on || rng.chance(0.12)) continue; // worn ink
      const i = y * img.width + x;
      img.r[i] = (img.r[i]! * ink[0]!) / 255;
      img.g[i] = (img.g[i]! * ink[1]!) / 255;
      img.b[i] = (img.b[i]! * ink[2]!) / 255;
    }
  }
}

/** Paper tone, sensor noise and a few specks. */
function paperAndNoise(img: Rgb, rng: Rng, dpi: number): void {
  const n = img.width * img.height;
  const noise = new Int8Array(4096);
  for (let k = 0; k < noise.length; k++) noise[k] = rng.int(-2, 2);
  for (let i = 0; i < n; i++) {
    const e = noise[(i * 2654435761) >>> 20 & 4095]!;
    for (const c of [img.r, img.g, img.b]) c[i] = Math.max(0, Math.min(255, Math.round(c[i]! * 0.93 + 8 + e)));
  }
  const specks = Math.round((img.width * img.height) / (dpi * dpi) * 3);
  for (let s = 0; s < specks; s++) {
    const x = rng.int(0, img.width - 3), y = rng.int(0, img.height - 3);
    const size = rng.int(1, Math.max(1, Math.round(dpi / 100)));
    for (let dy = 0; dy < size; dy++) for (let dx = 0; dx < size; dx++) {
      const i = (y + dy) * img.width + x + dx;
      img.r[i] = img.g[i] = img.b[i] = rng.int(40, 120);
    }
  }
}

function toGray(img: Rgb): Rgb {
  const n = img.width * img.height;
  const g = new Uint8Array(n);
  for (let i = 0; i < n; i++) g[i] = (img.r[i]! * 299 + img.g[i]! * 587 + img.b[i]! * 114 + 500) / 1000;
  return { width: img.width, height: img.height, r: g, g, b: g };
}

function toJpeg(img: Rgb, quality: number): Buffer {
  const n = img.width * img.height;
  const data = Buffer.alloc(n * 4);
  for (let i = 0; i < n; i++) {
    data[4 * i] = img.r[i]!;
    data[4 * i + 1] = img.g[i]!;
    data[4 * i + 2] = img.b[i]!;
    data[4 * i + 3] = 255;
  }
  return Buffer.from(jpeg.encode({ data, width: img.width, height: img.height }, quality).data);
}

// ------------------------------------------------------------------ image-only PDF

export interface PdfImagePage {
  jpeg: Buffer;
  width: number;
  height: number;
  dpi: number;
}

/** A PDF whose pages are nothing but one JPEG each (DCTDecode, DeviceRGB), page size from the dpi.
 *  `hiddenText`: an invisible text layer on every page (render mode 3), as scanner apps add — for
 *  testing a layer that is there but unreadable. */
export function imagePdf(pages: PdfImagePage[], producer = 'baocao samples scanner', hiddenText?: string): Buffer {
  const chunks: Buffer[] = [];
  const offsets: number[] = [];
  let size = 0;
  const put = (b: Buffer | string) => {
    const buf = typeof b === 'string' ? Buffer.from(b, 'latin1') : b;
    chunks.push(buf);
    size += buf.length;
  };
  const obj = (n: number, body: (Buffer | string)[]) => {
    offsets[n] = size;
    put(`${n} 0 obj\n`);
    for (const b of body) put(b);
    put('\nendobj\n');
  };
  put('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n');
  const n = pages.length;
  // 1 catalog, 2 pages, 3 info; page k: 4+3k page, 5+3k contents, 6+3k image.
  obj(1, ['<< /Type /Catalog /Pages 2 0 R >>']);
  obj(2, [`<< /Type /Pages /Count ${n} /Kids [${pages.map((_, k) => `${4 + 3 * k} 0 R`).join(' ')}] >>`]);
  obj(3, [`<< /Producer (${producer}) /Creator (Scan) >>`]);
  pages.forEach((p, k) => {
    const w = ((p.width * 72) / p.dpi).toFixed(2), h = ((p.height * 72) / p.dpi).toFixed(2);
    const text = hiddenText ? ` BT /F1 10 Tf 3 Tr 40 ${Number(h) - 60} Td 12 TL (${hiddenText.replace(/[()\\]/g, '\\$&')}) ' ET` : '';
    const content = `q ${w} 0 0 ${h} 0 0 cm /Im0 Do Q${text}`;
    const font = hiddenText ? ' /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >> >>' : '';
    obj(4 + 3 * k, [`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] /Resources << /XObject << /Im0 ${6 + 3 * k} 0 R >>${font} >> /Contents ${5 + 3 * k} 0 R >>`]);
    const bytes = Buffer.from(content, 'latin1');
    obj(5 + 3 * k, [`<< /Length ${bytes.length} >>\nstream\n`, bytes, '\nendstream']);
    obj(6 + 3 * k, [
      `<< /Type /XObject /Subtype /Image /Width ${p.width} /Height ${p.height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${p.jpeg.length} >>\nstream\n`,
      p.jpeg,
      '\nendstream',
    ]);
  });
  const xref = size;
  const count = 4 + 3 * n;
  put(`xref\n0 ${count}\n0000000000 65535 f \n`);
  for (let i = 1; i < count; i++) put(`${String(offsets[i]).padStart(10, '0')} 00000 n \n`);
  put(`trailer\n<< /Size ${count} /Root 1 0 R /Info 3 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return Buffer.concat(chunks);
}

// ------------------------------------------------------------------ the whole scan

/** Scans a PDF (path) in the given style; `seed` makes the noise and the seal's wear. */
export function scanPdf(pdf: string, style: ScanStyle, seed: string): Buffer {
  return imagePdf(scanPages(pdf, style, seed));
}

/** The scanned page images of a PDF (path), in page order. */
export function scanPages(pdf: string, style: ScanStyle, seed: string): PdfImagePage[] {
  const rng = Rng.from(seed, 'scan');
  const dir = mkdtempSync(join(tmpdir(), 'baocao-scan-'));
  try {
    const sig = style.stamp ? signaturePlace(pdf) : null;
    const pages: PdfImagePage[] = [];
    for (let p = 1, n = pageCount(pdf); p <= n; p++) {
      let img = renderPage(pdf, p, style.dpi, dir);
      const px = style.dpi / 72;
      if (sig && sig.page === p) stampSeal(img, (sig.x - 8) * px, (sig.y + 40) * px, 0.72 * style.dpi, rng.fork(`seal${p}`));
      paperAndNoise(img, rng.fork(`noise${p}`), style.dpi);
      if (!style.colour) img = toGray(img);
      const skew = style.skew + (rng.next() - 0.5) * 0.4;
      img = mapChannels(img, (c) => rotateSmall(c, skew));
      const turn = style.turns[p];
      if (turn) img = mapChannels(img, (c) => rotateQuarter(c, turn));
      pages.push({ jpeg: toJpeg(img, style.quality), width: img.width, height: img.height, dpi: style.dpi });
    }
    return pages;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
