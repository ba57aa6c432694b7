/** How a roster file's bytes were read: UTF-8 (with or without BOM), or Windows-1252 when they are not UTF-8. */
export type RosterEncoding = 'utf-8' | 'windows-1252';

export interface DecodedRoster {
  text: string;
  encoding: RosterEncoding;
}

// Windows-1252's 0x80-0x9F, where it differs from Latin-1 (undefined bytes stay as their C1 code point, as browsers
// read them). Node's TextDecoder('windows-1252') reads these bytes as Latin-1, so a € or a curly quote came out wrong.
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f, 0x90, 0x2018,
  0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

function windows1252(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte >= 0x80 && byte <= 0x9f ? (CP1252_HIGH[byte - 0x80] as number) : byte);
  return text;
}

/**
 * A roster file's text. Excel's "CSV" on a Spanish (or any Western European) Windows is saved in Windows-1252, not
 * UTF-8: read as UTF-8, its ñ and accents became U+FFFD, so a password such as piña-77 was stored as something no
 * student can type, and names showed as Mu�oz. Bytes that are valid UTF-8 are read as UTF-8 (a Windows-1252 file
 * with accents is practically never valid UTF-8); any others as Windows-1252, which every byte is.
 */
export function decodeRoster(bytes: Uint8Array): DecodedRoster {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: windows1252(bytes), encoding: 'windows-1252' };
  }
}
