import { Trans, useTranslation } from 'react-i18next';
import { ConfirmAction } from '../../components/confirm-action';
import { Link } from '../../router';
import { deleteStudentAccount, StudentHasData } from './student-requests';

/**
 * The account itself, for good (aula student delete): for a student who left the school, or asked to be erased. The
 * server refuses while the student's data is not erased; its message says so, and the player's page that erases the
 * data is linked beside it.
 */
export function DeleteStudentAccount({ username, onDeleted, onClose }: { username: string; onDeleted: (message: string) => void; onClose: () => void }) {
  const { t } = useTranslation('classes');
  return (
    <ConfirmAction
      label={t('deleteAccount.label', { username })}
      confirm={t('deleteAccount.confirm')}
      busy={t('deleteAccount.busy')}
      action={async () => {
        await deleteStudentAccount(username);
        onDeleted(t('deleteAccount.done', { username }));
      }}
      // The refusal for data still in Aula says "Nothing deleted" already: shown as it is, with the page to erase it.
      describeError={(error) =>
        error instanceof StudentHasData ? (
          <>
            {error.message}
            {error.player !== null && (
              <>
                {' '}
                <Link to={`/players/${encodeURIComponent(error.player)}`}>{t('deleteAccount.playerPage', { username })}</Link>
              </>
            )}
          </>
        ) : (
          t('deleteAccount.refused', { error: error.message })
        )
      }
      onCancel={onClose}
    >
      <Trans t={t} i18nKey="deleteAccount.question" values={{ username }} components={{ strong: <strong /> }} />
    </ConfirmAction>
  );
}
