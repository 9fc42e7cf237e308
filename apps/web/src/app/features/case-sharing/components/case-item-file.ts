import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { FileInfo } from '@mentor/domain';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { fileTypeKey, formatFileSize } from '../case-files';

/**
 * A file's download link with its name, type and size. A plain link: the session is a cookie and
 * the API sends the file as an attachment after its access check.
 */
@Component({
  selector: 'app-case-item-file',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatIconModule, TranslatePipe],
  template: `
    <a
      class="file"
      download
      [href]="href()"
      [attr.data-testid]="testId()"
      [attr.aria-label]="'caseSharing.files.downloadLabel' | t: { name: file().fileName, details: details() }"
    >
      <mat-icon aria-hidden="true" fontIcon="download" />
      <span class="name">{{ file().fileName }}</span>
      <span class="details">({{ details() }})</span>
    </a>
  `,
  styles: `
    .file {
      display: inline-flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 8px;
      min-height: 48px;
      overflow-wrap: anywhere;
    }
    .name {
      font-weight: 500;
    }
    .details {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class CaseItemFile {
  private readonly i18n = inject(I18nService);

  readonly file = input.required<FileInfo>();
  readonly href = input.required<string>();
  readonly testId = input('case-file-download');

  /** "PDF, 120 kB". */
  protected readonly details = computed(
    () =>
      `${this.i18n.t(fileTypeKey(this.file().contentType))}, ${formatFileSize(this.file().sizeBytes, this.i18n.locale())}`,
  );
}
