import QRCode from 'qrcode';
import { useEffect, useRef, useState } from 'react';
import { t } from '../i18n/setup';

/** Drawn in the browser: no network, no image service. */
export function QrCode({ text, size = 176, label }: { text: string; size?: number; label: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!canvas.current) return;
    QRCode.toCanvas(canvas.current, text, { width: size, margin: 2, errorCorrectionLevel: 'M' }).then(
      () => setFailed(false),
      () => setFailed(true),
    );
  }, [text, size]);
  if (failed) return <p className="muted">{t('qrFailed')}</p>;
  return <canvas ref={canvas} className="qr" role="img" aria-label={label} data-qr-text={text} width={size} height={size} />;
}
