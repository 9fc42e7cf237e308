import { MessageView, Role } from '@mentor/domain';
import { arrivedFromOthers, mergeMessages } from './thread-state';

function message(id: string, createdAt: string, changes: Partial<MessageView> = {}): MessageView {
  return {
    id,
    authorId: 'u2',
    authorName: 'Rasmus Kjær Olsen',
    authorRole: Role.Caseworker,
    body: `Besked ${id}`,
    attachments: [],
    createdAt,
    readBy: [],
    own: false,
    ...changes,
  };
}

describe('thread state', () => {
  it('keeps one of each message, oldest first, with the fetched version (new receipts) winning', () => {
    const shown = [message('a', '2026-03-01T10:00:00Z'), message('b', '2026-03-01T11:00:00Z', { own: true })];
    const read = message('b', '2026-03-01T11:00:00Z', {
      own: true,
      readBy: [{ userId: 'u2', name: 'Rasmus Kjær Olsen', readAt: '2026-03-01T12:00:00Z' }],
    });
    const merged = mergeMessages(shown, [read, message('c', '2026-03-01T12:30:00Z')]);
    expect(merged.map((m) => m.id)).toEqual(['a', 'b', 'c']);
    expect(merged[1].readBy).toHaveLength(1);
    // An older page goes before what is shown.
    expect(mergeMessages(merged, [message('z', '2026-02-01T08:00:00Z')]).map((m) => m.id)).toEqual([
      'z',
      'a',
      'b',
      'c',
    ]);
  });

  it("announces only others' messages that were not shown", () => {
    const shown = [message('a', '2026-03-01T10:00:00Z')];
    const fetched = [
      ...shown,
      message('b', '2026-03-01T11:00:00Z', { own: true }),
      message('c', '2026-03-01T12:00:00Z'),
    ];
    expect(arrivedFromOthers(shown, fetched).map((m) => m.id)).toEqual(['c']);
  });
});
