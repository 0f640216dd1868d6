/**
 * Settings → Organize: merge categories (clips come along), rename or merge tags, team rules
 * (site / URL pattern / keywords → category and tags), and category proposals (members propose;
 * owners and editors accept or decline). Props in, callbacks out.
 */
import { useState } from 'react';
import type { Category, CategoryRule } from '../lib/categorize/types';
import type { Proposal, Role } from '../lib/sync/protocol';
import { flattenTree } from '../lib/store/taxonomy-tree';
import { useI18n } from './i18n';

export interface OrganizeSettingsProps {
  taxonomy: readonly Category[];
  tags: readonly string[];
  /** The member's role in the connected team; null when no team is connected (everything is local). */
  role: Role | null;
  /** The team's proposals, or null when no team is connected. */
  proposals: readonly Proposal[] | null;
  onMerge(fromId: string, intoId: string): Promise<unknown>;
  onRenameTag(from: string, to: string): Promise<unknown>;
  onSaveTaxonomy(categories: Category[]): Promise<unknown>;
  onPropose(proposal: { name: { en: string; zh: string }; parentId: string | null; reason: string }): Promise<unknown>;
  onDecide(id: string, decision: 'accept' | 'decline'): Promise<unknown>;
}

/** A rule in one line, e.g. "site github.com · words rust, cli → #code". */
function describeRule(rule: CategoryRule): string {
  const parts = [rule.site && `site ${rule.site}`, rule.urlPattern && `URL ${rule.urlPattern}`, rule.keywords?.length && `words ${rule.keywords.join(', ')}`].filter(Boolean);
  return `${parts.join(' · ')}${rule.tags?.length ? ` → ${rule.tags.map((t) => `#${t}`).join(' ')}` : ''}`;
}

const split = (s: string) => s.split(/[,，、]/).map((w) => w.trim()).filter(Boolean);

