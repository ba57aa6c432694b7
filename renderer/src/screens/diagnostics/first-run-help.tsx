/** The usual reasons games on other computers cannot reach Aula, with the steps per operating system. */
export function FirstRunHelp({ port, addresses }: { port: number; addresses: string[] }) {
  const address = addresses[0] ?? 'this computer\u2019s address';
  return (
    <div className="card first-run-help" data-testid="first-run-help">
      <h2>No game from another computer has reached Aula yet</h2>
      <p>
        An activity is open, but for several minutes no other computer has connected. The usual causes, most likely first. To
        test one fix, open <code>http://{address}:{port}/</code> in a browser on a student's computer: it shows a page saying Aula
        is reachable.
      </p>
      <ol>
        <li>
          <strong>The firewall blocks Aula</strong> (often because its prompt was closed or answered "Cancel").
          <ul>
            <li>
              Windows: Start → "Allow an app through Windows Firewall" → Change settings → tick Aula (or Node.js) for{' '}
              <em>Private</em> networks, or add an inbound rule for TCP port {port}.
            </li>
            <li>
              macOS: System Settings → Network → Firewall → Options → set Aula to "Allow incoming connections".
            </li>
            <li>
              Linux: allow the port, e.g. <code>sudo ufw allow {port}/tcp</code> or{' '}
              <code>sudo firewall-cmd --add-port={port}/tcp</code>.
            </li>
          </ul>
        </li>
        <li>
          <strong>The students' computers are on another network</strong> (a second Wi-Fi, a wired network, a phone hotspot).
          <ul>
            <li>Windows: Settings → Network &amp; internet shows the network name; compare it on both computers.</li>
            <li>macOS: the Wi-Fi menu in the menu bar shows the network name.</li>
            <li>Linux: the network menu, or <code>nmcli connection show --active</code>.</li>
          </ul>
        </li>
        <li>
          <strong>The Wi-Fi keeps devices apart</strong> (guest networks and some school networks use "client isolation"):
          computers reach the internet but not each other. Use the staff network, ask IT to allow traffic to this computer
          on port {port}, or connect the classroom through a small router of your own.
          <ul>
            <li>
              Windows: also make sure this network is set to <em>Private</em> (Settings → Network &amp; internet → the
              network → Network profile type).
            </li>
            <li>macOS and Linux: nothing to set on this computer; the network itself must allow it.</li>
          </ul>
        </li>
      </ol>
    </div>
  );
}
