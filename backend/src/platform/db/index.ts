export { type Database, type DatabaseKind, type Db, type DbOrTx, migrationsFolder, openDatabase, type Tx } from './client.ts';
export { bytea, createdAt } from './columns.ts';
export { GroupCommit } from './group-commit.ts';
export { records } from './records.ts';
