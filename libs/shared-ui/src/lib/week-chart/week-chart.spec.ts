import { TestBed } from '@angular/core/testing';
import { WeekChart } from './week-chart';

const TEXTS = {
  caption: 'Minutter pr. uge',
  week: 'Uge',
  granted: 'Bevilget',
  logged: 'Registreret',
  showTable: 'Vis som tabel',
  hideTable: 'Skjul tabel',
};

describe('WeekChart', () => {
  it('shows the numbers as a table that can be toggled into view', () => {
    const fixture = TestBed.createComponent(WeekChart);
    fixture.componentRef.setInput('bars', [
      { label: 'U1', longLabel: 'Uge 1', granted: 60, logged: 30 },
      { label: 'U2', longLabel: 'Uge 2', granted: 60, logged: 90 },
    ]);
    fixture.componentRef.setInput('texts', TEXTS);
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    const rows = Array.from(el.querySelectorAll('tbody tr')).map((tr) =>
      Array.from(tr.children).map((c) => c.textContent?.trim()),
    );
    expect(rows).toEqual([
      ['Uge 1', '60', '30'],
      ['Uge 2', '60', '90'],
    ]);
    expect(el.querySelector('.ui-week-chart__logged--over')).not.toBeNull();
    const toggle = el.querySelector<HTMLButtonElement>('[data-testid="week-chart-toggle"]')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(el.querySelector('.ui-week-chart__hidden')).not.toBeNull();
    toggle.click();
    fixture.detectChanges();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(toggle.textContent?.trim()).toBe('Skjul tabel');
    expect(el.querySelector('.ui-week-chart__hidden')).toBeNull();
  });
});
