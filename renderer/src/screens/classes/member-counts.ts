import { t } from '../../i18n/setup';
import type { ClassSummary } from './types';

/**
 * "5 students, 1 teacher": the students alone, as Live and Results count a class's students, then any assistants
 * and teachers said apart (they are members who may play, but not students of the class).
 */
export function memberCounts(counts: Pick<ClassSummary, 'students' | 'assistants' | 'teachers'>): string {
  const parts = [t('classes:students', { count: counts.students })];
  if (counts.assistants > 0) parts.push(t('classes:assistants', { count: counts.assistants }));
  if (counts.teachers > 0) parts.push(t('classes:teachers', { count: counts.teachers }));
  return parts.join(t('classes:countsSeparator'));
}
