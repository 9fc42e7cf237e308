import { Injector, runInInjectionContext } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Subject, throwError } from 'rxjs';
import { pageLoad } from './page-load';

describe('pageLoad', () => {
  const create = () => runInInjectionContext(TestBed.inject(Injector), () => pageLoad());

  it('reports loading, then hands over the value', () => {
    const load = create();
    const answer = new Subject<number>();
    const seen: number[] = [];
    load.run(answer, (value) => seen.push(value));
    expect(load.loading()).toBe(true);
    answer.next(7);
    expect(load.loading()).toBe(false);
    expect(load.failed()).toBe(false);
    expect(seen).toEqual([7]);
  });

  it('lets a newer run win over a slower earlier one', () => {
    const load = create();
    const first = new Subject<string>();
    const second = new Subject<string>();
    const seen: string[] = [];
    load.run(first, (value) => seen.push(value));
    load.run(second, (value) => seen.push(value));
    second.next('new');
    first.next('old');
    expect(seen).toEqual(['new']);
  });

  it('reports a failure, and a retry clears it', () => {
    const load = create();
    load.run(
      throwError(() => new Error('down')),
      () => undefined,
    );
    expect(load.failed()).toBe(true);
    expect(load.loading()).toBe(false);
    load.run(new Subject<number>(), () => undefined);
    expect(load.failed()).toBe(false);
    expect(load.loading()).toBe(true);
  });
});
