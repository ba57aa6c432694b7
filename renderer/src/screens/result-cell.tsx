import { formatScore } from '../format/progress';

export function ResultCell({ completion, success, score }: { completion: boolean | null; success: boolean | null; score: number | null }) {
  const parts: string[] = [];
  if (completion !== null) parts.push(completion ? 'completed' : 'not completed');
  if (success !== null) parts.push(success ? 'success' : 'failed');
  if (score !== null) parts.push(`score ${formatScore(score)}`);
  if (parts.length === 0) return <span className="muted">—</span>;
  return <span className={success === false ? 'result result-failed' : 'result'}>{parts.join(' · ')}</span>;
}
