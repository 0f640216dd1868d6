/** The storage module: open the database, the ClipStore API, and storage errors. */
export { ClipStore, type ListOptions } from './clip-store';
export { openCairnDb, type OpenOptions } from './open';
export { DB_VERSION, migrations, type CairnDb, type CairnDbSchema, type Migration } from './schema';
export { StorageError, isQuotaError, toStorageError } from './errors';
export { runTransaction } from './transaction';
