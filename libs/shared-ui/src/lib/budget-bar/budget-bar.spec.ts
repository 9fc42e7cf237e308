import { TestBed } from '@angular/core/testing';
import { BudgetBar } from './budget-bar';

describe('BudgetBar', () => {
  function render(logged: number, granted: number): HTMLElement {
    const fixture = TestBed.createComponent(BudgetBar);
    fixture.componentRef.setInput('logged', logged);
    fixture.componentRef.setInput('granted', granted);
    fixture.componentRef.setInput('label', 'Denne uge');
    fixture.componentRef.setInput('valueText', `${logged} af ${granted} min`);
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }
  const meter = (el: HTMLElement) => el.querySelector<HTMLElement>('[role="meter"]')!;
  const fill = (el: HTMLElement) => el.querySelector<HTMLElement>('.ui-budget-bar__fill')!;

  it('is a named meter with the value in words and a proportional fill', () => {
    const el = render(45, 60);
    expect(meter(el).getAttribute('aria-label')).toBe('Denne uge');
    expect(meter(el).getAttribute('aria-valuenow')).toBe('45');
    expect(meter(el).getAttribute('aria-valuemax')).toBe('60');
    expect(meter(el).getAttribute('aria-valuetext')).toBe('45 af 60 min');
    expect(el.textContent).toContain('45 af 60 min');
    expect(fill(el).style.width).toBe('75%');
    expect(meter(el).classList).not.toContain('ui-budget-bar__track--over');
  });

  it('caps the fill and marks the bar when the grant is exceeded', () => {
    const el = render(90, 60);
    expect(fill(el).style.width).toBe('100%');
    expect(meter(el).getAttribute('aria-valuenow')).toBe('60');
    expect(meter(el).getAttribute('aria-valuetext')).toBe('90 af 60 min');
    expect(meter(el).classList).toContain('ui-budget-bar__track--over');
  });

  it('shows an empty bar with nothing granted or logged', () => {
    expect(fill(render(0, 0)).style.width).toBe('0%');
    expect(fill(render(10, 0)).style.width).toBe('100%');
  });

  it('can hide its label from sight but keeps it as the name of the meter', () => {
    const fixture = TestBed.createComponent(BudgetBar);
    fixture.componentRef.setInput('logged', 30);
    fixture.componentRef.setInput('granted', 60);
    fixture.componentRef.setInput('label', 'Belastning');
    fixture.componentRef.setInput('valueText', '30 af 60 min');
    fixture.componentRef.setInput('hideLabel', true);
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('.ui-budget-bar__label')?.classList).toContain('ui-budget-bar__label--hidden');
    expect(meter(el).getAttribute('aria-label')).toBe('Belastning');
    expect(el.textContent).toContain('30 af 60 min');
  });
});
