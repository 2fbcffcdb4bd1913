import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useClient } from 'urql';
import { GraphView, type GraphViewHandle } from '../../graph-view/GraphView';
import { domainId, graphId } from '../../graph-view/elements';
import { fitRange, type StyleMode } from '../../graph-view/stylesheet';
import { NetworkFindMemberDocument } from '../../gql/graphql';
import { useI18n } from '../../i18n/useI18n';
import { hrefFor, navigate } from '../../app/routes';
import { useSession } from '../../app/useSession';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Loading } from '../../ui/Loading';
import { buildNetworkElements, expandFocused, initialView, showMore, type ViewState } from './network-model';
import { NetworkLegend } from './NetworkLegend';
import { NodeList } from './NodeList';
import { useNetworkData } from './useNetworkData';
import { exportPng } from './export-png';

/**
 * Network explorer: committee → branches → members (→ courses, gap topics). Click to expand (capped, "more"
 * on request), undo, search by name, colour by stage/mastery/attendance, study groups, fit/zoom, PNG export.
 */
export default function NetworkPage({ root }: { root: string | null }) {
  const { t, num } = useI18n();
  const session = useSession();
  const client = useClient();
  const { org, tree, members, neighbours, loadBranch, loadMember, loadError } = useNetworkData();
  const graph = useRef<GraphViewHandle>(null);
  const rootId = root ?? (tree ? defaultRoot(session?.role, session?.branchId ?? null, session?.committeeId ?? null, tree.university.id) : null);
  const [history, setHistory] = useState<ViewState[]>([]);
  const [view, setView] = useState<ViewState | null>(null);
  const [styleMode, setStyleMode] = useState<StyleMode>('stage');
  const [groups, setGroups] = useState(false);
  // Off until asked: shared-gap edges turn a branch into a web of crossing lines.
  const [gapEdges, setGapEdges] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [matches, setMatches] = useState<string[]>([]);
  const [notFound, setNotFound] = useState<string | null>(null);
  const [pendingFocus, setPendingFocus] = useState<string | null>(null);

  useEffect(() => {
    if (rootId) {
      setView(initialView(rootId));
      setHistory([]);
    }
  }, [rootId]);
  useEffect(() => {
    for (const id of view?.expanded ?? []) {
      if (id.startsWith('branch:') && !members.has(domainId(id))) void loadBranch(domainId(id));
      if (id.startsWith('member:') && !neighbours.has(domainId(id))) void loadMember(domainId(id));
    }
  }, [view, members, neighbours, loadBranch, loadMember]);

  const buildOpts = useMemo(
    () => ({
      studyGroups: groups,
      gapEdges,
      groupLabel: (n: number) => t('network.studyGroup', { n }),
      moreLabel: (n: number) => t('network.more', { n: num(n) }),
      committeeLabel: (name: string, n: number) => t('network.committeeCount', { name, n: num(n) }),
      branchLabel: (name: string, n: number) => t('network.branchCount', { name, n: num(n) }),
    }),
    [groups, gapEdges, t, num],
  );
  const elements = useMemo(() => (tree && view ? buildNetworkElements(tree, members, neighbours, view, buildOpts) : []), [tree, members, neighbours, view, buildOpts]);
  const nodeCount = elements.filter((e) => e.group === 'nodes').length;
  const kinds = useMemo(() => [...new Set(elements.filter((e) => e.group === 'nodes').map((e) => String(e.data.kind)))], [elements]);
  // The colour ramp spans the values on screen, so members who differ look different; the legend shows the same ends.
  const rampRange = useMemo(() => {
    if (styleMode === 'stage') return null;
    return fitRange(elements.flatMap((e) => (e.group === 'nodes' && typeof e.data[styleMode] === 'number' ? [e.data[styleMode] as number] : [])));
  }, [elements, styleMode]);
  // Full names (a branch's label drops its committee's prefix) for search and the selection panel.
  const labels = useMemo(() => new Map(elements.filter((e) => e.group === 'nodes').map((e) => [e.data.id, String(e.data.fullName ?? e.data.label)])), [elements]);

  useEffect(() => {
    if (pendingFocus && labels.has(pendingFocus)) {
      // Wait a frame so the layout has placed the new nodes.
      requestAnimationFrame(() => graph.current?.focus(pendingFocus));
      setSelected(pendingFocus);
      setPendingFocus(null);
    }
  }, [pendingFocus, labels]);

  const change = (next: ViewState) => {
    if (view) setHistory((h) => [...h, view]);
    setView(next);
  };
  const onTap = (id: string) => {
    if (!view) return;
    setSelected(id);
    if (id.startsWith('more:')) change(showMore(view, id.slice(5)));
    else if (/^(university|committee|branch|member):/.test(id) && tree) {
      const size = (v: ViewState) => buildNetworkElements(tree, members, neighbours, v, buildOpts).filter((e) => e.group === 'nodes').length;
      change(expandFocused(view, id, size));
    }
  };
  const onDoubleTap = (id: string) => {
    if (id.startsWith('member:')) navigate({ name: 'portrait', id: domainId(id) });
  };
  const undo = () => {
    const prev = history.at(-1);
    if (prev) {
      setView(prev);
      setHistory((h) => h.slice(0, -1));
    }
  };

  const search = async (e: FormEvent) => {
    e.preventDefault();
    const q = query.trim();
    setNotFound(null);
    if (!q || !view || !tree) {
      setMatches([]);
      return;
    }
    const found = [...labels].filter(([, l]) => l.includes(q)).map(([id]) => id);
    if (found.length) {
      setMatches(found);
      setSelected(found[0]);
      graph.current?.focus(found[0]);
      return;
    }
    const r = await client.query(NetworkFindMemberDocument, { name: q }).toPromise();
    const m = r.data?.members.nodes[0];
    if (!m) {
      setMatches([]);
      setNotFound(q);
      return;
    }
    const path = [graphId('committee', m.branch.committee.id), graphId('branch', m.branch.id)].filter((id) => id !== view.root);
    change({ ...view, expanded: [...view.expanded, ...path.filter((p) => !view.expanded.includes(p))] });
    setMatches([graphId('member', m.id)]);
    setPendingFocus(graphId('member', m.id));
  };

  if (org.error && !org.data)
    return (
      <div className="page">
        <ErrorMessage error={org.error} />
      </div>
    );
  if (!tree || !view)
    return (
      <div className="page">
        <Loading />
      </div>
    );
  if (!rootId)
    return (
      <div className="page">
        <EmptyState>{t('network.empty')}</EmptyState>
      </div>
    );
  const selectedLabel = selected ? labels.get(selected) : undefined;
  return (
    <div className="page page-wide">
      <div className="page-head">
        <h1>{t('network.title')}</h1>
        <p className="sub" aria-live="polite" data-testid="network-count">
          {t('network.count', { nodes: num(nodeCount), edges: num(elements.length - nodeCount) })}
        </p>
      </div>
      <div className="toolbar" role="toolbar" aria-label={t('network.title')}>
        <form className="toolbar" onSubmit={search} role="search">
          <label className="sr-only" htmlFor="net-search">
            {t('network.search')}
          </label>
          <input id="net-search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('network.search')} />
          <button className="button button-small" type="submit">
            {t('network.searchGo')}
          </button>
        </form>
        <label className="sr-only" htmlFor="net-style">
          {t('network.styleBy')}
        </label>
        <select id="net-style" value={styleMode} onChange={(e) => setStyleMode(e.target.value as StyleMode)} title={t('network.styleBy')}>
          {(['stage', 'mastery', 'attendance'] as const).map((m) => (
            <option key={m} value={m}>
              {t('network.styleBy')}：{t(`network.style.${m}`)}
            </option>
          ))}
        </select>
        <label className="row">
          <input type="checkbox" checked={groups} onChange={(e) => setGroups(e.target.checked)} />
          {t('network.groups')}
        </label>
        <label className="row">
          <input type="checkbox" checked={gapEdges} onChange={(e) => setGapEdges(e.target.checked)} />
          {t('network.gapEdges')}
        </label>
        <button type="button" className="button button-small button-ghost" onClick={undo} disabled={history.length === 0}>
          {t('network.undo')}
        </button>
        <button type="button" className="button button-small button-ghost" onClick={() => graph.current?.fit()}>
          {t('network.fit')}
        </button>
        <button type="button" className="button button-small button-ghost" onClick={() => graph.current?.zoomBy(1.25)} aria-label={t('network.zoomIn')}>
          ＋
        </button>
        <button type="button" className="button button-small button-ghost" onClick={() => graph.current?.zoomBy(0.8)} aria-label={t('network.zoomOut')}>
          －
        </button>
        <button type="button" className="button button-small button-ghost" onClick={() => exportPng(graph.current?.png() ?? '', 'hongtu-network.png')}>
          {t('network.export')}
        </button>
      </div>
      {notFound ? (
        <p role="status" className="meta">
          {t('network.notFound', { q: notFound })}
        </p>
      ) : null}
      {loadError ? <ErrorMessage error={loadError} /> : null}
      <div className="network-layout">
        <GraphView
          ref={graph}
          elements={elements}
          styleMode={styleMode}
          rampRange={rampRange}
          onNodeTap={onTap}
          onNodeDoubleTap={onDoubleTap}
          highlight={matches}
          label={t('network.count', { nodes: num(nodeCount), edges: num(elements.length - nodeCount) })}
        />
        <aside className="card" aria-label={t('network.legend')}>
          <p className="hint">{t('network.hint')}</p>
          {selected && selectedLabel ? (
            <div role="status" data-testid="network-selected">
              <p>{t('network.selected', { name: selectedLabel })}</p>
              {selected.startsWith('member:') ? (
                <a className="button button-small" href={hrefFor({ name: 'portrait', id: domainId(selected) })}>
                  {t('portrait.open')}
                </a>
              ) : null}
              {selected.startsWith('branch:') ? (
                <a className="button button-small" href={hrefFor({ name: 'branch', id: domainId(selected) })}>
                  {t('branch.title')}
                </a>
              ) : null}
            </div>
          ) : null}
          <NetworkLegend mode={styleMode} range={rampRange} kinds={kinds} />
          <NodeList
            elements={elements}
            expanded={view.expanded}
            onToggle={onTap}
            onSelect={(id) => {
              setSelected(id);
              graph.current?.focus(id);
            }}
          />
        </aside>
      </div>
    </div>
  );
}

/** Where a role starts: a secretary at their branch, a committee admin at their committee, else the university. */
function defaultRoot(role: string | undefined, branchId: string | null, committeeId: string | null, universityId: string): string {
  if ((role === 'SECRETARY' || role === 'COMMITTEE_MEMBER' || role === 'MEMBER') && branchId) return graphId('branch', branchId);
  if (role === 'COMMITTEE_ADMIN' && committeeId) return graphId('committee', committeeId);
  return graphId('university', universityId);
}
