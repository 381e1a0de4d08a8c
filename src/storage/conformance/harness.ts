/**
 * What both conformance suites share: a fresh store per test from the implementation's
 * factory, disposed after it, and named skips (an implementation that cannot do something
 * says which test and why, instead of the suite bending to it).
 */
import { afterEach, beforeEach, it } from 'node:test';

export interface Harness<S> {
  store: S;
  /** Closes the store and removes whatever it created (temp directories, schemas). */
  dispose(): Promise<void>;
}

export type StoreFactory<S> = () => Promise<Harness<S>>;

export interface ConformanceOptions {
  /** Test name → reason it is skipped for this implementation. */
  skip?: Readonly<Record<string, string>>;
}

export class Suite<S> {
  #current: Harness<S> | undefined;
  readonly #skip: Readonly<Record<string, string>>;

  /** Call inside a `describe`: registers the per-test setup and teardown there. */
  constructor(factory: StoreFactory<S>, options: ConformanceOptions = {}) {
    this.#skip = options.skip ?? {};
    beforeEach(async () => {
      this.#current = await factory();
    });
    afterEach(async () => {
      await this.#current?.dispose();
      this.#current = undefined;
    });
  }

  get store(): S {
    if (!this.#current) throw new Error('no store: test ran outside the suite');
    return this.#current.store;
  }

  test(name: string, fn: (store: S) => Promise<void>): void {
    const skip = this.#skip[name];
    it(name, skip === undefined ? {} : { skip }, () => fn(this.store));
  }
}
