/**
 * BIFF8's strings (src/cli/read-xls.ts, src/cli/xls-formula.ts): in one record, or in a record and
 * the CONTINUE records that carry it on (the SST), where a run of characters may change width at a
 * record's start. Data that ends early is a corrupt file.
 */

import { ReadError } from './read-error';

export const corrupt = (): ReadError => new ReadError('corrupt');

/**
 * Reads a record's data that CONTINUE records carry on (the SST): bytes across the pieces, and
 * characters whose width may change at a piece's start (each continued run of characters begins
 * with its own flags byte).
 */
export class Pieces {
  private piece = 0;
  constructor(
    private readonly pieces: Buffer[],
    private at = 0,
  ) {}

  /** True when every byte of every piece has been read. */
  get done(): boolean {
    for (let i = this.piece; i < this.pieces.length; i++)
      if ((this.pieces[i]?.length ?? 0) > (i === this.piece ? this.at : 0)) return false;
    return true;
  }

  /** Where the reader stands in the piece it is reading. */
  get offset(): number {
    return this.at;
  }

  private current(): Buffer {
    for (;;) {
      const p = this.pieces[this.piece];
      if (!p) throw corrupt();
      if (this.at < p.length) return p;
      this.piece++;
      this.at = 0;
    }
  }

  u8(): number {
    const p = this.current();
    return p[this.at++];
  }

  u16(): number {
    return this.u8() | (this.u8() << 8);
  }

  u32(): number {
    return (this.u16() | (this.u16() << 16)) >>> 0;
  }

  skip(n: number): void {
    let left = n;
    while (left > 0) {
      const p = this.current();
      const step = Math.min(left, p.length - this.at);
      this.at += step;
      left -= step;
    }
  }

  /** `count` characters, one byte each (Latin-1) or two (UTF-16LE), the width renewed at each piece. */
  chars(count: number, wide: boolean): string {
    let out = '';
    let left = count;
    let high = wide;
    while (left > 0) {
      let p = this.pieces[this.piece];
      if (!p) throw corrupt();
      if (this.at >= p.length) {
        this.piece++;
        this.at = 0;
        p = this.pieces[this.piece];
        if (!p || p.length === 0) throw corrupt();
        high = (p[this.at++] & 0x01) !== 0;
      }
      const width = high ? 2 : 1;
      const n = Math.min(left, Math.floor((p.length - this.at) / width));
      if (n === 0) throw corrupt();
      const bytes = p.subarray(this.at, this.at + n * width);
      out += high ? bytes.toString('utf16le') : bytes.toString('latin1');
      this.at += n * width;
      left -= n;
    }
    return out;
  }

  /**
   * A string: its count of characters (`lengthBytes` wide), flags, the counts of its rich runs and
   * phonetic data when the flags say so, and its characters; `after`, the bytes of runs and phonetic
   * data that follow, not read.
   */
  string(lengthBytes: 1 | 2): { text: string; after: number } {
    const count = lengthBytes === 1 ? this.u8() : this.u16();
    const flags = this.u8();
    const runs = flags & 0x08 ? this.u16() : 0;
    const ext = flags & 0x04 ? this.u32() : 0;
    return { text: this.chars(count, (flags & 0x01) !== 0), after: runs * 4 + ext };
  }

  /** An XLUnicodeRichExtendedString: the text, its rich runs and phonetic data skipped. */
  richString(): string {
    const { text, after } = this.string(2);
    this.skip(after);
    return text;
  }
}

/**
 * A string in one record: an XLUnicodeString (16-bit length) or a ShortXLUnicodeString (8-bit), its
 * text and where the record's next field begins.
 */
export function unicodeString(data: Buffer, at: number, lengthBytes: 1 | 2): { text: string; end: number } {
  const reader = new Pieces([data], at);
  const { text, after } = reader.string(lengthBytes);
  return { text, end: reader.offset + after };
}
