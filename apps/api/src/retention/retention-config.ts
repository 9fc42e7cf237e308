import { addMonths } from '@mentor/domain';
import { registerDecorator, type ValidationArguments } from 'class-validator';
import { todayInDenmark } from '../common/clock';
import type { AppConfig } from '../config/app-config';

/** `on`/`off` (or `true`/`false`, `1`/`0`, `yes`/`no`); anything else stays as given and fails @IsBoolean. */
export const toSwitch = ({ value }: { value: unknown }): unknown => {
  if (value === undefined || value === '') return undefined;
  const text = String(value).toLowerCase();
  if (['on', 'true', '1', 'yes'].includes(text)) return true;
  if (['off', 'false', '0', 'no'].includes(text)) return false;
  return value;
};

/** The number must not exceed another property's (a kind kept with another cannot outlive it). */
export function NotLongerThan(other: keyof AppConfig & string) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'notLongerThan',
      target: target.constructor,
      propertyName,
      constraints: [other],
      validator: {
        validate: (value: unknown, args: ValidationArguments) => {
          const limit = (args.object as Record<string, unknown>)[other];
          return typeof value !== 'number' || typeof limit !== 'number' || value <= limit;
        },
        defaultMessage: () => `${propertyName} must not be longer than ${other}`,
      },
    });
}

/** How long each kind of data is kept, in years, and how the job runs. */
export interface RetentionPolicy {
  enabled: boolean;
  intervalMs: number;
  /** Courses (or documents, citizens) per transaction. */
  batchSize: number;
  years: {
    /** Ended courses and everything on them, after the course's end. */
    courses: number;
    /** Messages and attachments of ended courses, after the course's end (≤ courses). */
    messages: number;
    /** Case documents and notes shared on no remaining course, after the citizen's last course ended. */
    documents: number;
    /** Citizens with nothing left, after their last change. */
    citizens: number;
  };
}

/** The retention settings of a validated config (loadConfig has checked ranges and that messages ≤ courses). */
export function retentionPolicy(config: AppConfig): RetentionPolicy {
  return {
    enabled: config.retentionJobEnabled,
    intervalMs: config.RETENTION_INTERVAL_HOURS * 3600_000,
    batchSize: config.RETENTION_BATCH_SIZE,
    years: {
      courses: config.RETENTION_COURSE_YEARS,
      messages: config.RETENTION_MESSAGE_YEARS,
      documents: config.RETENTION_DOCUMENT_YEARS,
      citizens: config.RETENTION_CITIZEN_YEARS,
    },
  };
}

/**
 * The first day that is still kept: something that ended (or was last touched) before this date,
 * `years` back from today in Denmark, is due. Ended on 1 March 2020 with 5 years: kept through
 * 1 March 2025, due on 2 March 2025. 29 February clamps to 28 February.
 */
export function keptFrom(now: Date, years: number): string {
  return addMonths(todayInDenmark(now), -12 * years);
}
