import { ApiError, apiDelete } from '../../api/client';
import { ConfirmAction } from '../../components/confirm-action';

/**
 * The account itself, for good (aula student delete): for a student who left the school, or asked to be erased. The
 * server refuses while the student's data is not erased, and its message says where to erase it.
 */
export function DeleteStudentAccount({ username, onDeleted, onClose }: { username: string; onDeleted: (message: string) => void; onClose: () => void }) {
  return (
    <ConfirmAction
      label={`Delete the account of ${username}`}
      confirm="Yes, delete account"
      busy="Deleting…"
      action={async () => {
        await apiDelete(`/students/${encodeURIComponent(username)}`);
        onDeleted(`Deleted the account of ${username}: its name, e-mail address, password and classes are gone, and its logins stop working.`);
      }}
      // The refusal for data still in Aula says "Nothing deleted" and where to erase it already: shown as it is.
      describeError={(error) => (error instanceof ApiError && error.reason === 'student-has-data' ? error.message : `Not deleted: ${error.message}`)}
      onCancel={onClose}
    >
      Delete the account of <strong>{username}</strong> for good, from every class? Its name, e-mail address and password go, and games
      logged in with it stop working. Erase what {username} played first (on the player's page): an account whose data is still in Aula
      is not deleted.
    </ConfirmAction>
  );
}
