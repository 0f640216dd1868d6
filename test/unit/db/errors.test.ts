import { describe, expect, it } from 'vitest';
import { guard, isQuotaError, StorageError, toStorageError } from '@/lib/db/errors';

describe('storage error mapping', () => {
  it('recognises quota errors by name, legacy Firefox name, message, and wrapped cause', () => {
    expect(isQuotaError(new DOMException('x', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError({ name: 'NS_ERROR_DOM_QUOTA_REACHED', message: '' })).toBe(true);
    expect(isQuotaError(new Error('Transaction failed: quota exceeded'))).toBe(true);
    expect(isQuotaError(new Error('outer', { cause: new DOMException('y', 'QuotaExceededError') }))).toBe(true);
    expect(isQuotaError(new DOMException('x', 'ConstraintError'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
  });

  it('names the action in the message and keeps the cause', () => {
    const cause = new DOMException('boom', 'QuotaExceededError');
    const err = toStorageError(cause, 'save the clip');
    expect(err.message).toMatch(/^Storage is full: Cairn could not save the clip/);
    expect(err.cause).toBe(cause);
    expect(toStorageError(new DOMException('', 'AbortError'), 'list clips').kind).toBe('aborted');
    expect(toStorageError('weird', 'list clips').message).toBe('Cairn could not list clips: weird');
  });

  it('guard passes values through and rethrows failures as StorageError', async () => {
    expect(await guard('x', async () => 5)).toBe(5);
    await expect(guard('read', async () => { throw new TypeError('nope'); })).rejects.toBeInstanceOf(StorageError);
  });
});
