import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { CourseDetail, hasPermission, Permission } from '@mentor/domain';
import { ErrorMessage, Loading, PageHeader } from '@mentor/shared-ui';
import { AuthService } from '../../../core/auth/auth.service';
import { pageLoad } from '../../../core/http/page-load';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { CourseNav } from '../../courses/components/course-nav';
import { CoursesApiService } from '../../courses/courses-api.service';
import { CourseShares } from '../components/course-shares';
import { SharedItems } from '../components/shared-items';

/**
 * "Delte sagsdele" of a course: the caseworker shares items of the citizen's case with the
 * course's mentor and ends shares; the mentor reads exactly what is shared, nothing more.
 */
@Component({
  selector: 'app-course-case-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [CourseNav, ErrorMessage, Loading, PageHeader, CourseShares, SharedItems, TranslatePipe],
  template: `
    <app-course-nav [courseId]="id()" />
    <ui-page-header [title]="'caseSharing.coursePage.title' | t" [subtitle]="course()?.citizenName ?? null">
      @if (loading()) {
        <ui-loading [label]="'common.loading' | t" />
      }
    </ui-page-header>

    @if (loadFailed()) {
      <ui-error-message
        data-testid="course-case-load-error"
        [message]="'common.loadFailed' | t"
        [retryLabel]="'common.retry' | t"
        (retry)="load()"
      />
    }

    @if (course(); as course) {
      @if (canShare()) {
        <app-course-shares [course]="course" />
      } @else if (canRead()) {
        <app-shared-items [courseId]="course.id" />
      } @else {
        <p data-testid="course-case-no-access">{{ 'caseSharing.coursePage.noAccess' | t }}</p>
      }
    }
  `,
})
export class CourseCasePage {
  private readonly api = inject(CoursesApiService);
  private readonly user = inject(AuthService).user;

  /** Route parameter: the course. */
  readonly id = input.required<string>();

  private readonly can = (permission: Permission) => {
    const role = this.user()?.role;
    return !!role && hasPermission(role, permission);
  };
  protected readonly canShare = computed(() => this.can(Permission.CaseShare));
  protected readonly canRead = computed(() => this.can(Permission.SharedRead));

  private readonly resource = pageLoad();
  protected readonly loading = this.resource.loading;
  protected readonly loadFailed = this.resource.failed;
  protected readonly course = signal<CourseDetail | null>(null);

  constructor() {
    effect(() => {
      this.id();
      untracked(() => this.load());
    });
  }

  load(): void {
    this.resource.run(this.api.get(this.id()), (course) => this.course.set(course));
  }
}
