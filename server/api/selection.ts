/**
 * Look-ahead at what a query asks below a field, so that a resolver can start reads it will need
 * (never to skip checks: the child resolvers still run as usual).
 */
import { type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';

function selects(set: SelectionSetNode | undefined, name: string, info: GraphQLResolveInfo, seen: Set<string>): boolean {
  if (!set) return false;
  return set.selections.some((sel) => {
    if (sel.kind === Kind.FIELD) return sel.name.value === name;
    if (sel.kind === Kind.INLINE_FRAGMENT) return selects(sel.selectionSet, name, info, seen);
    const frag = info.fragments[sel.name.value];
    if (!frag || seen.has(frag.name.value)) return false;
    seen.add(frag.name.value);
    return selects(frag.selectionSet, name, info, seen);
  });
}

/** True when the query selects `name` directly below the field being resolved (through fragments too). */
export function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  return info.fieldNodes.some((node) => selects(node.selectionSet, name, info, new Set()));
}
