import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoginSlips, type SlipStudent } from './login-slips';

/**
 * "Print login slip" for the one student whose password the teacher has just typed (a new account, a reset password):
 * the same slip and print page as after a roster import. The password lives only in the caller's state, which drops it
 * when the teacher starts something else or leaves the screen; Aula keeps only its hash.
 */
export function OneLoginSlip({ classId, className, student }: { classId: string; className: string; student: SlipStudent }) {
  const { t } = useTranslation('classes');
  const [printing, setPrinting] = useState(false);
  const onlyNow = useId();
  return (
    <p className="one-login-slip">
      <button type="button" className="button-small" onClick={() => setPrinting(true)} aria-describedby={onlyNow}>
        {t('slips.printOne')}
      </button>{' '}
      <span id={onlyNow} className="muted small one-login-slip-only-now">
        {t('slips.oneOnlyNow')}
      </span>
      {printing && (
        <LoginSlips
          classId={classId}
          className={className}
          students={[student]}
          title={t('slips.titleOne', { username: student.username, className })}
          onBack={() => setPrinting(false)}
        />
      )}
    </p>
  );
}
