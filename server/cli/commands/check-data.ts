/**
 * What `hongtu check` finds in a store's row counts beyond the store's own health report: nothing loaded,
 * a load that stopped part way (some core tables filled, others empty), and curriculum nodes without
 * embeddings or vector indexes. Pure: counts and vector indexes in, problems to act on out.
 */
const CORE = ['University', 'Committee', 'Branch', 'Member', 'Topic', 'Course', 'Question'] as const;
const EMBEDDED = ['Topic', 'Course', 'Question'] as const;

export function dataProblems(counts: Readonly<Record<string, number>>, vectorIndexes: Readonly<Partial<Record<string, number>>>, reported: readonly string[] = []): string[] {
  const n = (t: string) => counts[t] ?? 0;
  if (CORE.every((t) => n(t) === 0)) {
    return ['The store is empty: load the demo with `hongtu seed --scale demo --load`, or your data with `hongtu import DIR`'];
  }
  const out: string[] = [];
  const empty = CORE.filter((t) => n(t) === 0);
  if (empty.length) {
    const filled = CORE.filter((t) => n(t) > 0)
      .map((t) => `${t}=${n(t)}`)
      .join(', ');
    out.push(
      `The store is half loaded: ${empty.map((t) => `${t}=0`).join(', ')} while ${filled} (a load stopped part way?); ` +
        'load into an empty store again (a new HONGTU_DATA_DIR, or `hongtu seed --load`)',
    );
  }
  for (const kind of EMBEDDED) {
    if (n(kind) > 0 && vectorIndexes[kind] === undefined && !reported.some((p) => p.startsWith(`${kind} `))) {
      out.push(`${kind}: ${n(kind)} nodes but no embeddings or vector index; run \`hongtu reembed\``);
    }
  }
  return out;
}
