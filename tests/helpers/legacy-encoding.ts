/**
 * Encoders for GBK and Big5, built by inverting the TextDecoder tables (Node has
 * decoders for both but no encoders). Only tests need them: to write the GBK and
 * Big5 files an editor would have saved.
 */
type Table = Map<string, number[]>;
const tables = new Map<string, Table>();

function table(encoding: 'gbk' | 'big5'): Table {
  const cached = tables.get(encoding);
  if (cached) return cached;
  const map: Table = new Map();
  const decoder = new TextDecoder(encoding);
  // Standard areas first, so a character with two codes gets the common one (Big5 before HKSCS).
  const leads = encoding === 'big5' ? [...range(0xa1, 0xf9), ...range(0x81, 0xa0), ...range(0xfa, 0xfe)] : [...range(0xa1, 0xfe), ...range(0x81, 0xa0)];
  const trails = encoding === 'big5' ? [...range(0x40, 0x7e), ...range(0xa1, 0xfe)] : [...range(0xa1, 0xfe), ...range(0x40, 0x7e), ...range(0x80, 0xa0)];
  for (const lead of leads) {
    for (const trail of trails) {
      const char = decoder.decode(new Uint8Array([lead, trail]));
      if (char.length === 1 && char !== '\ufffd' && !map.has(char)) map.set(char, [lead, trail]);
    }
  }
  tables.set(encoding, map);
  return map;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** `text` in GBK or Big5; throws on a character the encoding lacks, so a fixture cannot silently lose one. */
export function encodeLegacy(text: string, encoding: 'gbk' | 'big5'): Buffer {
  const map = table(encoding);
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) {
      bytes.push(code);
      continue;
    }
    const pair = map.get(char);
    if (!pair) throw new Error(`${encoding} has no code for ${JSON.stringify(char)} (U+${code.toString(16)})`);
    bytes.push(...pair);
  }
  return Buffer.from(bytes);
}

/** `text` as UTF-16 little-endian with a byte-order mark. */
export function encodeUtf16le(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}
