/**
 * The explorer's picture as a pure function of what is loaded and what the user expanded, so undo is just
 * popping a previous ViewState and the element list can be unit-tested.
 */
import { edge, graphId, node, type GraphElement } from '../../graph-view/elements';
import { detectStudyGroups } from './study-groups';
import { shortBranchName } from '../dashboard/dashboard-model';

export interface OrgTree {
  university: { id: string; name: string };
  committees: { id: string; name: string; branches: { id: string; name: string }[] }[];
}
export interface NetMember {
  id: string;
  name: string;
  stage: string;
  attendance: number | null;
  mastery: number | null;
  gapTopics: { id: string; name: string }[];
}
export interface BranchMembers {
  total: number;
  members: NetMember[];
}
export interface MemberNeighbours {
  courses: { id: string; title: string }[];
  topics: { id: string; name: string }[];
}

/** What the user did: the root, the expanded nodes in order, and how many children each may show. */
export interface ViewState {
  root: string;
  expanded: readonly string[];
  limits: Readonly<Record<string, number>>;
  budget: number;
}

export interface BuildOptions {
  studyGroups: boolean;
  gapEdges: boolean;
  groupLabel: (n: number) => string;
  moreLabel: (n: number) => string;
  /** A collapsed committee's label with its number of branches ("计算机学院党委 · 6 个支部"); default: the name. */
  committeeLabel?: (name: string, branches: number) => string;
  /** A branch's label once its members are known ("本科生第一党支部 · 40 人"); default: the name. */
  branchLabel?: (name: string, members: number) => string;
}

/** Children shown per expansion before a "more" node; and the starting size of the whole view. */
export const CHILD_PAGE = 40;
export const VIEW_BUDGET = 200;
/** Beyond this many nodes an expansion folds the other expanded nodes of its kind back into one node each. */
export const AGGREGATE_AT = 120;

export const initialView = (root: string): ViewState => ({ root, expanded: [root], limits: {}, budget: VIEW_BUDGET });

/** Toggle a node: expand it (if collapsed) or collapse it. */
export function toggleNode(v: ViewState, id: string): ViewState {
  return v.expanded.includes(id) ? { ...v, expanded: v.expanded.filter((x) => x !== id) } : { ...v, expanded: [...v.expanded, id] };
}

/**
 * Expand or collapse `id`; when an expansion would show more than `limit` nodes (`sizeOf` counts them),
 * the other expanded nodes of the same kind fold back into single nodes (with their counts in the label), so
 * the picture grows where the reader is looking instead of into a hairball.
 */
export function expandFocused(v: ViewState, id: string, sizeOf: (v: ViewState) => number, limit = AGGREGATE_AT): ViewState {
  const next = toggleNode(v, id);
  if (!next.expanded.includes(id) || sizeOf(next) <= limit) return next;
  const kind = id.slice(0, id.indexOf(':') + 1);
  return { ...next, expanded: next.expanded.filter((x) => x === id || x === v.root || !x.startsWith(kind)) };
}

/** "More" on a parent: show another page of its children and grow the view budget by as much. */
export function showMore(v: ViewState, parent: string): ViewState {
  return { ...v, limits: { ...v.limits, [parent]: (v.limits[parent] ?? CHILD_PAGE) + CHILD_PAGE }, budget: v.budget + CHILD_PAGE };
}

