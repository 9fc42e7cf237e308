/** Collects positional parameters for raw SQL: `p.add(value)` returns its `$n` placeholder. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }

  /** Appends several values and returns the number of the first, for helpers that number their own. */
  addAll(values: unknown[]): number {
    const first = this.values.length + 1;
    this.values.push(...values);
    return first;
  }
}
