import { describe, expect, it } from 'vitest';
import { clickSelection, createSelectionStore } from '../../../lib/store/selection';
import type { Send } from '../../../lib/store/send';

const visible = ['a', 'b', 'c', 'd', 'e'];

describe('clickSelection', () => {
  it('toggles on a plain click and selects a range on shift-click', () => {
    expect(clickSelection([], visible, 'b', null, false)).toEqual(['b']);
    expect(clickSelection(['b'], visible, 'b', 'b', false)).toEqual([]);
    expect(clickSelection(['b'], visible, 'd', 'b', true)).toEqual(['b', 'c', 'd']);
    expect(clickSelection(['e'], visible, 'a', 'c', true)).toEqual(['a', 'b', 'c', 'e']);
    // A shift-click without an anchor is a plain toggle; hidden selections are kept.
    expect(clickSelection(['zz'], visible, 'c', null, true)).toEqual(['zz', 'c']);
  });
});

describe('selection store', () => {
  function fake(reply: (type: string, data: any) => unknown) {
    const calls: Array<[string, any]> = [];
    const send = (async (type: string, data: unknown) => { calls.push([type, data]); return reply(type, data); }) as unknown as Send;
    return { calls, store: createSelectionStore(send) };
  }

  it('selects all in view, runs the bulk edit and undoes it with one revert', async () => {
    const snapshot = [{ id: 'a', categoryId: null, tags: [], deletedAt: null, visibility: 'private' }];
    const { calls, store } = fake((type) => (type === 'clips:bulk' ? { changed: 1, failed: [], snapshot } : 1));
    store.getState().toggleAll(visible);
    expect(store.getState().selected).toEqual(visible);
    store.getState().toggleAll(visible);
    expect(store.getState().selected).toEqual([]);
    store.getState().click('a', false, visible);
    store.getState().click('c', true, visible);
    expect(store.getState().selected).toEqual(['a', 'b', 'c']);
    const result = await store.getState().run({ kind: 'move', categoryId: 'x' });
    expect(calls[0]).toEqual(['clips:bulk', { ids: ['a', 'b', 'c'], action: { kind: 'move', categoryId: 'x' } }]);
    expect(result?.outcome.changed).toBe(1);
    await result!.undo!();
    expect(calls[1]).toEqual(['clips:revert', { snapshot }]);
  });

  it('keeps failed ids selected after a delete and shows the error', async () => {
    const { store } = fake(() => ({ changed: 1, failed: [{ id: 'b', error: 'no such clip' }], snapshot: [] }));
    store.getState().toggleAll(['a', 'b']);
    const result = await store.getState().run({ kind: 'delete' });
    expect(result?.undo).toBeNull();
    expect(store.getState().selected).toEqual(['b']);
    expect(store.getState().error).toBe('no such clip');
  });

  it('reports a rejected send as an error, not a throw', async () => {
    const { store } = fake(() => { throw new Error('offline'); });
    store.getState().click('a', false, visible);
    expect(await store.getState().run({ kind: 'share' })).toBeNull();
    expect(store.getState().error).toBe('offline');
    expect(store.getState().busy).toBe(false);
  });
});
