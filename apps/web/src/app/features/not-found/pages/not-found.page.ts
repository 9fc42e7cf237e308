import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { PageHeader } from '@mentor/shared-ui';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';

@Component({
  selector: 'app-not-found-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, RouterLink, PageHeader, TranslatePipe],
  template: `
    <ui-page-header [title]="'notFound.title' | t" />
    <p>{{ 'notFound.text' | t }}</p>
    <a mat-flat-button routerLink="/" data-testid="not-found-home">{{ 'notFound.home' | t }}</a>
  `,
})
export class NotFoundPage {}
