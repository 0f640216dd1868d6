/**
 * The knowledge map: a treemap of categories (area = clips, color = freshness) and the category tree
 * with counts, contributors, latest activity and gaps. Clicking a category opens it in the Library.
 */
import { useMemo } from 'react';
import type { Category } from '../lib/categorize/types';
import type { ClipListItem } from '../lib/clip/types';
import { buildKnowledgeMap, type Contributor, type MapNode } from '../lib/map/knowledge-map';
import { nestedTreemap, type TreemapNode } from '../lib/map/treemap';
import { useI18n } from './i18n';

const WIDTH = 320;
const HEIGHT = 200;

/** Fill for a freshness in [0, 1]: green when fresh, through amber, to grey when stale. */
export function freshnessColor(freshness: number): string {
  const hue = Math.round(40 + 90 * freshness);
  const sat = Math.round(15 + 45 * freshness);
  return `hsl(${hue} ${sat}% 72%)`;
}

function toTreemap(nodes: MapNode[]): TreemapNode[] {
  return nodes.map((n) => ({ id: n.category.id, value: n.direct, children: toTreemap(n.children) }));
}

export function KnowledgeMap({ taxonomy, clips, now, staleDays = 90, onOpenCategory }: {
  taxonomy: readonly Category[];
  clips: readonly ClipListItem[];
  now: Date;
  staleDays?: number;
  onOpenCategory: (id: string) => void;
}) {
  const { t, date, categoryName } = useI18n();
  const map = useMemo(() => buildKnowledgeMap(taxonomy, clips, now, { staleDays }), [taxonomy, clips, now, staleDays]);
  const byId = useMemo(() => new Map(map.nodes.map((n) => [n.category.id, n])), [map]);
  const cells = useMemo(() => nestedTreemap(toTreemap(map.roots), { x: 0, y: 0, w: WIDTH, h: HEIGHT }, { padding: 2, header: 12 }), [map]);
  const names = (list: Contributor[]) => list.slice(0, 4).map((c) => (c.id === null ? t('map.you') : c.name ?? '?')).join(', ');

  if (taxonomy.length === 0) return <section className="knowledge-map" data-testid="knowledge-map"><p className="empty">{t('map.empty')}</p></section>;

  const row = (n: MapNode) => (
    <li key={n.category.id} data-testid="map-node" data-category-id={n.category.id} data-count={n.count} data-gap={n.gap ?? ''}>
      <button type="button" className="map-row link-button" title={t('map.open', { name: categoryName(n.category) })} onClick={() => onOpenCategory(n.category.id)}>
        <span className="map-swatch" style={{ background: n.count ? freshnessColor(n.freshness) : 'transparent' }} aria-hidden="true" />
        <span className="map-name">{categoryName(n.category)}</span>
        <span className="map-count" data-testid="map-count">{t('map.clips', { count: n.count })}</span>
      </button>
      <span className="muted small map-meta">
        {[n.latestAt ? t('map.latest', { date: date(n.latestAt) }) : t('map.never'), n.contributors.length ? t('map.contributors', { names: names(n.contributors) }) : null,
          n.gap === 'empty' ? t('map.gapEmpty') : n.gap === 'stale' ? t('map.gapStale', { days: String(map.staleDays) }) : null].filter(Boolean).join(' · ')}
      </span>
      {n.children.length > 0 && <ul className="map-tree">{n.children.map(row)}</ul>}
    </li>
  );

  return (
    <section className="knowledge-map" data-testid="knowledge-map" aria-label={t('map.label')}>
      <p className="muted small">{t('map.summary', { count: map.total, categories: taxonomy.length, unfiled: map.unfiled })}</p>
      {cells.length > 0 && (
        <svg className="treemap" data-testid="treemap" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={t('map.treemap')}>
          {cells.map((cell) => {
            const node = byId.get(cell.id);
            if (!node) return null;
            const label = categoryName(node.category);
            return (
              <g key={`${cell.id}:${cell.depth}:${cell.own ? 'own' : 'all'}`} className="treemap-cell" data-testid={cell.own ? undefined : 'treemap-cell'} data-category-id={cell.id} onClick={(e) => { e.stopPropagation(); onOpenCategory(cell.id); }}>
                <title>{`${label}: ${t('map.clips', { count: cell.own ? node.direct : node.count })}`}</title>
                <rect x={cell.x} y={cell.y} width={Math.max(0, cell.w)} height={Math.max(0, cell.h)} fill={freshnessColor(node.freshness)} stroke="var(--bg, #fff)" strokeWidth={1} />
                {!cell.own && cell.w > 30 && cell.h > 12 && (
                  <text x={cell.x + 3} y={cell.y + 10} fontSize={9} fill="#222" pointerEvents="none">{`${label} ${node.count}`.slice(0, Math.floor(cell.w / 5))}</text>
                )}
              </g>
            );
          })}
        </svg>
      )}
      <ul className="map-tree" data-testid="map-tree">{map.roots.map(row)}</ul>
      <h3 className="small">{t('map.gaps')}</h3>
      {map.empty.length + map.stale.length === 0 ? (
        <p className="muted small">{t('map.noGaps')}</p>
      ) : (
        <ul className="chips" data-testid="map-gaps">
          {[...map.stale, ...map.empty].map((n) => (
            <li key={n.category.id}>
              <button type="button" className="chip small" data-testid="map-gap" data-gap={n.gap ?? ''} onClick={() => onOpenCategory(n.category.id)}>
                {categoryName(n.category)} · {n.gap === 'empty' ? t('map.gapEmpty') : t('map.gapStale', { days: String(map.staleDays) })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
