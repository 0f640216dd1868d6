/** The side panel: wires the stores to the components (Clip · Library · Settings) and the toast. */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { ClipEditor } from '../../components/ClipEditor';
import { ClipForm } from '../../components/ClipForm';
import { ErrorNotice } from '../../components/ErrorNotice';
import { I18nProvider, useI18n } from '../../components/i18n';
import { Library } from '../../components/Library';
import { ModeSwitch } from '../../components/ModeSwitch';
import { Nav, type View } from '../../components/Nav';
import { Reader } from '../../components/Reader';
import { RecallSettings } from '../../components/RecallSettings';
import { RelatedView } from '../../components/RelatedView';
import { SearchView } from '../../components/SearchView';
import { Settings } from '../../components/Settings';
import { TeamSettings } from '../../components/TeamSettings';
import { TeamView } from '../../components/TeamView';
import { Toast } from '../../components/Toast';
import { BulkBar } from '../../components/BulkBar';
import { KnowledgeMap } from '../../components/KnowledgeMap';
import { NearDuplicateBanner } from '../../components/NearDuplicateBanner';
import { downloadFile, TransferSettings } from '../../components/TransferSettings';
import { exportDownload } from '../../lib/store/transfer';
import type { BulkAction } from '../../lib/background/bulk';
import type { CaptureResult } from '../../lib/messaging';
import type { ClipMode } from '../../lib/clip/types';
import { errorMessage } from '../../lib/store/send';
import { useDirectCounts, useUndo } from './hooks';
import { ClipLearningPane, learnOf, useTeamBadge, useTeamLearning } from './learning';
import type { Services } from './wiring';
import { grantTeamOrigin, onSyncChanged, useShareByDefault } from './wiring';
import { OrganizeSection } from './organize';
import { ClipHighlightsPane } from './highlights';
import { followTabs, onClipsChanged, panelProbe, resolveTabId, setRecallEverywhere, useRecallSettings, useUiLang } from './wiring';

export function App({ services }: { services: Services }) {
  const { lang, setting, setSetting } = useUiLang();
  return (
    <I18nProvider lang={lang}>
      <Panel services={services} uiLang={setting} onUiLang={setSetting} />
    </I18nProvider>
  );
}

