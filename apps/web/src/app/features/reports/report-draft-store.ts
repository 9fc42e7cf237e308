import { ReportContent } from '@mentor/domain';
import { REPORT_DRAFT_PREFIX } from '../../core/auth/user-local-data';

/** What the mentor typed and the server has not confirmed yet. */
export interface LocalReportDraft {
  readonly content: ReportContent;
  readonly periodTo: string;
  /** The report version the text was typed on. */
  readonly baseVersion: number;
  /** When it was typed (ISO timestamp). */
  readonly savedAt: string;
  /** What the server had when it was typed: tells the mentor's changes from someone else's. */
  readonly base?: { readonly content: ReportContent; readonly periodTo: string };
}

/**
 * Unsaved report text in the browser's localStorage, one entry per user and report, so a dropped
 * connection or a closed tab loses nothing. An entry lives only until the server has the same
 * text. Storage that is disabled or full makes every call a no-op: the server save still works.
 */
export class ReportDraftStore {
  constructor(
    private readonly storage: Storage | null,
    private readonly userId: string,
  ) {}

  key(reportId: string): string {
    return `${REPORT_DRAFT_PREFIX}.${this.userId}.${reportId}`;
  }

  read(reportId: string): LocalReportDraft | null {
    try {
      const raw = this.storage?.getItem(this.key(reportId));
      if (!raw) return null;
      const value = JSON.parse(raw) as unknown;
      return isDraft(value) ? value : null;
    } catch {
      return null; // unreadable or from an older shape: nothing to restore
    }
  }

  /** True when stored; false when the browser would not keep it. */
  write(reportId: string, draft: LocalReportDraft): boolean {
    try {
      if (!this.storage) return false;
      this.storage.setItem(this.key(reportId), JSON.stringify(draft));
      return true;
    } catch {
      return false;
    }
  }

  clear(reportId: string): void {
    try {
      this.storage?.removeItem(this.key(reportId));
    } catch {
      // storage disabled: there is nothing to clear
    }
  }
}

/** Whether a stored draft says something the server's report does not. */
export function draftDiffers(draft: LocalReportDraft, content: ReportContent, periodTo: string): boolean {
  return draft.periodTo !== periodTo || canonical(draft.content) !== canonical(content);
}

/**
 * The report to show when text kept in the browser meets what the server has now: per field, the
 * mentor's value where they changed it (from the draft's `base`), else the server's, so a change
 * saved from elsewhere meanwhile is kept too. Goals merge per goal and field; barriers and next
 * steps as whole lists. A draft without a base wins outright.
 */
export function mergeDraft(
  draft: LocalReportDraft,
  server: { content: ReportContent; periodTo: string },
): { content: ReportContent; periodTo: string } {
  const base = draft.base;
  if (!base) return { content: draft.content, periodTo: draft.periodTo };
  const mine = normalized(draft.content);
  const was = normalized(base.content);
  const theirs = normalized(server.content);
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const pick = <T>(m: T, w: T, t: T): T => (same(m, w) ? t : m);
  const goalIds = [
    ...theirs.goals.map((g) => g.goalId),
    ...mine.goals.map((g) => g.goalId).filter((id) => !theirs.goals.some((g) => g.goalId === id)),
  ];
  const goals = goalIds.flatMap((goalId) => {
    const m = mine.goals.find((g) => g.goalId === goalId);
    const t = theirs.goals.find((g) => g.goalId === goalId);
    if (!m || !t) {
      const only = m ?? t;
      return only ? [only] : [];
    }
    const w = was.goals.find((g) => g.goalId === goalId) ?? t;
    return [
      {
        goalId,
        status: pick(m.status, w.status, t.status),
        whatHappened: pick(m.whatHappened, w.whatHappened, t.whatHappened),
        evidence: pick(m.evidence, w.evidence, t.evidence),
        evidenceDate: pick(m.evidenceDate, w.evidenceDate, t.evidenceDate),
      },
    ];
  });
  const field = <K extends keyof ReportContent>(key: K) => pick(mine[key], was[key], theirs[key]);
  return {
    content: {
      goals,
      barriers: field('barriers'),
      citizenView: field('citizenView'),
      reviewedWithCitizen: field('reviewedWithCitizen'),
      reviewedWithCitizenOn: field('reviewedWithCitizenOn'),
      citizenViewMissingReason: field('citizenViewMissingReason'),
      nextSteps: field('nextSteps'),
      recommendation: field('recommendation'),
      recommendedMinutesPerWeek: field('recommendedMinutesPerWeek'),
      recommendationReason: field('recommendationReason'),
    },
    periodTo: pick(draft.periodTo, base.periodTo, server.periodTo),
  };
}

/** JSON of the content with its fields in one order, so equal reports compare equal. */
export function canonical(content: ReportContent): string {
  return JSON.stringify(normalized(content));
}

/** The content with every field present, in one order, and empty dates as null. */
function normalized(content: ReportContent): ReportContent {
  return {
    goals: content.goals.map((g) => ({
      goalId: g.goalId,
      status: g.status ?? null,
      whatHappened: g.whatHappened ?? '',
      evidence: g.evidence ?? '',
      evidenceDate: g.evidenceDate || null,
    })),
    barriers: content.barriers.map((b) => ({ kind: b.kind, description: b.description, action: b.action })),
    citizenView: content.citizenView ?? '',
    reviewedWithCitizen: content.reviewedWithCitizen ?? null,
    reviewedWithCitizenOn: content.reviewedWithCitizenOn || null,
    citizenViewMissingReason: content.citizenViewMissingReason ?? '',
    nextSteps: content.nextSteps.map((s) => ({ action: s.action, owner: s.owner, dueOn: s.dueOn || null })),
    recommendation: content.recommendation ?? null,
    recommendedMinutesPerWeek: content.recommendedMinutesPerWeek ?? null,
    recommendationReason: content.recommendationReason ?? '',
  };
}

function isDraft(value: unknown): value is LocalReportDraft {
  if (!value || typeof value !== 'object') return false;
  const draft = value as Partial<LocalReportDraft>;
  const content = draft.content as Partial<ReportContent> | undefined;
  return (
    typeof draft.periodTo === 'string' &&
    typeof draft.baseVersion === 'number' &&
    typeof draft.savedAt === 'string' &&
    !!content &&
    Array.isArray(content.goals) &&
    Array.isArray(content.barriers) &&
    Array.isArray(content.nextSteps)
  );
}
