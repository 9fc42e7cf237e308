import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { I18nService } from './i18n.service';
import { TranslatePipe } from './translate.pipe';

/**
 * Switches between Danish and English. The button names the other language in that language
 * (marked with its `lang`), as language pickers conventionally do.
 */
@Component({
  selector: 'app-language-toggle',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatIconModule, TranslatePipe],
  template: `
    <button
      mat-button
      type="button"
      class="language-toggle"
      [attr.data-testid]="testId()"
      [attr.lang]="i18n.otherLang()"
      (click)="toggle()"
    >
      <mat-icon aria-hidden="true" fontIcon="language" />
      {{ 'language.switchTo.' + i18n.otherLang() | t }}
    </button>
  `,
})
export class LanguageToggle {
  protected readonly i18n = inject(I18nService);
  /** `data-testid` of the button. */
  readonly testId = input('lang-toggle');

  protected toggle(): void {
    void this.i18n.use(this.i18n.otherLang());
  }
}