function Panel({ services, uiLang, onUiLang }: { services: Services; uiLang: Parameters<typeof Settings>[0]['uiLang']; onUiLang: (v: typeof uiLang) => void }) {
  const { t } = useI18n();
  const { form, library, toasts, recall, team } = services;
  const teamState = useStore(team);
  const learn = learnOf(services);
  const [shareByDefault, setShareByDefault] = useShareByDefault();
  const connected = !!teamState.status?.connection;
  useEffect(() => { form.getState().setShareByDefault(connected && shareByDefault); }, [form, connected, shareByDefault]);
  useEffect(() => {
    void team.getState().load();
    return onSyncChanged((status) => team.getState().received(status));
  }, [team]);
  const [view, setView] = useState<View>('related');
  // Where "back" in the reader returns to when a clip was opened from Related or Search.
  const returnTo = useRef<View | null>(null);
  // The clip form captures (injects the clipper) only once the user opens the Clip view: opening the
  // panel reads nothing beyond what Related may read.
  const [clipOpened, setClipOpened] = useState(false);
  useEffect(() => { if (view === 'clip') setClipOpened(true); }, [view]);
  // Only the clip form's tag suggestions need the tag list.
  const tagsWanted = useRef(false);
  useEffect(() => {
    tagsWanted.current = clipOpened;
    if (clipOpened) void form.getState().loadKnownTags();
  }, [clipOpened, form]);
  // The library list comes through the background and competes with the index load for IndexedDB:
  // Related and Search never need it, so it loads with the first view that does.
  useEffect(() => {
    if (view !== 'related' && view !== 'search' && library.getState().status === 'idle') void library.getState().load();
  }, [view, library]);
  const toast = useStore(toasts, (s) => s.toast);
  const lib = useStore(library);
  const undo = useUndo(services);

  useEffect(() => {
    void recall.getState().init();
    // A navigation reads the page again (kept results show meanwhile); a switch back uses kept results.
    const unfollow = followTabs((tab, how) => {
      void recall.getState().showTab(tab, { reread: how === 'navigate' });
      // Re-show the page clip's highlights (own and team) on the live page; a page without one is never injected.
      if (tab) void services.send('highlights:show', { tabId: tab.id }).catch(() => undefined);
    });
    const unlisten = onClipsChanged(() => {
      if (library.getState().status !== 'idle') void library.getState().refresh();
      if (tagsWanted.current) void form.getState().loadKnownTags();
      void recall.getState().libraryChanged();
    });
    return () => { unfollow(); unlisten(); };
  }, [library, form, recall]);

  const recheck = useCallback(() => void recall.getState().recheck(), [recall]);
  const recallSettings = useRecallSettings(recheck);
  const openClip = useCallback((id: string) => {
    returnTo.current = view === 'related' || view === 'search' ? view : null;
    void library.getState().open(id);
    setView('library');
  }, [library, view]);
  const onLibraryBack = useCallback(() => {
    const back = returnTo.current;
    returnTo.current = null;
    if (back) setView(back);
  }, []);

  const directCounts = useDirectCounts(lib.clips);
  // The map's clock moves when the library or the view changes, not on every render (the map is memoized on it).
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const mapNow = useMemo(() => new Date(), [lib.clips, view]);
  const teamBadge = useTeamBadge(learn, { teamOpen: view === 'team', memberId: teamState.status?.connection?.member.id ?? null, lastSyncedAt: teamState.status?.sync.lastSyncedAt ?? null });
  const teamLearning = useTeamLearning(learn, lib.taxonomy);

  return (
    <div className="app">
      <header className="app-header">
        <span className="brand" aria-hidden="true">◭</span>
        <Nav view={view} onChange={setView} badges={{ team: teamBadge }} />
      </header>
      <main className="app-main">
        {view === 'related' && <RelatedPane services={services} onOpen={(id) => { void learn.getState().open(id, 'related'); openClip(id); }} />}
        {view === 'search' && <SearchPane services={services} onOpen={(id) => { void learn.getState().open(id, 'search'); openClip(id); }} />}
        {clipOpened && <div hidden={view !== 'clip'}><ClipView services={services} /></div>}
        {view === 'library' && <LibraryView services={services} onBack={onLibraryBack} />}
        {view === 'map' && (
          <KnowledgeMap
            taxonomy={lib.taxonomy}
            clips={lib.clips}
            now={mapNow}
            onOpenCategory={(id) => {
              library.getState().close();
              library.getState().setFilter({ kind: 'category', id });
              setView('library');
            }}
          />
        )}
        {view === 'team' && (
          <TeamView
            team={teamState}
            clips={lib.clips}
            onOpen={openClip}
            onLoadInfo={() => void team.getState().loadInfo()}
            onSyncNow={() => void team.getState().syncNow()}
            onOpenSettings={() => setView('settings')}
            learning={teamLearning}
          />
        )}
        {view === 'settings' && (
          <Settings
            uiLang={uiLang}
            onUiLang={onUiLang}
            taxonomy={lib.taxonomy}
            taxonomyLoaded={lib.status === 'ready'}
            clipCounts={directCounts}
            onSaveTaxonomy={(categories) => library.getState().saveTaxonomy(categories)}
          >
            <OrganizeSection services={services} role={teamState.status?.connection?.member.role ?? null} />
            <TeamSettings
              team={teamState}
              shareByDefault={shareByDefault}
              onShareByDefault={setShareByDefault}
              onConnect={(input) => void team.getState().connect(input, grantTeamOrigin)}
              onLeave={() => void team.getState().leave()}
              onTest={() => void team.getState().loadInfo()}
              onSyncNow={() => void team.getState().syncNow()}
            />
            <TransferPane services={services} />
            <RecallSettings
              everywhere={recallSettings.everywhere}
              excludedSites={recallSettings.excludedSites}
              onEverywhere={setRecallEverywhere}
              onExcludedSites={recallSettings.setExcludedSites}
            />
          </Settings>
        )}
        {lib.status === 'error' && lib.error && view !== 'clip' && (
          <ErrorNotice title={t('error.loadFailed', { message: '' }).replace(/[:：]\s*$/, '')} message={lib.error} onRetry={() => void library.getState().load()} />
        )}
      </main>
      <Toast toast={toast} onUndo={undo} onDismiss={() => toasts.getState().dismiss()} />
    </div>
  );
}

