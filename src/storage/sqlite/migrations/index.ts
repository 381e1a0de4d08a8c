import { initialSchema } from './0001-initial.ts';
import { inlineData } from './0002-inline-data.ts';

/** A numbered schema step; `version` is what PRAGMA user_version holds once it has run. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Append only: never edit or reorder a migration that has shipped. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', sql: initialSchema },
  { version: 2, name: 'inline data', sql: inlineData },
];
