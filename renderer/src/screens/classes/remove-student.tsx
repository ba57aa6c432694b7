import { Trans, useTranslation } from 'react-i18next';
import { ConfirmAction } from '../../components/confirm-action';
import { removeStudent } from './student-requests';

/** Asks first, and says plainly that only the membership goes: the account and every statement stay. */
export function RemoveStudent({
  classId,
  className,
  studentId,
  username,
  onRemoved,
  onClose,
}: {
  classId: string;
  className: string;
  studentId: string;
  username: string;
  onRemoved: (message: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('classes');
  return (
    <ConfirmAction
      label={t('remove.label', { username, className })}
      confirm={t('remove.confirm')}
      busy={t('remove.busy')}
      action={async () => {
        await removeStudent(classId, studentId);
        onRemoved(t('remove.done', { username, className }));
      }}
      describeError={(error) => t('remove.refused', { error: error.message })}
      onCancel={onClose}
    >
      <Trans t={t} i18nKey="remove.question" values={{ username, className }} components={{ strong: <strong /> }} />
    </ConfirmAction>
  );
}
