import { ComponentFixture, TestBed } from '@angular/core/testing';
import { PagedTable, PagedTableColumn, PagedTablePage, PagedTableSort } from './paged-table';

interface Person {
  name: string;
  role: string;
}

const COLUMNS: PagedTableColumn<Person>[] = [
  { id: 'name', header: 'Navn', sortable: true, sortLabel: 'Sorter efter navn', cell: (p) => p.name },
  { id: 'role', header: 'Rolle', cell: (p) => p.role.toUpperCase() },
];

const ROWS: Person[] = [
  { name: 'Anne', role: 'mentor' },
  { name: 'Bo', role: 'teamleder' },
];

function render(inputs: Record<string, unknown> = {}): ComponentFixture<PagedTable<Person>> {
  const fixture = TestBed.createComponent(PagedTable<Person>);
  const all: Record<string, unknown> = {
    columns: COLUMNS,
    rows: ROWS,
    total: 42,
    pageIndex: 0,
    pageSize: 10,
    pageSizeOptions: [10, 25, 50, 100],
    tableLabel: 'Personer',
    emptyText: 'Ingen personer.',
    testId: 'people',
    sortActive: 'name',
    sortDirection: 'asc',
    ...inputs,
  };
  for (const [name, value] of Object.entries(all)) fixture.componentRef.setInput(name, value);
  fixture.detectChanges();
  return fixture;
}

function el(fixture: ComponentFixture<unknown>): HTMLElement {
  return fixture.nativeElement as HTMLElement;
}

function texts(root: HTMLElement, selector: string): string[] {
  return Array.from(root.querySelectorAll(selector)).map((node) => node.textContent?.trim() ?? '');
}

describe('PagedTable', () => {
  it('renders the headers and a cell per column and row', () => {
    const fixture = render();

    expect(texts(el(fixture), 'th')).toEqual(['Navn', 'Rolle']);
    expect(texts(el(fixture), 'tr[data-testid="people-row"] td')).toEqual([
      'Anne',
      'MENTOR',
      'Bo',
      'TEAMLEDER',
    ]);
  });

  it('prefixes the test ids of the table, its rows and the paginator', () => {
    const root = el(render());

    expect(root.querySelector('table')?.getAttribute('data-testid')).toBe('people-table');
    expect(root.querySelectorAll('[data-testid="people-row"]')).toHaveLength(2);
    expect(root.querySelector('mat-paginator')?.getAttribute('data-testid')).toBe('people-paginator');
  });

  it('sets no test ids without a prefix', () => {
    const root = el(render({ testId: undefined }));

    expect(root.querySelector('[data-testid]')).toBeNull();
  });

  it('labels the table and marks it busy while loading', () => {
    const fixture = render({ loading: true });
    const table = el(fixture).querySelector('table');

    expect(table?.getAttribute('aria-label')).toBe('Personer');
    expect(table?.getAttribute('aria-busy')).toBe('true');

    fixture.componentRef.setInput('loading', false);
    fixture.detectChanges();
    expect(table?.getAttribute('aria-busy')).toBe('false');
  });

  it('makes only sortable columns sort headers, marking the active sort', () => {
    const headers = el(render({ sortDirection: 'desc' })).querySelectorAll('th');

    expect(headers[0].classList).toContain('mat-sort-header');
    expect(headers[0].getAttribute('aria-sort')).toBe('descending');
    expect(headers[1].classList).not.toContain('mat-sort-header');
  });

  it('describes the sort action to screen readers', () => {
    const root = el(render());
    const describedBy = root.querySelector('th .mat-sort-header-container')?.getAttribute('aria-describedby');

    expect(describedBy).toBeTruthy();
    expect(document.getElementById(describedBy ?? '')?.textContent).toBe('Sorter efter navn');
  });

  it('emits sortChange when a sortable header is clicked', () => {
    const fixture = render();
    const sorts: PagedTableSort[] = [];
    fixture.componentInstance.sortChange.subscribe((sort) => sorts.push(sort));

    el(fixture).querySelector<HTMLElement>('th.mat-sort-header .mat-sort-header-container')?.click();

    expect(sorts).toEqual([{ active: 'name', direction: 'desc' }]);
  });

  it('emits pageChange when the paginator moves to the next page', () => {
    const fixture = render();
    const pages: PagedTablePage[] = [];
    fixture.componentInstance.pageChange.subscribe((page) => pages.push(page));

    el(fixture).querySelector<HTMLButtonElement>('button.mat-mdc-paginator-navigation-next')?.click();

    expect(pages).toEqual([{ pageIndex: 1, pageSize: 10 }]);
  });

  it('shows the empty text when there are no rows, but not while loading', () => {
    const fixture = render({ rows: [], total: 0, loading: true });
    const empty = () => el(fixture).querySelector('.ui-paged-table__empty');

    expect(empty()?.textContent?.trim()).toBe('');
    expect(empty()?.getAttribute('colspan')).toBe('2');

    fixture.componentRef.setInput('loading', false);
    fixture.detectChanges();
    expect(empty()?.textContent?.trim()).toBe('Ingen personer.');
    expect(el(fixture).querySelectorAll('[data-testid="people-row"]')).toHaveLength(0);
  });

  it('re-renders headers when new columns arrive, e.g. after a language switch', () => {
    const fixture = render();
    fixture.componentRef.setInput(
      'columns',
      COLUMNS.map((column) => ({ ...column, header: column.header === 'Navn' ? 'Name' : 'Role' })),
    );
    fixture.detectChanges();

    expect(texts(el(fixture), 'th')).toEqual(['Name', 'Role']);
  });
});
