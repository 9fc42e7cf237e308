import { HttpClient, HttpHeaders, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  CertificationRecord,
  CreateCertificationRequest,
  CreateSupervisionRequest,
  CreateTrainingRequest,
  CreateUpskillingOfferRequest,
  ImportKind,
  ImportResult,
  MentorProfileChanges,
  MentorWorkforceRecord,
  ProfileSuggestion,
  RecruitmentAssessment,
  RecruitmentCompetency,
  RecruitmentRequirements,
  RegisterMentorRequest,
  SupervisionRecord,
  TrainingRecord,
  UpdateMentorProfileRequest,
  UpskillingOffer,
  WorkforceFilter,
  WorkforceView,
} from '@mentor/domain';
import { Observable } from 'rxjs';
import { listParams } from '../../core/http/list-params';
import { PageQuery } from '../../core/http/paged-list';

/** The record routes under `/api/workforce`: `mentors/:id/<path>` to add, `<path>/:id` to change or delete. */
export type RecordPath = 'trainings' | 'certifications' | 'upskilling' | 'supervision';

/** What each record route takes and gives. */
export interface RecordTypes {
  trainings: { body: CreateTrainingRequest; record: TrainingRecord };
  certifications: { body: CreateCertificationRequest; record: CertificationRecord };
  upskilling: { body: CreateUpskillingOfferRequest; record: UpskillingOffer };
  supervision: { body: CreateSupervisionRequest; record: SupervisionRecord };
}

/** The load view's filters without the sort (that is the list's). */
export type WorkforceFilters = Omit<WorkforceFilter, 'sort'>;

export type ExportFormat = 'csv' | 'xlsx';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The filter as query parameters, only those set. */
function filterParams(filters: WorkforceFilters, params = new HttpParams()): HttpParams {
  if (filters.search?.trim()) params = params.set('search', filters.search.trim());
  if (filters.alert) params = params.set('alert', filters.alert);
  if (filters.certificationStatus) params = params.set('certificationStatus', filters.certificationStatus);
  if (filters.mentorType) params = params.set('mentorType', filters.mentorType);
  return params;
}

/** The media type to upload a file as: XLSX by its name, everything else as CSV. */
export function uploadType(file: File): string {
  return /\.xlsx$/i.test(file.name) ? XLSX_TYPE : 'text/csv';
}

/** The mentor workforce: the load view, profiles and records, suggestions and the import. */
@Injectable({ providedIn: 'root' })
export class WorkforceApiService {
  private readonly http = inject(HttpClient);

  /** `GET /api/organisations/:id/workforce`: the load view, filtered, sorted and paged. */
  view(organisationId: string, query: PageQuery, filters: WorkforceFilters): Observable<WorkforceView> {
    return this.http.get<WorkforceView>(`/api/organisations/${organisationId}/workforce`, {
      params: filterParams(filters, listParams(query)),
    });
  }

  /** The address of the load table as a file, with the view's filter and sort (a plain download link). */
  exportUrl(organisationId: string, format: ExportFormat, filters: WorkforceFilters, sort: string): string {
    const params = filterParams(filters).set('sort', sort);
    return `/api/organisations/${organisationId}/workforce.${format}?${params.toString()}`;
  }

  /** A mentor's profile and records (team leader, administrator). */
  record(mentorId: string): Observable<MentorWorkforceRecord> {
    return this.http.get<MentorWorkforceRecord>(`/api/workforce/mentors/${mentorId}`);
  }

  /** Registers a mentor of the caller's organisation; 409 when the username, e-mail or employee number is taken. */
  register(body: RegisterMentorRequest): Observable<MentorWorkforceRecord> {
    return this.http.post<MentorWorkforceRecord>('/api/workforce/mentors', body);
  }

  /** Changes the fields sent; 409 `profile.stale_version` when changed since `version` was read. */
  updateProfile(mentorId: string, body: UpdateMentorProfileRequest): Observable<MentorWorkforceRecord> {
    return this.http.patch<MentorWorkforceRecord>(`/api/workforce/mentors/${mentorId}/profile`, body);
  }

  /** A new password for the mentor; their sessions end. */
  setPassword(mentorId: string, password: string): Observable<void> {
    return this.http.put<void>(`/api/workforce/mentors/${mentorId}/password`, { password });
  }

  createRecord<P extends RecordPath>(
    path: P,
    mentorId: string,
    body: RecordTypes[P]['body'],
  ): Observable<RecordTypes[P]['record']> {
    return this.http.post<RecordTypes[P]['record']>(`/api/workforce/mentors/${mentorId}/${path}`, body);
  }

  /** 409 `<kind>.stale_version` when changed since `version` was read. */
  updateRecord<P extends RecordPath>(
    path: P,
    id: string,
    body: RecordTypes[P]['body'] & { version: number },
  ): Observable<RecordTypes[P]['record']> {
    return this.http.patch<RecordTypes[P]['record']>(`/api/workforce/${path}/${id}`, body);
  }

  deleteRecord(path: RecordPath, id: string, version: number): Observable<void> {
    return this.http.delete<void>(`/api/workforce/${path}/${id}`, { params: { version: String(version) } });
  }

  /** What the organisation recruits for. */
  requirements(organisationId: string): Observable<RecruitmentRequirements> {
    return this.http.get<RecruitmentRequirements>(
      `/api/organisations/${organisationId}/recruitment-requirements`,
    );
  }

  /** Replaces what the team leader's own organisation recruits for. */
  setRequirements(
    organisationId: string,
    competencies: RecruitmentCompetency[],
  ): Observable<RecruitmentRequirements> {
    return this.http.put<RecruitmentRequirements>(
      `/api/organisations/${organisationId}/recruitment-requirements`,
      { competencies },
    );
  }

  /** Replaces the hire's assessment against the requirements. */
  setAssessments(mentorId: string, assessments: RecruitmentAssessment[]): Observable<MentorWorkforceRecord> {
    return this.http.put<MentorWorkforceRecord>(`/api/workforce/mentors/${mentorId}/recruitment`, {
      assessments,
    });
  }

  /** Accepts (the changes go onto the profile) or rejects a mentor's suggestion. */
  decide(suggestionId: string, decision: 'accept' | 'reject', note?: string): Observable<ProfileSuggestion> {
    return this.http.post<ProfileSuggestion>(
      `/api/workforce/suggestions/${suggestionId}/${decision}`,
      note?.trim() ? { note: note.trim() } : {},
    );
  }

  /** The signed-in mentor's own profile and records. */
  myRecord(): Observable<MentorWorkforceRecord> {
    return this.http.get<MentorWorkforceRecord>('/api/me/mentor-profile');
  }

  /** The mentor suggests changes to their own profile. */
  suggest(changes: MentorProfileChanges): Observable<ProfileSuggestion> {
    return this.http.post<ProfileSuggestion>('/api/me/mentor-profile/suggestions', changes);
  }

  /**
   * Uploads a CSV (of `kind`) or XLSX file: a dry run lists every error and what would change; a
   * commit saves all or nothing (422 `import.invalid` with the errors in `rows`).
   */
  import(
    organisationId: string,
    file: File,
    options: { dryRun: boolean; kind: ImportKind | null },
  ): Observable<ImportResult> {
    let params = new HttpParams().set('dryRun', String(options.dryRun));
    if (options.kind && uploadType(file) !== XLSX_TYPE) params = params.set('kind', options.kind);
    return this.http.post<ImportResult>(`/api/organisations/${organisationId}/workforce/import`, file, {
      params,
      headers: new HttpHeaders({ 'Content-Type': uploadType(file) }),
    });
  }
}
