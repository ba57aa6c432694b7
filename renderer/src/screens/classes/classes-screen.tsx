import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useResource } from '../../api/use-resource';
import { ScreenTitle } from '../../components/screen-title';
import { EmptyState, ErrorBox, Loading } from '../../components/states';
import { navigate, useLocation } from '../../router';
import { ClassPanel } from './class-panel';
import { classesChangedIn } from './class-requests';
import { memberCounts } from './member-counts';
import './classes.css';
import { NewClassForm } from './new-class-form';
import type { ClassSummary } from './types';

/** The opened class is in the address (`/classes?class=ID`), so Back and a reload keep it open. */
function openClass(id: string): void {
  navigate(`/classes?class=${encodeURIComponent(id)}`);
}

/** Classes and their student accounts: what `aula class …` and `aula student …` do, for the teacher's dashboard. */
export function ClassesScreen() {
  const { t } = useTranslation('classes');
  const { search } = useLocation();
  const openId = new URLSearchParams(search).get('class');
  // Live: a class created, renamed or deleted, or its members changed, in another tab. The CLI writes from another
  // process and cannot announce anything: its changes show at the next reload (or the next change made here).
  const classes = useResource<{ classes: ClassSummary[] }>('/classes/summary', { staleOn: (changes) => classesChangedIn(changes).length > 0 });
  // Kept here, not in the panel: the deleted class's panel is gone once the list refreshes.
  const [deleted, setDeleted] = useState<string | null>(null);
  const list = classes.data?.classes;
  // A teacher with one class has nothing to choose: it is open (the address stays /classes, so Back is unchanged).
  const opened = openId === null && list?.length === 1 ? list[0] : list?.find((item) => item.id === openId);

  return (
    <section>
      <ScreenTitle title={t('title')}>{t('title')}</ScreenTitle>
      <p className="muted small">{t('intro')}</p>
      <NewClassForm
        onCreated={(created) => {
          setDeleted(null);
          classes.reload();
          openClass(created.id);
        }}
      />
      {deleted && (
        <p className="notice" role="status">
          {deleted}
        </p>
      )}
      {classes.error && <ErrorBox error={classes.error} onRetry={classes.reload} />}
      {!classes.data && !classes.error && <Loading />}
      {list && list.length === 0 && (
        <EmptyState title={t('emptyTitle')}>
          <p>{t('emptyBody')}</p>
        </EmptyState>
      )}
      {list && list.length > 0 && (
        <div className="classes-layout">
          <nav className="card" aria-label={t('listLabel')}>
            <ul className="class-list">
              {list.map((item) => (
                <li key={item.id}>
                  <button
                    type="button"
                    aria-current={item.id === opened?.id}
                    onClick={() => {
                      setDeleted(null);
                      openClass(item.id);
                    }}
                    data-class-id={item.id}
                  >
                    <span className="class-name">{item.name}</span>
                    <span className="muted small class-count">{memberCounts(item)}</span>
                  </button>
                </li>
              ))}
            </ul>
          </nav>
          <div>
            {opened ? (
              <ClassPanel
                key={opened.id}
                summary={opened}
                onChanged={classes.reload}
                onDeleted={(message) => {
                  setDeleted(message);
                  classes.reload();
                  navigate('/classes');
                }}
              />
            ) : (
              <p className="muted">{openId && classes.data ? t('gone') : t('choose')}</p>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
