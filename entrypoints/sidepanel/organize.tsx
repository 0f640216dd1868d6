/** Settings → Organize wired to the background: merges, tag renames, rules (saved with the taxonomy) and team proposals. */
import { useCallback, useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { OrganizeSettings } from '../../components/OrganizeSettings';
import type { Proposal, Role } from '../../lib/sync/protocol';
import type { Services } from './wiring';

export function OrganizeSection({ services, role }: { services: Services; role: Role | null }) {
  const { send, library } = services;
  const taxonomy = useStore(library, (l) => l.taxonomy);
  const [tags, setTags] = useState<string[]>([]);
  const [proposals, setProposals] = useState<Proposal[] | null>(null);
  const reloadProposals = useCallback(async () => {
    if (!role) return setProposals(null);
    setProposals(await send('proposals:list', undefined).catch(() => null));
  }, [send, role]);
  useEffect(() => {
    void send('tags:list', undefined).then(setTags, () => setTags([]));
    void reloadProposals();
  }, [send, reloadProposals]);
  /** After a merge or rename: the library (clips and taxonomy) and the tag list are reread. */
  const reload = async () => {
    await library.getState().load();
    setTags(await send('tags:list', undefined));
  };
  return (
    <OrganizeSettings
      taxonomy={taxonomy}
      tags={tags}
      role={role}
      proposals={proposals}
      onMerge={async (fromId, intoId) => { await send('taxonomy:merge', { fromId, intoId }); await reload(); }}
      onRenameTag={async (from, to) => { await send('tags:rename', { from, to }); await reload(); }}
      onSaveTaxonomy={(categories) => library.getState().saveTaxonomy(categories)}
      onPropose={async (proposal) => { await send('proposals:create', proposal); await reloadProposals(); }}
      onDecide={async (id, decision) => { await send('proposals:decide', { id, decision }); await reloadProposals(); await library.getState().load(); }}
    />
  );
}
