import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { urlSearch } from './url-search';

@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<input [value]="box.text()" (input)="box.set($any($event.target).value)" />`,
})
class SearchPage {
  readonly search = input<string | undefined>(undefined);
  readonly box = urlSearch(this.search, 50);
}

@Component({ changeDetection: ChangeDetectionStrategy.OnPush, template: 'other' })
class Other {}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('urlSearch', () => {
  async function open(url: string) {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(
          [
            { path: 'list', component: SearchPage },
            { path: 'slow', canActivate: [() => pause(120).then(() => true)], component: Other },
          ],
          withComponentInputBinding(),
        ),
      ],
    });
    const harness = await RouterTestingHarness.create();
    const page = await harness.navigateByUrl(url, SearchPage);
    return { harness, page, router: TestBed.inject(Router) };
  }

  it('starts from the address and writes what is typed into it once typing pauses', async () => {
    const { harness, page, router } = await open('/list?search=Ib&flag=x');
    expect(page.box.text()).toBe('Ib');
    expect(page.box.term()).toBe('Ib');

    page.box.set('Ib T');
    page.box.set('Ib Te ');
    expect(page.box.term()).toBe('Ib');
    await pause(80);
    await harness.fixture.whenStable();
    expect(router.url).toBe('/list?search=Ib%20Te&flag=x');
    expect(page.box.term()).toBe('Ib Te');
    // The trailing space the user typed stays in the box.
    expect(page.box.text()).toBe('Ib Te ');

    page.box.set('  ');
    await pause(80);
    await harness.fixture.whenStable();
    expect(router.url).toBe('/list?flag=x');
    expect(page.box.term()).toBe('');
  });

  it('does not cancel a link followed before typing paused', async () => {
    const { harness, page, router } = await open('/list');
    page.box.set('Ib');
    // The next page takes longer to open than the search waits.
    await harness.navigateByUrl('/slow');
    await pause(80);
    expect(router.url).toBe('/slow');
  });

  it('follows the address when it changes, e.g. by Back', async () => {
    const { harness, page } = await open('/list?search=Ib');
    await harness.navigateByUrl('/list?search=Jette');
    expect(page.box.text()).toBe('Jette');
    expect(page.box.term()).toBe('Jette');
  });
});
