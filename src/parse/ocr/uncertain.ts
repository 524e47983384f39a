import type { DocumentModel } from '../../document/model.ts';
import type { OcrRun } from './runs.ts';
export const UNCERTAIN_BELOW = 60;
export function markUncertain(_doc: DocumentModel, _runs: OcrRun[], _below: number): void {}
