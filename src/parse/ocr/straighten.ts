// A scanned page put upright and level: quarter turn (orient.ts), then skew (skew.ts), then the
// half turn decided on the level image (the ink above/below measure needs level lines).
import { rotateQuarter, rotateSmall, type GrayImage } from './image.ts';
import { inkAboveBelow, linesRunAcross, type QuarterTurn } from './orient.ts';
import { findSkew, sampleInk } from './skew.ts';

export interface Straightened {
  image: GrayImage;
  /** Clockwise quarter turn applied. */
  turn: QuarterTurn;
  /** Skew corrected, degrees (positive: the lines went down to the right). */
  skew: number;
  /** Whether the upright/upside-down measure was clear (false: worth checking by OCR confidence). */
  clear: boolean;
}

/** Largest skew looked for, degrees. A page scanned more crooked than this is read as it is. */
export const MAX_SKEW_DEG = 5;

export function straighten(img: GrayImage): Straightened {
  const { across } = linesRunAcross(img);
  let image = across ? img : rotateQuarter(img, 90);
  const step = Math.max(1, Math.round(Math.max(image.width, image.height) / 1400));
  const { angle } = findSkew(sampleInk(image, step), MAX_SKEW_DEG);
  // Sheared by +angle the rows line up: the lines go down to the right; turn them back.
  image = rotateSmall(image, -angle);
  const { above, below, lines } = inkAboveBelow(image);
  const upright = above >= below;
  const ratio = upright ? above / Math.max(1, below) : below / Math.max(1, above);
  if (!upright && lines >= 3) image = rotateQuarter(image, 180);
  const turned = !upright && lines >= 3;
  const turn: QuarterTurn = across ? (turned ? 180 : 0) : turned ? 270 : 90;
  return { image, turn, skew: angle, clear: lines >= 3 && ratio > 1.3 };
}