export function OrganizeSettings(props: OrganizeSettingsProps) {
  const { t, categoryName } = useI18n();
  const { taxonomy, role, proposals } = props;
  const canEdit = role === null || role === 'owner' || role === 'editor';
  const rows = flattenTree(taxonomy);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const run = (work: () => Promise<unknown>) => {
    setBusy(true);
    setError('');
    work().catch((e: unknown) => setError(e instanceof Error ? e.message : String(e))).finally(() => setBusy(false));
  };
  const options = rows.map((r) => <option key={r.category.id} value={r.category.id}>{`${'\u00a0\u00a0'.repeat(r.depth)}${categoryName(r.category)}`}</option>);

  const [mergeFrom, setMergeFrom] = useState('');
  const [mergeInto, setMergeInto] = useState('');
  const [tagFrom, setTagFrom] = useState('');
  const [tagTo, setTagTo] = useState('');
  const [ruleCat, setRuleCat] = useState('');
  const [rule, setRule] = useState({ site: '', urlPattern: '', keywords: '', tags: '' });
  const [proposal, setProposal] = useState({ en: '', zh: '', parentId: '', reason: '' });

  const addRule = () => {
    const made: CategoryRule = {
      ...(rule.site.trim() ? { site: rule.site.trim() } : {}),
      ...(rule.urlPattern.trim() ? { urlPattern: rule.urlPattern.trim() } : {}),
      ...(split(rule.keywords).length ? { keywords: split(rule.keywords) } : {}),
      ...(split(rule.tags).length ? { tags: split(rule.tags) } : {}),
    };
    if (!ruleCat || !(made.site || made.urlPattern || made.keywords)) return;
    run(async () => {
      await props.onSaveTaxonomy(taxonomy.map((c) => (c.id === ruleCat ? { ...c, rules: [...(c.rules ?? []), made] } : c)));
      setRule({ site: '', urlPattern: '', keywords: '', tags: '' });
    });
  };
  const removeRule = (categoryId: string, index: number) =>
    run(() => props.onSaveTaxonomy(taxonomy.map((c) => (c.id === categoryId ? { ...c, rules: (c.rules ?? []).filter((_, i) => i !== index) } : c))));

  return (
    <section className="organize" data-testid="organize-settings" aria-busy={busy}>
      <h2>{t('organize.title')}</h2>
      {error && <p className="error" role="alert" data-testid="organize-error">{error}</p>}

      {canEdit && (
        <div className="field" data-testid="merge-categories">
          <label>{t('organize.merge')}</label>
          <select className="input" aria-label={t('organize.mergeFrom')} value={mergeFrom} onChange={(e) => setMergeFrom(e.target.value)} data-testid="merge-from">
            <option value="">{t('organize.mergeFrom')}</option>{options}
          </select>
          <select className="input" aria-label={t('organize.mergeInto')} value={mergeInto} onChange={(e) => setMergeInto(e.target.value)} data-testid="merge-into">
            <option value="">{t('organize.mergeInto')}</option>{options}
          </select>
          <button type="button" disabled={!mergeFrom || !mergeInto || mergeFrom === mergeInto || busy} data-testid="merge-go"
            onClick={() => run(async () => { await props.onMerge(mergeFrom, mergeInto); setMergeFrom(''); })}>{t('organize.mergeButton')}</button>
          <p className="muted">{t('organize.mergeHelp')}</p>
        </div>
      )}

      <div className="field" data-testid="rename-tag">
        <label>{t('organize.renameTag')}</label>
        <input className="input" list="organize-tags" aria-label={t('organize.tagFrom')} placeholder={t('organize.tagFrom')} value={tagFrom} onChange={(e) => setTagFrom(e.target.value)} data-testid="tag-from" />
        <datalist id="organize-tags">{props.tags.map((tag) => <option key={tag} value={tag} />)}</datalist>
        <input className="input" list="organize-tags" aria-label={t('organize.tagTo')} placeholder={t('organize.tagTo')} value={tagTo} onChange={(e) => setTagTo(e.target.value)} data-testid="tag-to" />
        <button type="button" disabled={!tagFrom.trim() || !tagTo.trim() || busy} data-testid="tag-rename-go"
          onClick={() => run(async () => { await props.onRenameTag(tagFrom, tagTo); setTagFrom(''); setTagTo(''); })}>{t('organize.renameButton')}</button>
      </div>

      <div className="field" data-testid="rules">
        <label>{t('organize.rules')}</label>
        <p className="muted">{t('organize.rulesHelp')}</p>
        <ul>
          {taxonomy.flatMap((c) => (c.rules ?? []).map((r, i) => (
            <li key={`${c.id}-${i}`} data-testid="rule-item">
              {describeRule(r)} → <strong>{categoryName(c)}</strong>
              {canEdit && <button type="button" className="link" onClick={() => removeRule(c.id, i)}>{t('organize.remove')}</button>}
            </li>
          )))}
        </ul>
        {canEdit && (
          <div className="rule-form">
            <input className="input" placeholder={t('organize.ruleSite')} aria-label={t('organize.ruleSite')} value={rule.site} onChange={(e) => setRule({ ...rule, site: e.target.value })} data-testid="rule-site" />
            <input className="input" placeholder={t('organize.ruleUrl')} aria-label={t('organize.ruleUrl')} value={rule.urlPattern} onChange={(e) => setRule({ ...rule, urlPattern: e.target.value })} />
            <input className="input" placeholder={t('organize.ruleWords')} aria-label={t('organize.ruleWords')} value={rule.keywords} onChange={(e) => setRule({ ...rule, keywords: e.target.value })} />
            <input className="input" placeholder={t('organize.ruleTags')} aria-label={t('organize.ruleTags')} value={rule.tags} onChange={(e) => setRule({ ...rule, tags: e.target.value })} />
            <select className="input" aria-label={t('organize.ruleCategory')} value={ruleCat} onChange={(e) => setRuleCat(e.target.value)} data-testid="rule-category">
              <option value="">{t('organize.ruleCategory')}</option>{options}
            </select>
            <button type="button" disabled={busy} onClick={addRule} data-testid="rule-add">{t('organize.ruleAdd')}</button>
          </div>
        )}
      </div>

      {proposals && (
        <div className="field" data-testid="proposals">
          <label>{t('organize.proposals')}</label>
          <ul>
            {proposals.map((p) => (
              <li key={p.id} data-testid="proposal-item" data-status={p.status}>
                <strong>{[p.name.en, p.name.zh].filter(Boolean).join(' / ')}</strong> — {p.proposer.name}{p.reason ? `: ${p.reason}` : ''}{' '}
                {p.status === 'open' && role !== 'viewer'
                  ? <>
                      <button type="button" disabled={busy} onClick={() => run(() => props.onDecide(p.id, 'accept'))}>{t('organize.accept')}</button>
                      <button type="button" disabled={busy} onClick={() => run(() => props.onDecide(p.id, 'decline'))}>{t('organize.decline')}</button>
                    </>
                  : <span className="muted">{t(`organize.status.${p.status}` as const)}</span>}
              </li>
            ))}
          </ul>
          <div className="proposal-form">
            <input className="input" placeholder={t('organize.nameEn')} aria-label={t('organize.nameEn')} value={proposal.en} onChange={(e) => setProposal({ ...proposal, en: e.target.value })} data-testid="propose-en" />
            <input className="input" placeholder={t('organize.nameZh')} aria-label={t('organize.nameZh')} lang="zh" value={proposal.zh} onChange={(e) => setProposal({ ...proposal, zh: e.target.value })} />
            <select className="input" aria-label={t('organize.parent')} value={proposal.parentId} onChange={(e) => setProposal({ ...proposal, parentId: e.target.value })}>
              <option value="">{t('organize.topLevel')}</option>{options}
            </select>
            <input className="input" placeholder={t('organize.reason')} aria-label={t('organize.reason')} value={proposal.reason} onChange={(e) => setProposal({ ...proposal, reason: e.target.value })} />
            <button type="button" disabled={busy || !(proposal.en.trim() || proposal.zh.trim())} data-testid="propose-go"
              onClick={() => run(async () => {
                await props.onPropose({ name: { en: proposal.en.trim(), zh: proposal.zh.trim() }, parentId: proposal.parentId || null, reason: proposal.reason.trim() });
                setProposal({ en: '', zh: '', parentId: '', reason: '' });
              })}>{t('organize.propose')}</button>
          </div>
        </div>
      )}
    </section>
  );
}
