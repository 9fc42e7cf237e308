import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { ChipGroup, ChipOption } from './chip-group';

@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ChipGroup, ReactiveFormsModule],
  template: `<ui-chip-group legend="Emner" [options]="options" [formControl]="control" [error]="error()" />`,
})
class Host {
  readonly options: ChipOption[] = [
    { value: 'housing', label: 'Bolig' },
    { value: 'finances', label: 'Økonomi' },
    { value: 'health', label: 'Helbred' },
  ];
  readonly control = new FormControl<string[]>(['health'], { nonNullable: true });
  readonly error = signal<string | null>(null);
}

describe('ChipGroup', () => {
  async function render() {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const option = (label: string) =>
      Array.from(el.querySelectorAll<HTMLElement>('[role="option"]')).find(
        (o) => o.textContent?.trim() === label,
      )!;
    return { fixture, el, option };
  }

  it('names the listbox by its legend and shows the control value as selected chips', async () => {
    const { el, option } = await render();
    const legend = el.querySelector('legend')!;
    expect(legend.textContent?.trim()).toBe('Emner');
    expect(el.querySelector('[role="listbox"]')?.getAttribute('aria-labelledby')).toBe(legend.id);
    expect(option('Helbred').getAttribute('aria-selected')).toBe('true');
    expect(option('Bolig').getAttribute('aria-selected')).toBe('false');
  });

  it('toggles values into the form control in the order of the options', async () => {
    const { fixture, option } = await render();
    option('Bolig').click();
    await fixture.whenStable();
    expect(fixture.componentInstance.control.value).toEqual(['housing', 'health']);
    expect(fixture.componentInstance.control.touched).toBe(true);
    option('Helbred').click();
    await fixture.whenStable();
    expect(fixture.componentInstance.control.value).toEqual(['housing']);

    fixture.componentInstance.control.setValue(['finances']);
    await fixture.whenStable();
    expect(option('Økonomi').getAttribute('aria-selected')).toBe('true');
    expect(option('Bolig').getAttribute('aria-selected')).toBe('false');
  });

  it('shows an error as an alert that describes the listbox', async () => {
    const { fixture, el } = await render();
    expect(el.querySelector('[role="alert"]')).toBeNull();
    fixture.componentInstance.error.set('Vælg højst ni emner.');
    await fixture.whenStable();
    const alert = el.querySelector('[role="alert"]')!;
    expect(alert.textContent?.trim()).toBe('Vælg højst ni emner.');
    expect(el.querySelector('[role="listbox"]')?.getAttribute('aria-describedby')).toBe(alert.id);
  });
});
