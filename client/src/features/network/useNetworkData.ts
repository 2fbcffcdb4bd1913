import { useCallback, useRef, useState } from 'react';
import { useClient, useQuery, type CombinedError } from 'urql';
import { NetworkBranchMembersDocument, NetworkMemberNeighboursDocument, NetworkOrgDocument } from '../../gql/graphql';
import type { BranchMembers, MemberNeighbours, OrgTree } from './network-model';

const PAGE = 50;
/** Gaps per member used for shared-gap edges and study groups: the most severe few, or the picture is a hairball. */
export const GAPS_PER_MEMBER = 3;

/** Share of attendance rows that were PRESENT; null with no rows. */
const attendanceRate = (rows: { status: string }[]) => (rows.length ? rows.filter((r) => r.status === 'PRESENT').length / rows.length : null);

/**
 * Loads the organization tree once, and members of a branch / neighbours of a member on demand (each once),
 * keeping them in maps the element builder reads. Errors of on-demand loads are kept to show in the panel.
 */
export function useNetworkData() {
  const client = useClient();
  const [org] = useQuery({ query: NetworkOrgDocument });
  const [members, setMembers] = useState<ReadonlyMap<string, BranchMembers>>(new Map());
  const [neighbours, setNeighbours] = useState<ReadonlyMap<string, MemberNeighbours>>(new Map());
  const [loadError, setLoadError] = useState<CombinedError | null>(null);
  const pending = useRef(new Set<string>());

  const loadBranch = useCallback(
    async (branchId: string) => {
      if (pending.current.has(`b:${branchId}`)) return;
      pending.current.add(`b:${branchId}`);
      const r = await client.query(NetworkBranchMembersDocument, { branchId, first: PAGE }).toPromise();
      if (!r.data) {
        setLoadError(r.error ?? null);
        pending.current.delete(`b:${branchId}`);
        return;
      }
      const conn = r.data.branch.members;
      const mastery = new Map(r.data.branchGaps.rows.map((row) => [row.member.id, row.cells.length ? row.cells.reduce((a, c) => a + c.mastery, 0) / row.cells.length : null]));
      const loaded: BranchMembers = {
        total: conn.totalCount,
        members: conn.nodes.map((m) => ({
          id: m.id,
          name: m.name,
          stage: m.stage,
          mastery: mastery.get(m.id) ?? null,
          gapTopics: [...m.gaps]
            .sort((a, b) => b.severity - a.severity)
            .slice(0, GAPS_PER_MEMBER)
            .map((g) => g.topic),
          attendance: attendanceRate(m.recentActivity.attendance),
        })),
      };
      setMembers((prev) => new Map(prev).set(branchId, loaded));
    },
    [client],
  );

  const loadMember = useCallback(
    async (memberId: string) => {
      if (pending.current.has(`m:${memberId}`)) return;
      pending.current.add(`m:${memberId}`);
      const r = await client.query(NetworkMemberNeighboursDocument, { id: memberId }).toPromise();
      if (!r.data) {
        setLoadError(r.error ?? null);
        pending.current.delete(`m:${memberId}`);
        return;
      }
      const seen = new Set<string>();
      const courses = r.data.member.recentActivity.studies
        .map((s) => s.course)
        .filter((c) => {
          if (seen.has(c.id)) return false;
          seen.add(c.id);
          return true;
        })
        .map((c) => ({ id: c.id, title: c.title }));
      // A member's own neighbourhood shows a few more gaps than the shared-gap overview does.
      const topics = [...r.data.member.gaps]
        .sort((a, b) => b.severity - a.severity)
        .slice(0, GAPS_PER_MEMBER + 2)
        .map((g) => g.topic);
      setNeighbours((prev) => new Map(prev).set(memberId, { courses: courses.slice(0, 8), topics }));
    },
    [client],
  );

  const tree: OrgTree | null = org.data ? { university: org.data.university, committees: org.data.university.committees } : null;
  return { org, tree, members, neighbours, loadBranch, loadMember, loadError };
}
