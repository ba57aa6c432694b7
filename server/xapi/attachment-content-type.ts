/**
 * Whether an attachment's content type can be written back as a part's `Content-Type:` line (in Latin-1) of GET
 * ?attachments=true and of an upload to an LRS: visible ASCII, spaces, tabs, and the Latin-1 bytes a game's part header
 * may carry (RFC 9110 field-value with obs-text). A line break or another control character would add header lines
 * there, or end the part's head early, for every reader; a character above U+00FF would be cut to one byte, maybe one.
 */
export function isHeaderValue(value: string): boolean {
  return /^[\t\x20-\x7e\x80-\xff]+$/.test(value);
}
