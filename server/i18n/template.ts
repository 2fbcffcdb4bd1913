/**
 * A message template filled in: a `[…]` part is kept only when every `{name}` inside it has a value, and
 * each `{name}` with a value becomes `format(name)` (one without a value is left as written).
 */
export function fillTemplate(template: string, has: (name: string) => boolean, format: (name: string) => string): string {
  const withOptional = template.replace(/\[([^\]]*)\]/g, (_, inner: string) => ([...inner.matchAll(/\{(\w+)\}/g)].every((x) => has(x[1]!)) ? inner : ''));
  return withOptional.replace(/\{(\w+)\}/g, (m, name: string) => (has(name) ? format(name) : m));
}
