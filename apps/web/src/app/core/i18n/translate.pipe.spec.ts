import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { I18nService } from './i18n.service';
import { TranslatePipe } from './translate.pipe';

@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe],
  template: `<p>{{ 'home.welcome' | t: { name: 'Anna' } }}</p>`,
})
class Host {}

describe('TranslatePipe', () => {
  it('re-renders an OnPush view when the language changes', async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    const i18n = TestBed.inject(I18nService);
    const http = TestBed.inject(HttpTestingController);
    const loading = i18n.use('da');
    http.expectOne('/i18n/da.json').flush({ home: { welcome: 'Velkommen, {{name}}' } });
    await loading;

    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.textContent).toBe('Velkommen, Anna');

    const switching = i18n.use('en');
    http.expectOne('/i18n/en.json').flush({ home: { welcome: 'Welcome, {{name}}' } });
    await switching;
    await fixture.whenStable();
    expect(el.textContent).toBe('Welcome, Anna');
  });
});
