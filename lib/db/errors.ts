/** Turns IndexedDB failures into errors a person can act on; every storage failure goes through here. */

/** A storage failure with a message fit to show the user; `cause` keeps the original error. */
export class StorageError extends Error {
  constructor(
    message: string,
    readonly kind: 'quota' | 'blocked' | 'aborted' | 'timeout' | 'not-found' | 'other',
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StorageError';
  }
}

function errorName(err: unknown): string {
  return err && typeof err === 'object' && 'name' in err ? String((err as { name: unknown }).name) : '';
}

function errorMessage(err: unknown): string {
  return err instanceof Error || (err && typeof err === 'object' && 'message' in err)
    ? String((err as { message: unknown }).message)
    : String(err);
}

/** True when the error (or the error it wraps) is the browser saying the disk quota is used up. */
export function isQuotaError(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const name = errorName(e);
    // Old Firefox reported NS_ERROR_DOM_QUOTA_REACHED; Safari sometimes only says "quota" in the message.
    if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
    if (/quota/i.test(errorMessage(e))) return true;
  }
  return false;
}

/** Map any error thrown while doing `action` to a StorageError with a clear message. */
export function toStorageError(err: unknown, action: string): StorageError {
  if (err instanceof StorageError) return err;
  if (isQuotaError(err)) {
    return new StorageError(
      `Storage is full: Cairn could not ${action}. Free some disk space or delete old clips, then try again.`,
      'quota',
      { cause: err },
    );
  }
  if (errorName(err) === 'AbortError') {
    return new StorageError(`Cairn could not ${action}: the database transaction was aborted.`, 'aborted', { cause: err });
  }
  return new StorageError(`Cairn could not ${action}: ${errorMessage(err) || errorName(err) || 'unknown storage error'}`, 'other', {
    cause: err,
  });
}

/** Run `work` and rethrow any failure as a StorageError naming the action. */
export async function guard<T>(action: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw toStorageError(err, action);
  }
}
