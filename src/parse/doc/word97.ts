// What a Word 97–2003 file (an OLE2 compound file with a WordDocument stream) says about itself
// in its File Information Block, read without converting it: whether it is password-protected
// (LibreOffice cannot open it without the password, and must not be left waiting for one).
import CFB from 'cfb';

export interface Word97Info {
  /** fEncrypted: RC4 / CryptoAPI encryption, or XOR obfuscation (fObfuscated). */
  encrypted: boolean;
  /** wIdent 0xA5EC: Word 97 or later; 0xA5DC: Word 6/95. */
  version: 'word97' | 'word6' | 'unknown';
}

const F_ENCRYPTED = 0x0100;

/** The FIB's facts, or null when the buffer has no readable WordDocument stream. */
export function word97Info(buffer: Buffer): Word97Info | null {
  let stream: Buffer | null = null;
  try {
    const container = CFB.read(buffer, { type: 'buffer' });
    const entry = CFB.find(container, 'WordDocument');
    if (entry?.content) stream = Buffer.from(entry.content as Uint8Array);
  } catch {
    return null;
  }
  if (!stream || stream.length < 12) return null;
  const ident = stream.readUInt16LE(0);
  const flags = stream.readUInt16LE(0x0a);
  return {
    encrypted: (flags & F_ENCRYPTED) !== 0,
    version: ident === 0xa5ec ? 'word97' : ident === 0xa5dc ? 'word6' : 'unknown',
  };
}
