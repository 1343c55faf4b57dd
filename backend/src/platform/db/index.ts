export { type Database, type DatabaseKind, type Db, type DbOrTx, type Tx, openDatabase } from './client.ts';
export { bytea, createdAt } from './columns.ts';
export { GroupCommit } from './group-commit.ts';
export { records } from './records.ts';
