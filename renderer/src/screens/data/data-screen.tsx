import { useTranslation } from 'react-i18next';
import { ScreenTitle } from '../../components/screen-title';
import { ExportPanel } from './export-panel';
import { ImportPanel } from './import-panel';
import { UploadPanel } from './upload-panel';
import './data.css';

/** Researchers' data: get every statement out (export), push it to the project's LRS (upload), merge another laptop's bundle (import). */
export function DataScreen() {
  const { t } = useTranslation('data');
  return (
    <section>
      <ScreenTitle title={t('title')}>{t('title')}</ScreenTitle>
      <ExportPanel />
      <UploadPanel />
      <ImportPanel />
    </section>
  );
}
