import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import i18next from 'i18next';
import { formatByteSize } from '../../renderer/src/format/byte-size.js';

const NumberFormat = Intl.NumberFormat;
after(() => {
  Intl.NumberFormat = NumberFormat;
  return i18next.changeLanguage('en');
});

/** How many Intl.NumberFormat `run` builds: building one costs far more than formatting with it (see format/time.ts). */
function numberFormatsBuilt(run: () => void): number {
  let built = 0;
  Intl.NumberFormat = new Proxy(NumberFormat, {
    construct(target, args: ConstructorParameters<typeof NumberFormat>) {
      built++;
      return new target(...args);
    },
  });
  try {
    run();
  } finally {
    Intl.NumberFormat = NumberFormat;
  }
  return built;
}

test("a list of backups' sizes builds its number format once per language, not once per size", async () => {
  await i18next.changeLanguage('es');
  formatByteSize(5 * 1024 * 1024); // the first in Spanish may build it
  const built = numberFormatsBuilt(() => {
    for (let size = 1; size <= 50; size++) assert.equal(formatByteSize(size * 1024 * 1024 + 512 * 1024).endsWith(',5 MB'), true);
  });
  assert.equal(built, 0);
  await i18next.changeLanguage('en');
  assert.equal(formatByteSize(12.3 * 1024 * 1024), '12.3 MB');
});
