import { Trans, useTranslation } from 'react-i18next';
import { ApiError, apiDelete } from '../../api/client';
import { ConfirmAction } from '../../components/confirm-action';

/**
 * The account itself, for good (aula student delete): for a student who left the school, or asked to be erased. The
 * server refuses while the student's data is not erased, and its message says where to erase it.
 */
export function DeleteStudentAccount({ username, onDeleted, onClose }: { username: string; onDeleted: (message: string) => void; onClose: () => void }) {
  const { t } = useTranslation('classes');
  return (
    <ConfirmAction
      label={t('deleteAccount.label', { username })}
      confirm={t('deleteAccount.confirm')}
      busy={t('deleteAccount.busy')}
      action={async () => {
        await apiDelete(`/students/${encodeURIComponent(username)}`);
        onDeleted(t('deleteAccount.done', { username }));
      }}
      // The refusal for data still in Aula says "Nothing deleted" and where to erase it already: shown as it is.
      describeError={(error) => (error instanceof ApiError && error.reason === 'student-has-data' ? error.message : t('deleteAccount.refused', { error: error.message }))}
      onCancel={onClose}
    >
      <Trans t={t} i18nKey="deleteAccount.question" values={{ username }} components={{ strong: <strong /> }} />
    </ConfirmAction>
  );
}
