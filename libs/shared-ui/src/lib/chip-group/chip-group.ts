import { ChangeDetectionStrategy, Component, forwardRef, input, signal } from '@angular/core';
import { ControlValueAccessor, NG_VALUE_ACCESSOR } from '@angular/forms';
import { MatChipsModule } from '@angular/material/chips';

/** One choice of a chip group; the label already translated. */
export interface ChipOption {
  readonly value: string;
  readonly label: string;
}

let nextId = 0;

/**
 * A labelled group of toggle chips for picking any number of options, quick to use on a phone.
 * A form control (`formControlName`, `ngModel`) whose value is the array of chosen values, in the
 * order of `options`. An `error` shows below the chips and is announced.
 */
@Component({
  selector: 'ui-chip-group',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatChipsModule],
  providers: [{ provide: NG_VALUE_ACCESSOR, useExisting: forwardRef(() => ChipGroup), multi: true }],
  template: `
    <fieldset class="ui-chip-group">
      <legend class="ui-chip-group__legend" [id]="legendId">{{ legend() }}</legend>
      <mat-chip-listbox
        multiple
        [attr.aria-labelledby]="legendId"
        [attr.aria-describedby]="error() ? errorId : null"
        [value]="value()"
        [disabled]="disabled()"
        (change)="choose($event.value)"
      >
        @for (option of options(); track option.value) {
          <mat-chip-option [value]="option.value">{{ option.label }}</mat-chip-option>
        }
      </mat-chip-listbox>
      @if (error(); as error) {
        <p class="ui-chip-group__error" role="alert" [id]="errorId">{{ error }}</p>
      }
    </fieldset>
  `,
  styles: `
    :host {
      display: block;
    }
    .ui-chip-group {
      margin: 8px 0;
      padding: 0;
      border: 0;
      min-width: 0;
    }
    .ui-chip-group__legend {
      margin-bottom: 4px;
      font: var(--mat-sys-title-small);
    }
    .ui-chip-group__error {
      margin: 4px 0 0;
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-small);
    }
  `,
})
export class ChipGroup implements ControlValueAccessor {
  /** The group's visible name, e.g. "Emner". */
  readonly legend = input.required<string>();
  readonly options = input.required<readonly ChipOption[]>();
  /** A message about the choice, e.g. from the server; null for none. */
  readonly error = input<string | null | undefined>(null);

  protected readonly value = signal<readonly string[]>([]);
  protected readonly disabled = signal(false);
  protected readonly legendId = `ui-chip-group-${nextId++}`;
  protected readonly errorId = `${this.legendId}-error`;

  private onChange: (value: string[]) => void = () => undefined;
  private onTouched: () => void = () => undefined;

  writeValue(value: readonly string[] | null | undefined): void {
    this.value.set(value ?? []);
  }

  registerOnChange(fn: (value: string[]) => void): void {
    this.onChange = fn;
  }

  registerOnTouched(fn: () => void): void {
    this.onTouched = fn;
  }

  setDisabledState(disabled: boolean): void {
    this.disabled.set(disabled);
  }

  protected choose(chosen: readonly string[] | null | undefined): void {
    const set = new Set(chosen ?? []);
    const ordered = this.options()
      .map((option) => option.value)
      .filter((value) => set.has(value));
    this.value.set(ordered);
    this.onChange(ordered);
    this.onTouched();
  }
}
