/**
 * The CBOR that Pagefind's files are written in (RFC 8949; the `minicbor` crate
 * encodes a struct as an array of its fields): unsigned and negative integers,
 * text strings and arrays, each in its shortest form. A `Uint8Array` is CBOR
 * encoded already (by a worker thread) and goes in as it is.
 */
export type CborValue = number | string | Uint8Array | CborValue[];

export function encodeCbor(value: CborValue): Buffer {
  const writer = new CborWriter();
  writer.write(value);
  return writer.done();
}

export class CborWriter {
  #buffer = Buffer.allocUnsafe(1 << 16);
  #length = 0;

  write(value: CborValue): void {
    if (typeof value === 'number') this.int(value);
    else if (value instanceof Uint8Array) this.raw(value);
    else if (typeof value === 'string') this.text(value);
    else {
      this.array(value.length);
      for (const item of value) this.write(item);
    }
  }

  /** The head of an array of `length` items, which the next writes give. */
  array(length: number): void {
    this.#head(4, length);
  }

  int(value: number): void {
    if (value >= 0) this.#head(0, value);
    else this.#head(1, -1 - value);
  }

  /** Bytes that are CBOR already. */
  raw(bytes: Uint8Array): void {
    this.#room(bytes.length);
    this.#buffer.set(bytes, this.#length);
    this.#length += bytes.length;
  }

  text(value: string): void {
    const bytes = Buffer.byteLength(value, 'utf8');
    this.#head(3, bytes);
    this.#room(bytes);
    this.#length += this.#buffer.write(value, this.#length, 'utf8');
  }

  /** Bytes written so far. */
  get length(): number {
    return this.#length;
  }

  done(): Buffer {
    return Buffer.from(this.#buffer.subarray(0, this.#length));
  }

  #head(major: number, n: number): void {
    this.#room(9);
    const b = this.#buffer;
    const m = major << 5;
    if (n < 24) b[this.#length++] = m | n;
    else if (n < 0x100) {
      b[this.#length++] = m | 24;
      b[this.#length++] = n;
    } else if (n < 0x10000) {
      b[this.#length++] = m | 25;
      b.writeUInt16BE(n, this.#length);
      this.#length += 2;
    } else if (n < 0x100000000) {
      b[this.#length++] = m | 26;
      b.writeUInt32BE(n, this.#length);
      this.#length += 4;
    } else {
      b[this.#length++] = m | 27;
      b.writeBigUInt64BE(BigInt(n), this.#length);
      this.#length += 8;
    }
  }

  #room(bytes: number): void {
    if (this.#length + bytes <= this.#buffer.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.#buffer.length * 2, this.#length + bytes));
    this.#buffer.copy(bigger, 0, 0, this.#length);
    this.#buffer = bigger;
  }
}

/** Reads what `encodeCbor` writes (and Pagefind's files): for tests and for reading an index back. */
export function decodeCbor(bytes: Uint8Array): CborValue {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let i = 0;
  const length = (info: number): number => {
    if (info < 24) return info;
    if (info === 24) return buffer[i++];
    if (info === 25) return (i += 2), buffer.readUInt16BE(i - 2);
    if (info === 26) return (i += 4), buffer.readUInt32BE(i - 4);
    if (info === 27) return (i += 8), Number(buffer.readBigUInt64BE(i - 8));
    throw new Error(`CBOR: indefinite or reserved length (${info}) at byte ${i}`);
  };
  const item = (): CborValue => {
    const head = buffer[i++];
    const major = head >> 5;
    const n = length(head & 31);
    if (major === 0) return n;
    if (major === 1) return -1 - n;
    if (major === 3) return (i += n), buffer.toString('utf8', i - n, i);
    if (major === 4) return Array.from({ length: n }, item);
    throw new Error(`CBOR: major type ${major} is not used by Pagefind (byte ${i - 1})`);
  };
  return item();
}
