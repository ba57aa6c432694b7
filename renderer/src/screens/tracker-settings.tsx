/**
 * Each tracker reads the collector's address its own way (README "How a game connects", checked against their
 * sources): js-tracker and the Unity component take one URL, Java and C# a host without scheme, a port and a base
 * path whose default (empty) sends every request to a path Aula does not serve.
 */
export function TrackerSettings({ primary, port }: { primary: string; port: number }) {
  const host = new URL(primary).hostname;
  return (
    <details className="tracker-settings">
      <summary>Settings for each tracker</summary>
      <table className="table">
        <tbody>
          <tr>
            <th scope="row">js-tracker (browser, Node)</th>
            <td>
              <code>host = '{primary}'</code> (with <code>http://</code> and the port), <code>trackingCode</code>
            </td>
          </tr>
          <tr>
            <th scope="row">Unity tracker component</th>
            <td>
              Host <code>{primary}</code> (a whole URL, with the port), Tracking Code, Storage Type <code>net</code>, Trace Format{' '}
              <code>xapi</code>
            </td>
          </tr>
          <tr>
            <th scope="row">C# TrackerAsset</th>
            <td>
              Host <code>{host}</code> (no <code>http://</code>), Port <code>{port}</code>, Secure <code>false</code>, BasePath{' '}
              <code>/api/</code>, StorageType <code>net</code>, TraceFormat <code>xapi</code>
            </td>
          </tr>
          <tr>
            <th scope="row">java-tracker</th>
            <td>
              <code>setHost("{host}")</code>, <code>setPort({port})</code>, <code>setSecure(false)</code>, <code>setBasePath("/api/")</code>,
              trace format XAPI
            </td>
          </tr>
        </tbody>
      </table>
    </details>
  );
}