function ClipView({ services }: { services: Services }) {
  const { t } = useI18n();
  const { form, library, toasts } = services;
  const s = useStore(form);
  const taxonomy = useStore(library, (l) => l.taxonomy);
  const teamName = useStore(services.team, (s) => s.status?.connection?.team.name ?? null);
  const [noTab, setNoTab] = useState(false);
  const [dupDismissed, setDupDismissed] = useState<object | null>(null);
  const [noting, setNoting] = useState(false);
  // The capture carries near-duplicates when the background's index was ready in time; otherwise ask for them.
  const [askedDuplicates, setAskedDuplicates] = useState<{ for: object; matches: NonNullable<CaptureResult['nearDuplicates']> } | null>(null);
  useEffect(() => {
    const capture = s.capture;
    if (!capture || capture.nearDuplicates) return;
    let live = true;
    services.send('clip:nearDuplicates', { draft: capture.draft }).then((matches) => live && setAskedDuplicates({ for: capture, matches }), () => {});
    return () => { live = false; };
  }, [s.capture, services]);
  const foundDuplicates = s.capture?.nearDuplicates ?? (askedDuplicates && askedDuplicates.for === s.capture ? askedDuplicates.matches : []);
  const nearDuplicates = s.capture && dupDismissed !== s.capture ? foundDuplicates : [];
  const addNoteTo = async (clip: { id: string; title: string }) => {
    const draft = s.draft;
    const note = s.filing.note.trim() || (draft ? `${draft.title}\n${draft.url}` : '');
    setNoting(true);
    try {
      await services.send('clip:addNote', { id: clip.id, note });
      setDupDismissed(s.capture);
      toasts.getState().show(t('dup.noted', { title: clip.title }));
      void library.getState().refresh();
    } catch (err) {
      toasts.getState().show(t('error.actionFailed', { message: errorMessage(err) }));
    } finally {
      setNoting(false);
    }
  };

  const start = useCallback(async (mode?: ClipMode) => {
    const tabId = form.getState().tabId ?? (await resolveTabId().catch(() => null));
    if (tabId === null) { setNoTab(true); return; }
    setNoTab(false);
    await form.getState().captureTab(tabId, mode);
  }, [form]);

  useEffect(() => { void start(); }, [start]);

  const save = async () => {
    const outcome = await form.getState().save();
    if (!outcome) return;
    toasts.getState().show(t(outcome.kind === 'created' ? 'toast.saved' : 'toast.updated'), outcome.undo);
    void library.getState().refresh();
  };

  const tagSuggestions = [...(s.capture?.tagSuggestions ?? []), ...s.knownTags];
  return (
    <section className="clip-view" aria-busy={s.status === 'capturing'}>
      <div className="clip-toolbar">
        <ModeSwitch mode={s.mode} disabled={s.status === 'capturing' || s.status === 'saving'} onChange={(m) => (s.tabId === null ? void start(m) : void form.getState().setMode(m))} />
        <button type="button" className="icon-button" title={t('capture.again')} aria-label={t('capture.again')} data-testid="capture-again" disabled={s.status === 'capturing'} onClick={() => void start(s.mode)}>↻</button>
      </div>
      {noTab && <ErrorNotice message="no tab" title={t('error.title')} />}
      {s.status === 'capturing' && <p className="loading" role="status">{t('capture.loading')}</p>}
      {s.status === 'error' && s.error && <ErrorNotice message={s.error} onRetry={() => void start(s.mode)} />}
      {(s.status === 'ready' || s.status === 'saving') && s.draft && nearDuplicates.length > 0 && (
        <NearDuplicateBanner matches={nearDuplicates} busy={noting} onAddNote={(clip) => void addNoteTo(clip)} onSaveAnyway={() => setDupDismissed(s.capture)} />
      )}
      {(s.status === 'ready' || s.status === 'saving') && s.draft && (
        <ClipForm
          draft={s.draft}
          filing={s.filing}
          existing={s.existing}
          taxonomy={taxonomy}
          suggestions={s.capture?.suggestions ?? []}
          tagSuggestions={tagSuggestions}
          saving={s.status === 'saving'}
          saveError={s.saveError}
          onEdit={(e) => form.getState().editDraft(e)}
          onSummary={(sum) => form.getState().editSummary(sum)}
          onCategory={(id) => form.getState().setCategory(id)}
          onAddTag={(...tags) => form.getState().addTag(...tags)}
          onRemoveTag={(tag) => form.getState().removeTag(tag)}
          onNote={(note) => form.getState().setNote(note)}
          teamName={teamName}
          onVisibility={(shared) => form.getState().setVisibility(shared)}
          onSave={() => void save()}
        />
      )}
    </section>
  );
}

