import { Trans, useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { ConfirmAction } from '../../components/confirm-action';
import { deleteClass } from './class-requests';
import type { ClassSummary } from './types';

/**
 * Asks first and says what goes: the class and its memberships. The accounts stay (other classes, what they played).
 * A class with linked activities is refused by the server; its message names them and is shown as it is.
 */
export function DeleteClass({ summary, onDeleted, onClose }: { summary: ClassSummary; onDeleted: (message: string) => void; onClose: () => void }) {
  const { t } = useTranslation('classes');
  return (
    <ConfirmAction
      label={t('deleteClass.label', { name: summary.name })}
      confirm={t('deleteClass.confirm')}
      busy={t('deleteClass.busy')}
      action={async () => {
        await deleteClass(summary.id);
        onDeleted(t('deleteClass.done', { name: summary.name }));
      }}
      // The server's refusal already starts "Class … is not deleted"; other failures get the prefix.
      describeError={(error) => (error instanceof ApiError && error.reason === 'class-in-use' ? error.message : t('deleteClass.refused', { error: error.message }))}
      onCancel={onClose}
    >
      <Trans t={t} i18nKey="deleteClass.question" values={{ name: summary.name }} count={summary.members} components={{ strong: <strong /> }} />
      {summary.activities > 0 && ` ${t('deleteClass.linked', { count: summary.activities })}`}
    </ConfirmAction>
  );
}
