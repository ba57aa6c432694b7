/**
 * Copies text to the clipboard, also on plain http://<lan-ip> (not a secure context). Takes the text itself, not an
 * attribute of the page, so a hidden teacher key is never in the DOM.
 */
export async function copyText(text: string): Promise<void> {
  if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
  // http://<lan-ip> is not a secure context: fall back to a hidden text area.
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  document.execCommand('copy');
  area.remove();
}
