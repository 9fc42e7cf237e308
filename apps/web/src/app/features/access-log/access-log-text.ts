import { AccessLogEntry } from '@mentor/domain';
import { Translate } from '../../core/http/problem';

/**
 * An audited action in words: `accessLog.actions.<action>` (e.g. `course.read` → "Forløbet er
 * læst"), else what it concerns and whether it was read or changed ("Overlevering: læst"), so an
 * action without its own wording still says something true.
 */
export function accessLogActionText(entry: Pick<AccessLogEntry, 'action' | 'kind'>, t: Translate): string {
  const own = `accessLog.actions.${entry.action}`;
  const text = t(own);
  if (text !== own) return text;
  const subjectKey = `accessLog.subjects.${entry.action.split('.')[0]}`;
  const subject = t(subjectKey);
  const kind = t(`accessLog.kinds.${entry.kind}`);
  return `${subject !== subjectKey ? subject : t('accessLog.subjects.other')}: ${kind.toLocaleLowerCase()}`;
}
