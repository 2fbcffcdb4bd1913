/**
 * Query depth and cost limits (config.maxQueryDepth / maxQueryCost).
 * - Depth is a validation rule (cached with the document): nesting of fields, through fragments;
 *   introspection (`__schema`, `__type`) is not counted so GraphiQL works.
 * - Cost needs variable values (`first: $n`), so it is checked just before execution: every field
 *   costs its weight (FIELD_COSTS, measured; 1 when not listed, MUTATION_COST for a mutation not
 *   listed), every alias counted; a field with `first` multiplies its sub-selection by it; a list
 *   field without `first` multiplies by LIST_GUESS unless its parent already took a `first`
 *   (connection edges, activity lists). A structured reason (ROW_DERIVED_TYPES) is decoded from its
 *   parent's row, so its lists are not multiplied.
 * Both fail with BAD_USER_INPUT and `extensions.limit`.
 */
import {
  type ASTVisitor,
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLNamedType,
  type GraphQLSchema,
  isListType,
  isNonNullType,
  isObjectType,
  isInterfaceType,
  Kind,
  type SelectionSetNode,
  type ValidationContext,
  valueFromASTUntyped,
  getNamedType,
  type GraphQLOutputType,
  type DocumentNode,
  type OperationDefinitionNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { FIELD_COSTS, MUTATION_COST } from './limits-costs';

/** Assumed length of a list without a `first` argument. */
export const LIST_GUESS = 10;

/**
 * Types whose values are decoded from the stored row of the object that holds them (a reason code and its
 * parameters: reasonDetails, explanationDetails, titleDetail), with no read of their own: a list of them
 * is not multiplied by LIST_GUESS, and neither are the lists inside them.
 */
export const ROW_DERIVED_TYPES: ReadonlySet<string> = new Set(['Reason']);

type Fragments = Record<string, FragmentDefinitionNode>;

function depthOf(set: SelectionSetNode | undefined, fragments: Fragments, seen: Set<string>): number {
  if (!set) return 0;
  let max = 0;
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) {
      if (sel.name.value.startsWith('__')) continue;
      max = Math.max(max, 1 + depthOf(sel.selectionSet, fragments, seen));
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      max = Math.max(max, depthOf(sel.selectionSet, fragments, seen));
    } else {
      const name = sel.name.value;
      if (seen.has(name) || !fragments[name]) continue;
      max = Math.max(max, depthOf(fragments[name].selectionSet, fragments, new Set([...seen, name])));
    }
  }
  return max;
}

/** Validation rule: no operation nests fields deeper than `max`. */
export function depthLimitRule(max: number) {
  return (ctx: ValidationContext): ASTVisitor => ({
    OperationDefinition(op) {
      const fragments: Fragments = {};
      for (const d of ctx.getDocument().definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
      const depth = depthOf(op.selectionSet, fragments, new Set());
      if (depth > max) {
        ctx.reportError(
          new GraphQLError(`Query is nested ${depth} levels deep; the limit is ${max}`, {
            nodes: [op],
            extensions: { code: 'BAD_USER_INPUT', limit: 'depth', max, actual: depth },
          }),
        );
      }
    },
  });
}

function unwrapIsList(t: GraphQLOutputType): boolean {
  const inner = isNonNullType(t) ? t.ofType : t;
  return isListType(inner);
}

function firstArg(field: FieldNode, vars: Record<string, unknown>, defaultValue: unknown): number | null {
  const arg = field.arguments?.find((a) => a.name.value === 'first');
  const v = arg ? valueFromASTUntyped(arg.value, vars) : defaultValue;
  return typeof v === 'number' && Number.isFinite(v) ? Math.max(0, v) : null;
}

/** Estimated cost of an operation with its variables. */
export function costOf(
  schema: GraphQLSchema,
  doc: DocumentNode,
  op: OperationDefinitionNode,
  vars: Record<string, unknown>,
  weights: Readonly<Record<string, number>> = FIELD_COSTS,
): number {
  const mutationType = schema.getMutationType()?.name;
  const weightOf = (typeName: string, field: string) => weights[`${typeName}.${field}`] ?? (typeName === mutationType ? MUTATION_COST : 1);
  const fragments: Fragments = {};
  for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
  const walk = (set: SelectionSetNode | undefined, type: GraphQLNamedType | undefined, bounded: boolean, seen: Set<string>): number => {
    if (!set || !type || !(isObjectType(type) || isInterfaceType(type))) return 0;
    let total = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.INLINE_FRAGMENT) {
        const t = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : type;
        total += walk(sel.selectionSet, t ?? undefined, bounded, seen);
      } else if (sel.kind === Kind.FRAGMENT_SPREAD) {
        const f = fragments[sel.name.value];
        if (!f || seen.has(f.name.value)) continue;
        total += walk(f.selectionSet, schema.getType(f.typeCondition.name.value) ?? undefined, bounded, new Set([...seen, f.name.value]));
      } else {
        if (sel.name.value.startsWith('__')) continue;
        const def = type.getFields()[sel.name.value];
        if (!def) continue;
        const firstDef = def.args.find((a) => a.name === 'first');
        const first = firstDef ? firstArg(sel, vars, firstDef.defaultValue) : null;
        // A structured reason (and its parameters) is decoded from the row its parent already read: each of its
        // fields costs its weight once, not once per guessed list item.
        const fromRow = ROW_DERIVED_TYPES.has(getNamedType(def.type).name);
        const factor = first !== null ? first : unwrapIsList(def.type) && !bounded && !fromRow ? LIST_GUESS : 1;
        total += weightOf(type.name, sel.name.value) + factor * walk(sel.selectionSet, getNamedType(def.type), first !== null || fromRow, seen);
      }
    }
    return total;
  };
  const root = op.operation === 'mutation' ? schema.getMutationType() : op.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
  return walk(op.selectionSet, root ?? undefined, false, new Set());
}

/** The limits plugin. */
export function useQueryLimits(opts: { maxDepth: number; maxCost: number }): Plugin {
  return {
    onValidate: ({ addValidationRule }) => {
      addValidationRule(depthLimitRule(opts.maxDepth));
    },
    onExecute: ({ args, setResultAndStopExecution }) => {
      const op = args.document.definitions.find(
        (d: DocumentNode['definitions'][number]): d is OperationDefinitionNode =>
          d.kind === Kind.OPERATION_DEFINITION && (!args.operationName || d.name?.value === args.operationName),
      );
      if (!op) return;
      const cost = costOf(args.schema, args.document, op, (args.variableValues ?? {}) as Record<string, unknown>);
      if (cost > opts.maxCost) {
        setResultAndStopExecution({
          errors: [
            new GraphQLError(`Query would cost ${cost}; the limit is ${opts.maxCost}. Ask for fewer items (first) or fewer nested lists`, {
              extensions: { code: 'BAD_USER_INPUT', limit: 'cost', max: opts.maxCost, actual: cost },
            }),
          ],
        });
      }
    },
  };
}
