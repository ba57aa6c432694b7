import { useResource } from '../../api/use-resource';
import { EmptyState, ErrorBox, Loading } from '../../components/states';
import { navigate, useLocation } from '../../router';
import { ClassPanel } from './class-panel';
import './classes.css';
import { NewClassForm } from './new-class-form';
import type { ClassSummary } from './types';

/** The opened class is in the address (`/classes?class=ID`), so Back and a reload keep it open. */
function openClass(id: string): void {
  navigate(`/classes?class=${encodeURIComponent(id)}`);
}

/** Classes and their student accounts: what `aula class …` and `aula student …` do, for the teacher's dashboard. */
export function ClassesScreen() {
  const { search } = useLocation();
  const openId = new URLSearchParams(search).get('class');
  const classes = useResource<{ classes: ClassSummary[] }>('/classes/summary');
  const list = classes.data?.classes;
  const opened = list?.find((item) => item.id === openId);

  return (
    <section>
      <h2>Classes</h2>
      <p className="muted small">
        A class is a list of student accounts. Students type their username and password in the game, and their traces carry their
        username instead of an anonymous animal name.
      </p>
      <NewClassForm
        onCreated={(created) => {
          classes.reload();
          openClass(created.id);
        }}
      />
      {classes.error && <ErrorBox error={classes.error} onRetry={classes.reload} />}
      {!classes.data && !classes.error && <Loading />}
      {list && list.length === 0 && (
        <EmptyState title="No class yet">
          <p>Create one above, e.g. “3B”; then add its students one by one or import a roster file.</p>
        </EmptyState>
      )}
      {list && list.length > 0 && (
        <div className="classes-layout">
          <nav className="card" aria-label="Classes">
            <ul className="class-list">
              {list.map((item) => (
                <li key={item.id}>
                  <button type="button" aria-current={item.id === openId} onClick={() => openClass(item.id)} data-class-id={item.id}>
                    <span className="class-name">{item.name}</span>
                    <span className="muted small class-count">
                      {item.students} student{item.students === 1 ? '' : 's'}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </nav>
          <div>
            {opened ? (
              <ClassPanel key={opened.id} summary={opened} onChanged={classes.reload} />
            ) : (
              <p className="muted">{openId && classes.data ? 'That class does not exist (any more).' : 'Choose a class to see and add its students.'}</p>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
