import { ReportQualityRow } from '@mentor/domain';

/** A sortable column of the quality tables. */
export type QualityColumn =
  | 'organisationName'
  | 'mentorName'
  | 'reportsDue'
  | 'submittedOnTime'
  | 'onTimeShare'
  | 'averageQualityScore'
  | 'acceptedWithoutRevisionShare'
  | 'averageDaysToReview';

export interface QualitySort {
  readonly active: QualityColumn | '';
  readonly direction: 'asc' | 'desc' | '';
}

/** Share of due reports submitted on time (0–1), null with none due. */
export function onTimeShare(row: ReportQualityRow): number | null {
  return row.reportsDue > 0 ? row.submittedOnTime / row.reportsDue : null;
}

function valueOf(row: ReportQualityRow, column: QualityColumn): string | number | null {
  switch (column) {
    case 'organisationName':
      return row.organisationName;
    case 'mentorName':
      return row.mentorName ?? '';
    case 'onTimeShare':
      return onTimeShare(row);
    default:
      return row[column];
  }
}

/**
 * The rows sorted by a column; rows without a figure (null) go last in either direction, names
 * compare in Danish order. Without a sort, by organisation then mentor.
 */
export function sortQualityRows(
  rows: readonly ReportQualityRow[],
  sort: QualitySort,
  locale = 'da',
): ReportQualityRow[] {
  const names = (a: ReportQualityRow, b: ReportQualityRow) =>
    a.organisationName.localeCompare(b.organisationName, locale) ||
    (a.mentorName ?? '').localeCompare(b.mentorName ?? '', locale);
  if (!sort.active || !sort.direction) return [...rows].sort(names);
  const column = sort.active;
  const sign = sort.direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = valueOf(a, column);
    const y = valueOf(b, column);
    if (x === null && y === null) return names(a, b);
    if (x === null) return 1;
    if (y === null) return -1;
    const order =
      typeof x === 'string' || typeof y === 'string' ? String(x).localeCompare(String(y), locale) : x - y;
    return order !== 0 ? sign * order : names(a, b);
  });
}
