/**
 * The statements' JSON as UTF-8, the encoding xAPI (Communication 1.4) and RFC 8259 §8.1 require. A body in UTF-16 is
 * decoded rather than refused: a .NET client given `Encoding.Unicode` sends it with `charset=utf-16` (little-endian,
 * no byte-order mark), and Learning Locker's body parser takes it, so the game works with an LRS and would fail only
 * here. It is recognised by a UTF-16 byte-order mark, or by a declared utf-16 charset with the zero byte an ASCII
 * first character (`{`, `[` or a space) has in UTF-16; any other body is read as UTF-8, as before, whatever charset it
 * declares (clients label UTF-8 as iso-8859-1 too).
 */
export function utf8Json(raw: Buffer, contentType: string): Buffer {
  const endianness = utf16Endianness(raw, charsetOf(contentType));
  if (!endianness) return raw;
  const bom = raw[0] === 0xff || raw[0] === 0xfe ? 2 : 0;
  const text = new TextDecoder(endianness === 'le' ? 'utf-16le' : 'utf-16be').decode(raw.subarray(bom));
  return Buffer.from(text, 'utf8');
}

function utf16Endianness(raw: Buffer, charset: string | undefined): 'le' | 'be' | undefined {
  if (raw.length < 2) return undefined;
  if (raw[0] === 0xff && raw[1] === 0xfe) return 'le';
  if (raw[0] === 0xfe && raw[1] === 0xff) return 'be';
  if (!charset?.startsWith('utf-16')) return undefined;
  if (raw[1] === 0 && raw[0] !== 0) return 'le';
  if (raw[0] === 0 && raw[1] !== 0) return 'be';
  return undefined;
}

function charsetOf(contentType: string): string | undefined {
  const match = /;\s*charset=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return (match?.[1] ?? match?.[2])?.toLowerCase();
}
