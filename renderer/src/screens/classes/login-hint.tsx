import { Trans, useTranslation } from 'react-i18next';
import { Link } from '../../router';

/** Where the accounts are used: the game's login, and the activity that lets this class in. */
export function LoginHint({ className }: { className: string }) {
  const { t } = useTranslation('classes');
  const quoted = `"${className.replace(/(["\\$`])/g, '\\$1')}"`;
  return (
    <section className="card howto login-hint" aria-labelledby="login-hint-title">
      <h2 id="login-hint-title">{t('loginHint.title')}</h2>
      <p>
        <Trans t={t} i18nKey="loginHint.body" values={{ className }} components={{ go: <Link to="/activities">{null}</Link> }} />
      </p>
      <p className="small">{t('loginHint.terminal')}</p>
      <pre className="code small">
        {[
          `npx aula activity create --name "Fractions" --class ${quoted} --no-anonymous`,
          `npx aula student add USERNAME --password-stdin --class ${quoted}`,
          `npx aula student import roster.csv --class ${quoted}`,
          `npx aula student join USERNAME --class ${quoted}`,
        ].join('\n')}
      </pre>
    </section>
  );
}
