import { ApiError } from '../../api/client';
import { ConfirmAction } from '../../components/confirm-action';
import { deleteClass } from './class-requests';
import type { ClassSummary } from './types';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Asks first and says what goes: the class and its memberships. The accounts stay (other classes, what they played).
 * A class with linked activities is refused by the server; its message names them and is shown as it is.
 */
export function DeleteClass({ summary, onDeleted, onClose }: { summary: ClassSummary; onDeleted: (message: string) => void; onClose: () => void }) {
  return (
    <ConfirmAction
      label={`Delete class ${summary.name}`}
      confirm="Yes, delete class"
      busy="Deleting…"
      action={async () => {
        await deleteClass(summary.id);
        onDeleted(`Deleted class ${summary.name}. Its student accounts stay, with everything they played, and in any other class.`);
      }}
      // The server's refusal already starts "Class … is not deleted"; other failures get the prefix.
      describeError={(error) => (error instanceof ApiError && error.reason === 'class-in-use' ? error.message : `Not deleted: ${error.message}`)}
      onCancel={onClose}
    >
      Delete class <strong>{summary.name}</strong>? Its {count(summary.students, 'membership goes', 'memberships go')}: the student accounts
      stay, with everything they already played, and in any other class they are in.
      {summary.activities > 0 &&
        ` ${count(summary.activities, 'activity is', 'activities are')} linked to it: Aula keeps the class until they have another class or none (Activities, Change).`}
    </ConfirmAction>
  );
}
