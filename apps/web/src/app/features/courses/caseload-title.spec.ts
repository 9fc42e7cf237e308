import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { provideRouter, Router } from '@angular/router';
import { Role } from '@mentor/domain';
import { meFixture } from '../../../testing/fixtures';
import { AuthService } from '../../core/auth/auth.service';
import { caseloadTitle, caseloadTitleKey } from './caseload-title';

@Component({ template: '' })
class Blank {}

describe('caseloadTitle', () => {
  it('calls the page "Min sagsstamme" for a caseworker and "Forløb" for a team leader', () => {
    expect(caseloadTitleKey(Role.Caseworker)).toBe('caseload.title');
    expect(caseloadTitleKey(Role.TeamLeader)).toBe('caseload.teamTitle');
  });

  it("gives a team leader's browser tab the title of the heading", async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'caseload', title: caseloadTitle, component: Blank }]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    const restoring = TestBed.inject(AuthService).restore();
    TestBed.inject(HttpTestingController).expectOne('/api/me').flush(meFixture(Role.TeamLeader));
    await restoring;

    await TestBed.inject(Router).navigateByUrl('/caseload');
    // The default title strategy shows the resolved key; the app's own one translates it.
    expect(TestBed.inject(Title).getTitle()).toBe('caseload.teamTitle');
  });
});
