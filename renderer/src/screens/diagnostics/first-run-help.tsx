import { Trans, useTranslation } from 'react-i18next';
import type { diagnostics } from '../../i18n/en/diagnostics';

type Paragraph = Exclude<keyof (typeof diagnostics)['firstRun'], 'title' | 'thisAddress'>;

/** The usual reasons games on other computers cannot reach Aula, with the steps per operating system. */
export function FirstRunHelp({ port, addresses }: { port: number; addresses: string[] }) {
  const { t } = useTranslation('diagnostics');
  const address = addresses[0] ?? t('firstRun.thisAddress');
  // The port as typed in a URL or a command: a plain number ("3000", never "3,000").
  const values = { port: String(port), address };
  const marks = { code: <code />, strong: <strong />, em: <em /> };
  const say = (key: Paragraph) => <Trans t={t} i18nKey={`firstRun.${key}`} values={values} components={marks} />;
  return (
    <div className="card first-run-help" data-testid="first-run-help">
      <h2>{t('firstRun.title')}</h2>
      <p>{say('intro')}</p>
      <ol>
        <li>
          {say('firewall')}
          <ul>
            <li>{say('firewallWindows')}</li>
            <li>{say('firewallMac')}</li>
            <li>{say('firewallLinux')}</li>
          </ul>
        </li>
        <li>
          {say('otherNetwork')}
          <ul>
            <li>{say('otherNetworkWindows')}</li>
            <li>{say('otherNetworkMac')}</li>
            <li>{say('otherNetworkLinux')}</li>
          </ul>
        </li>
        <li>
          {say('isolation')}
          <ul>
            <li>{say('isolationWindows')}</li>
            <li>{say('isolationOthers')}</li>
          </ul>
        </li>
      </ol>
    </div>
  );
}
