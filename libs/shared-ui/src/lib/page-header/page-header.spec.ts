import { TestBed } from '@angular/core/testing';
import { PageHeader } from './page-header';

describe('PageHeader', () => {
  function render(title: string, subtitle?: string): HTMLElement {
    const fixture = TestBed.createComponent(PageHeader);
    fixture.componentRef.setInput('title', title);
    if (subtitle !== undefined) fixture.componentRef.setInput('subtitle', subtitle);
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  it('renders the title as the page h1', () => {
    const el = render('Organisationer');
    const h1 = el.querySelector('h1');
    expect(h1?.textContent?.trim()).toBe('Organisationer');
    expect(h1?.getAttribute('data-testid')).toBe('page-title');
  });

  it('shows the subtitle only when given', () => {
    expect(render('A').querySelector('[data-testid="page-subtitle"]')).toBeNull();
    expect(render('A', 'B').querySelector('[data-testid="page-subtitle"]')?.textContent?.trim()).toBe('B');
  });
});
