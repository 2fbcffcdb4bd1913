import { edge, graphId, node, type GraphElement } from '../../graph-view/elements';

export interface PortraitGraphInput {
  member: { id: string; name: string; stage: string };
  branch: { id: string; name: string };
  courses: { id: string; title: string; topics: { id: string; name: string }[] }[];
  gapTopics: { id: string; name: string }[];
}

/** The member's neighbourhood: member → branch, member → studied courses → their topics, member → gap topics. */
export function buildPortraitElements(p: PortraitGraphInput): GraphElement[] {
  const m = graphId('member', p.member.id);
  const b = graphId('branch', p.branch.id);
  const els: GraphElement[] = [
    node({ id: m, kind: 'member', label: p.member.name, stage: p.member.stage, domainId: p.member.id }),
    node({ id: b, kind: 'branch', label: p.branch.name, domainId: p.branch.id }),
    edge(b, m, 'under'),
  ];
  const topics = new Set<string>();
  const addTopic = (t: { id: string; name: string }) => {
    const id = graphId('topic', t.id);
    if (!topics.has(id)) {
      topics.add(id);
      els.push(node({ id, kind: 'topic', label: t.name, domainId: t.id }));
    }
    return id;
  };
  const seen = new Set<string>();
  for (const c of p.courses) {
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    const cid = graphId('course', c.id);
    els.push(node({ id: cid, kind: 'course', label: c.title, domainId: c.id }), edge(m, cid, 'studied'));
    for (const t of c.topics) els.push(edge(cid, addTopic(t), 'covers'));
  }
  for (const t of p.gapTopics) els.push(edge(m, addTopic(t), 'gap'));
  return els;
}
