import { Trans, useTranslation } from 'react-i18next';

/**
 * Each tracker reads the collector's address its own way (README "How a game connects", checked against their
 * sources): js-tracker and the Unity component take one URL, Java and C# a host without scheme, a port and a base
 * path whose default (empty) sends every request to a path Aula does not serve.
 */
export function TrackerSettings({ primary, port }: { primary: string; port: number }) {
  const { t } = useTranslation('activities');
  const host = new URL(primary).hostname;
  // Setting names and values stay as the trackers spell them; only the words around them are translated.
  const values = { primary, host, port };
  const code = { code: <code /> };
  return (
    <details className="tracker-settings">
      <summary>{t('trackers.summary')}</summary>
      <table className="table">
        <tbody>
          <tr>
            <th scope="row">{t('trackers.js')}</th>
            <td>
              <Trans t={t} i18nKey="trackers.jsSettings" values={values} components={code} />
            </td>
          </tr>
          <tr>
            <th scope="row">{t('trackers.unity')}</th>
            <td>
              <Trans t={t} i18nKey="trackers.unitySettings" values={values} components={code} />
            </td>
          </tr>
          <tr>
            <th scope="row">{t('trackers.csharp')}</th>
            <td>
              <Trans t={t} i18nKey="trackers.csharpSettings" values={values} components={code} />
            </td>
          </tr>
          <tr>
            <th scope="row">{t('trackers.java')}</th>
            <td>
              <Trans t={t} i18nKey="trackers.javaSettings" values={values} components={code} />
            </td>
          </tr>
        </tbody>
      </table>
    </details>
  );
}
