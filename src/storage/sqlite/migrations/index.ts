import { initialSchema } from './0001-initial.ts';

/** A numbered schema step; `version` is what PRAGMA user_version holds once it has run. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Append only: never edit or reorder a migration that has shipped. */
export const MIGRATIONS: readonly Migration[] = [{ version: 1, name: 'initial', sql: initialSchema }];
