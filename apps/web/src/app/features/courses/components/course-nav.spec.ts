import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { Role } from '@mentor/domain';
import { meFixture } from '../../../../testing/fixtures';
import { AuthService } from '../../../core/auth/auth.service';
import { CourseNav } from './course-nav';

@Component({ template: '' })
class Blank {}

describe('CourseNav', () => {
  async function show(role: Role, url = '/courses/c1') {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: '**', component: Blank }]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    const http = TestBed.inject(HttpTestingController);
    const restoring = TestBed.inject(AuthService).restore();
    http.expectOne('/api/me').flush(meFixture(role));
    await restoring;
    await TestBed.inject(Router).navigateByUrl(url);
    const fixture = TestBed.createComponent(CourseNav);
    fixture.componentRef.setInput('courseId', 'c1');
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const links = () =>
      Array.from(el.querySelectorAll<HTMLAnchorElement>('a')).map((a) => ({
        id: a.getAttribute('data-testid'),
        href: a.getAttribute('href'),
        current: a.getAttribute('aria-current'),
      }));
    return { fixture, el, links };
  }

  it("links a caseworker to the course's four pages and marks the current one", async () => {
    const { links, el } = await show(Role.Caseworker, '/courses/c1/handover');
    expect(el.querySelector('nav')?.getAttribute('aria-label')).toBe('courseNav.label');
    expect(links()).toEqual([
      { id: 'course-nav-course', href: '/courses/c1', current: null },
      { id: 'course-nav-handover', href: '/courses/c1/handover', current: 'page' },
      { id: 'course-nav-case', href: '/courses/c1/case', current: null },
      { id: 'course-nav-messages', href: '/courses/c1/messages', current: null },
    ]);
  });

  it('marks the course itself only on the course page (not on its sub-pages)', async () => {
    const { links } = await show(Role.Mentor);
    expect(links().filter((link) => link.current === 'page')).toEqual([
      { id: 'course-nav-course', href: '/courses/c1', current: 'page' },
    ]);
  });

  it('leaves out the shared case items for a team leader, who may not see them', async () => {
    const { links } = await show(Role.TeamLeader);
    expect(links().map((link) => link.id)).toEqual([
      'course-nav-course',
      'course-nav-handover',
      'course-nav-messages',
    ]);
  });

  it('shows unread messages and a sparring request on the messages link when given', async () => {
    const { fixture, el } = await show(Role.Caseworker);
    expect(el.querySelector('[data-testid="course-nav-unread"]')).toBeNull();
    fixture.componentRef.setInput('unreadMessages', 3);
    fixture.componentRef.setInput('needsSparring', true);
    await fixture.whenStable();
    const messages = el.querySelector('[data-testid="course-nav-messages"]')!;
    expect(messages.querySelector('[data-testid="course-nav-unread"]')?.textContent).toContain('3');
    expect(messages.querySelector('[data-testid="course-nav-sparring"]')?.textContent).toContain(
      'courseNav.needsSparring',
    );
  });
});