/** Build the element list for a view from the loaded data. */
export function buildNetworkElements(
  org: OrgTree,
  members: ReadonlyMap<string, BranchMembers>,
  neighbours: ReadonlyMap<string, MemberNeighbours>,
  view: ViewState,
  opts: BuildOptions,
): GraphElement[] {
  const els: GraphElement[] = [];
  const shown = new Set<string>();
  const expanded = new Set(view.expanded);
  const visibleMembers: NetMember[] = [];
  const add = (el: GraphElement) => {
    if (el.group === 'nodes') {
      if (shown.has(el.data.id)) return;
      shown.add(el.data.id);
    }
    els.push(el);
  };
  const room = () => Math.max(5, view.budget - shown.size);
  const children = <T>(parent: string, items: readonly T[], total: number, each: (x: T) => void) => {
    const limit = Math.min(view.limits[parent] ?? CHILD_PAGE, room());
    items.slice(0, limit).forEach(each);
    const rest = total - Math.min(limit, items.length);
    if (rest > 0) {
      const id = `more:${parent}`;
      add(node({ id, kind: 'more', label: opts.moreLabel(rest), parentNode: parent }));
      els.push(edge(parent, id, 'more'));
    }
  };

  const uniId = graphId('university', org.university.id);
  // Under its committee a branch is labelled without the shared prefix ("本科生第一党支部"), which is what tells
  // the branches apart once a long label is cut to the node's width.
  const branchNode = (b: { id: string; name: string }, parent: string | null, committee?: string) => {
    const id = graphId('branch', b.id);
    const name = committee ? shortBranchName(b.name, committee) : b.name;
    const loaded = members.get(b.id);
    const label = loaded && opts.branchLabel ? opts.branchLabel(name, loaded.total) : name;
    add(node({ id, kind: 'branch', label, shortName: name, fullName: b.name, domainId: b.id }, expanded.has(id) ? 'expanded' : undefined));
    if (parent) els.push(edge(parent, id, 'under'));
    if (!expanded.has(id) || !loaded) return;
    children(id, loaded.members, loaded.total, (m) => {
      const mid = graphId('member', m.id);
      add(
        node(
          {
            id: mid,
            kind: 'member',
            label: m.name,
            domainId: m.id,
            stage: m.stage,
            ...(m.mastery !== null ? { mastery: m.mastery } : {}),
            ...(m.attendance !== null ? { attendance: m.attendance } : {}),
          },
          expanded.has(mid) ? 'expanded' : undefined,
        ),
      );
      els.push(edge(id, mid, 'under'));
      visibleMembers.push(m);
      const nb = expanded.has(mid) ? neighbours.get(m.id) : undefined;
      if (nb) {
        for (const t of nb.topics) {
          add(node({ id: graphId('topic', t.id), kind: 'topic', label: t.name, domainId: t.id }));
          els.push(edge(mid, graphId('topic', t.id), 'gap'));
        }
        for (const c of nb.courses) {
          add(node({ id: graphId('course', c.id), kind: 'course', label: c.title, domainId: c.id }));
          els.push(edge(mid, graphId('course', c.id), 'studied'));
        }
      }
    });
  };
  const committeeNode = (c: OrgTree['committees'][number], parent: string | null) => {
    const id = graphId('committee', c.id);
    const label = !expanded.has(id) && opts.committeeLabel ? opts.committeeLabel(c.name, c.branches.length) : c.name;
    add(node({ id, kind: 'committee', label, fullName: c.name, domainId: c.id }, expanded.has(id) ? 'expanded' : undefined));
    if (parent) els.push(edge(parent, id, 'under'));
    if (expanded.has(id)) children(id, c.branches, c.branches.length, (b) => branchNode(b, id, c.name));
  };

  if (view.root === uniId) {
    add(node({ id: uniId, kind: 'university', label: org.university.name, domainId: org.university.id }, expanded.has(uniId) ? 'expanded' : undefined));
    if (expanded.has(uniId)) children(uniId, org.committees, org.committees.length, (c) => committeeNode(c, uniId));
  } else {
    const c = org.committees.find((x) => graphId('committee', x.id) === view.root);
    const b = org.committees.flatMap((x) => x.branches).find((x) => graphId('branch', x.id) === view.root);
    if (c) committeeNode(c, null);
    else if (b) branchNode(b, null);
  }

  disambiguateBranches(els, opts);
  if (opts.gapEdges) addSharedGapEdges(visibleMembers, add, els);
  if (opts.studyGroups) return withStudyGroups(els, visibleMembers, opts.groupLabel);
  return els;
}

/**
 * Two branches of different committees can share a short name ("本科生党支部"): on screen together, each
 * is labelled with its full name instead, so no two branch nodes read the same.
 */
function disambiguateBranches(els: GraphElement[], opts: BuildOptions) {
  const branches = els.filter((e) => e.group === 'nodes' && e.data.kind === 'branch');
  const count = new Map<string, number>();
  for (const b of branches) count.set(String(b.data.shortName), (count.get(String(b.data.shortName)) ?? 0) + 1);
  for (const b of branches) {
    const short = String(b.data.shortName);
    if ((count.get(short) ?? 0) < 2) continue;
    const full = String(b.data.fullName);
    const label = String(b.data.label);
    b.data.label = label === short ? full : opts.branchLabel && label.startsWith(short) ? full + label.slice(short.length) : full;
  }
}

/** Topic nodes for gaps shared by two or more visible members, with an edge from each of them. */
function addSharedGapEdges(ms: NetMember[], add: (el: GraphElement) => void, els: GraphElement[]) {
  const byTopic = new Map<string, { name: string; members: string[] }>();
  for (const m of ms)
    for (const t of m.gapTopics) {
      const e = byTopic.get(t.id) ?? { name: t.name, members: [] };
      e.members.push(m.id);
      byTopic.set(t.id, e);
    }
  for (const [tid, { name, members }] of byTopic) {
    if (members.length < 2) continue;
    const topic = graphId('topic', tid);
    add(node({ id: topic, kind: 'topic', label: name, domainId: tid }));
    for (const mid of members) {
      const e = edge(graphId('member', mid), topic, 'gap');
      if (!els.some((x) => x.data.id === e.data.id)) els.push(e);
    }
  }
}

/** Put members of each study group inside a compound group node. */
function withStudyGroups(els: GraphElement[], ms: NetMember[], label: (n: number) => string): GraphElement[] {
  const groups = detectStudyGroups(ms.map((m) => ({ id: m.id, gapTopicIds: m.gapTopics.map((t) => t.id) })));
  if (groups.length === 0) return els;
  const parentOf = new Map<string, string>();
  const groupNodes = groups.map((g, i) => {
    const gid = `group:${g[0]}`;
    for (const m of g) parentOf.set(graphId('member', m), gid);
    return node({ id: gid, kind: 'group', label: label(i + 1), size: g.length });
  });
  return [...groupNodes, ...els.map((el) => (el.group === 'nodes' && parentOf.has(el.data.id) ? { ...el, data: { ...el.data, parent: parentOf.get(el.data.id) } } : el))];
}