function RelatedPane({ services, onOpen }: { services: Services; onOpen: (id: string) => void }) {
  const page = useStore(services.recall, (s) => s.page);
  const index = useStore(services.recall, (s) => s.index);
  const taxonomy = useStore(services.library, (l) => l.taxonomy);
  const pathOf = useCategoryPath(taxonomy);
  useLayoutEffect(() => {
    // Benchmarks time tab switch → results on screen from this commit (no round trip to the driver).
    if (__CAIRN_E2E__ && page.status === 'ready' && index.status === 'ready') {
      panelProbe().rendered.push({ url: page.tab?.url ?? '', at: performance.now(), items: page.related.length, cached: page.cached, how: index.how, indexMs: index.ms });
    }
  }, [page, index.status, index.how, index.ms]);
  return <RelatedView page={page} index={index} categoryPath={pathOf} onOpen={onOpen} />;
}

function SearchPane({ services, onOpen }: { services: Services; onOpen: (id: string) => void }) {
  const { recall } = services;
  const search = useStore(recall, (s) => s.search);
  const index = useStore(recall, (s) => s.index);
  const indexVersion = useStore(recall, (s) => s.indexVersion);
  const taxonomy = useStore(services.library, (l) => l.taxonomy);
  const pathOf = useCategoryPath(taxonomy);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const facets = useMemo(() => recall.getState().facets(), [recall, indexVersion]);
  const r = recall.getState();
  return (
    <SearchView
      search={search}
      index={index}
      taxonomy={taxonomy}
      facets={facets}
      categoryPath={pathOf}
      onQuery={r.setQuery}
      onFilters={r.setFilters}
      onMove={r.moveActive}
      onOpen={onOpen}
    />
  );
}

