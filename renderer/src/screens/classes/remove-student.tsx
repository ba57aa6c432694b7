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
  return (
    <ConfirmAction
      label={`Remove ${username} from class ${className}`}
      confirm="Yes, remove from class"
      busy="Removing…"
      action={async () => {
        await removeStudent(classId, studentId);
        onRemoved(`Removed ${username} from class ${className}. The account and everything ${username} played stay.`);
      }}
      describeError={(error) => `Not removed: ${error.message}`}
      onCancel={onClose}
    >
      Take <strong>{username}</strong> out of class {className}? The student's account and everything they already played stay (statements are
      research data; erasing them is a separate step on the player's page). Activities only for {className} will no longer let them in.
    </ConfirmAction>
  );
}
