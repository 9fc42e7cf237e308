import { AccessKind } from '@mentor/domain';
import { accessLogActionText } from './access-log-text';

const t = (key: string): string =>
  ({
    'accessLog.actions.course.read': 'Forløbet er læst',
    'accessLog.subjects.share': 'Delte sagsdele',
    'accessLog.subjects.other': 'Borgerens oplysninger',
    'accessLog.kinds.read': 'Læst',
    'accessLog.kinds.change': 'Ændret',
  })[key] ?? key;

describe('accessLogActionText', () => {
  it('words an action it knows', () => {
    expect(accessLogActionText({ action: 'course.read', kind: AccessKind.Read }, t)).toBe('Forløbet er læst');
  });

  it('says what an unknown action concerns, and whether it read or changed', () => {
    expect(accessLogActionText({ action: 'share.revoke', kind: AccessKind.Change }, t)).toBe(
      'Delte sagsdele: ændret',
    );
    expect(accessLogActionText({ action: 'something.new', kind: AccessKind.Read }, t)).toBe(
      'Borgerens oplysninger: læst',
    );
  });
});