function LibraryView({ services, onBack }: { services: Services; onBack: () => void }) {
  const { t } = useI18n();
  const { library, toasts } = services;
  const lib = useStore(library);
  const [editing, setEditing] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const open = lib.opened && lib.opened.id === lib.openId ? lib.opened : null;
  // Until the whole clip arrives: loading while it is listed (or the list is not in yet), else not found.
  const openPending = !!lib.openId && !open && (lib.status !== 'ready' || lib.clips.some((c) => c.id === lib.openId));
  const me = useStore(services.team, (s) => s.status?.connection?.member.id ?? null);
  const [sharing, setSharing] = useState(false);
  const toggleShare = async (id: string, shared: boolean) => {
    setSharing(true);
    try {
      await services.team.getState().share(id, shared);
      await library.getState().refresh();
      toasts.getState().show(t(shared ? 'share.sharedToast' : 'share.unsharedToast'));
    } catch (err) {
      setActionError(errorMessage(err));
    } finally {
      setSharing(false);
    }
  };

  useEffect(() => { setEditing(false); setActionError(null); }, [lib.openId]);
  const selection = useStore(services.selection);
  useEffect(() => { services.selection.getState().keep(lib.clips.map((c) => c.id)); }, [services.selection, lib.clips]);
  const runBulk = async (action: BulkAction) => {
    const result = await services.selection.getState().run(action);
    if (!result) return;
    await library.getState().refresh();
    if (result.outcome.changed > 0) toasts.getState().show(t('bulk.done', { count: result.outcome.changed }), result.undo ?? undefined);
  };

  if (lib.openId && !open) {
    return (
      <div>
        <button type="button" className="link-button" onClick={() => { library.getState().close(); onBack(); }}>← {t('reader.back')}</button>
        <p className="empty">{openPending ? t('library.loading') : t('reader.notFound')}</p>
      </div>
    );
  }
  if (open) {
    const remove = async () => {
      try {
        const undo = await library.getState().deleteClip(open.id);
        toasts.getState().show(t('toast.deleted'), undo);
      } catch (err) {
        setActionError(errorMessage(err));
      }
    };
    return (
      <>
        {actionError && <p className="notice error" role="alert">{t('error.actionFailed', { message: actionError })}</p>}
        {editing ? (
          <ClipEditor
            clip={open}
            taxonomy={lib.taxonomy}
            knownTags={lib.tags}
            onCancel={() => setEditing(false)}
            onSave={async (patch) => {
              try {
                await library.getState().updateClip(open.id, patch);
                setEditing(false);
                toasts.getState().show(t('toast.updated'));
              } catch (err) {
                setActionError(errorMessage(err));
              }
            }}
          />
        ) : (
          <>
          <Reader
            clip={open}
            taxonomy={lib.taxonomy}
            onBack={() => { library.getState().close(); onBack(); }}
            onEdit={() => setEditing(true)}
            onDelete={() => void remove()}
            share={me ? { allowed: !open.author || open.author.id === me, busy: sharing, onToggle: (shared) => void toggleShare(open.id, shared) } : null}
          />
          <ClipHighlightsPane services={services} clip={open} me={me ?? null} />
          <ClipLearningPane learn={learnOf(services)} clip={open} />
          </>
        )}
      </>
    );
  }
  return (
    <Library
      clips={lib.clips}
      taxonomy={lib.taxonomy}
      filter={lib.filter}
      loading={lib.status === 'loading' || lib.status === 'idle'}
      onFilter={(f) => library.getState().setFilter(f)}
      onOpen={(id) => void library.getState().open(id)}
      selected={selection.selected}
      onSelect={(id, shift, shown) => services.selection.getState().click(id, shift, shown)}
      onSelectAll={(shown) => services.selection.getState().toggleAll(shown)}
      bulkBar={
        <BulkBar
          count={selection.selected.length}
          taxonomy={lib.taxonomy}
          canShare={!!me}
          busy={selection.busy}
          error={selection.error}
          onClear={() => services.selection.getState().clear()}
          onRun={(action) => void runBulk(action)}
        />
      }
    />
  );
}

/** Settings → Import and export, over the import store and the whole library (fetched when needed). */
function TransferPane({ services }: { services: Services }) {
  const importState = useStore(services.imports);
  const wholeLibrary = async () => {
    const [clips, taxonomy] = await Promise.all([services.send('clips:all', undefined), services.send('taxonomy:get', undefined)]);
    return { clips, taxonomy };
  };
  const failed = (err: unknown) => void services.toasts.getState().show(errorMessage(err));
  return (
    <TransferSettings
      importState={importState}
      onExport={(format) => void (async () => {
        const { clips, taxonomy } = await wholeLibrary();
        downloadFile(await exportDownload(clips, taxonomy, format));
      })().catch(failed)}
      onImport={(file) => void (async () => {
        const data = /\.zip$/i.test(file.name) ? new Uint8Array(await file.arrayBuffer()) : await file.text();
        await services.imports.getState().importFile(file.name, data, await wholeLibrary());
        await services.library.getState().refresh();
      })().catch(failed)}
    />
  );
}
