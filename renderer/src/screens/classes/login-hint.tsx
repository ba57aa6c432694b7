import { Link } from '../../router';

/** Where the accounts are used: the game's login, and the activity that lets this class in. */
export function LoginHint({ className }: { className: string }) {
  const quoted = `"${className.replace(/(["\\$`])/g, '\\$1')}"`;
  return (
    <section className="card howto login-hint" aria-labelledby="login-hint-title">
      <h2 id="login-hint-title">How a game logs in</h2>
      <p>
        The game asks the student for the username and password (the trackers log in first, then start with the activity's tracking
        code). To let only this class play, create an activity in <Link to="/activities">Activities</Link> with the class {className} and
        “Allow anonymous players” switched off: others are then refused.
      </p>
      <p className="small">The same from a terminal:</p>
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
