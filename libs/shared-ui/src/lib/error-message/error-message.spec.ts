import { TestBed } from '@angular/core/testing';
import { ErrorMessage } from './error-message';

describe('ErrorMessage', () => {
  it('announces the message as an alert without a retry button by default', () => {
    const fixture = TestBed.createComponent(ErrorMessage);
    fixture.componentRef.setInput('message', 'Forkert brugernavn eller adgangskode.');
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;

    expect(el.querySelector('[role="alert"]')?.textContent).toContain(
      'Forkert brugernavn eller adgangskode.',
    );
    expect(el.querySelector('button')).toBeNull();
  });

  it('emits retry when the retry button is pressed', () => {
    const fixture = TestBed.createComponent(ErrorMessage);
    fixture.componentRef.setInput('message', 'Fejl');
    fixture.componentRef.setInput('retryLabel', 'Prøv igen');
    fixture.detectChanges();
    const retried = jest.fn();
    fixture.componentInstance.retry.subscribe(retried);

    const button = (fixture.nativeElement as HTMLElement).querySelector('button');
    expect(button?.textContent?.trim()).toBe('Prøv igen');
    button?.click();
    expect(retried).toHaveBeenCalledTimes(1);
  });
});
