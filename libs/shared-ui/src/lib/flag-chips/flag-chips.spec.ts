import { TestBed } from '@angular/core/testing';
import { FlagChips } from './flag-chips';

describe('FlagChips', () => {
  it('lists the flags with test ids, and nothing when there are none', () => {
    const fixture = TestBed.createComponent(FlagChips);
    fixture.componentRef.setInput('flags', [{ id: 'over_budget', label: 'Over budget' }]);
    fixture.componentRef.setInput('listLabel', 'Markeringer');
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('ul')?.getAttribute('aria-label')).toBe('Markeringer');
    expect(el.querySelector('[data-testid="flag-over_budget"]')?.textContent?.trim()).toBe('Over budget');

    fixture.componentRef.setInput('flags', []);
    fixture.detectChanges();
    expect(el.querySelector('ul')).toBeNull();
  });
});
