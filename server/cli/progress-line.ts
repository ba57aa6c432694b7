/** One self-overwriting progress line on stderr when it is a terminal; a line per tenth otherwise (logs stay short). */
export function progressLine(label: string): { update(done: number, total: number): void; end(): void } {
  const tty = process.stderr.isTTY === true;
  let lastTenth = -1;
  let shown = false;
  return {
    update(done, total) {
      const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
      const text = `${label} ${done.toLocaleString('en')} / ${total.toLocaleString('en')} (${percent}%)`;
      if (tty) {
        process.stderr.write(`\r${text}\u001b[K`);
        shown = true;
      } else if (Math.floor(percent / 10) !== lastTenth) {
        lastTenth = Math.floor(percent / 10);
        process.stderr.write(`${text}\n`);
      }
    },
    end() {
      if (tty && shown) process.stderr.write('\n');
    },
  };
}
