/**
 * The message templates of reasons (reason-messages.ts) and refusals (error-messages.ts), filled in:
 * a `[…]` part is kept only when every `{name}` inside it has a value, then each `{name}` with a value
 * becomes `format(name)`; one without a value is left as written. What counts as a value is the
 * caller's (`has`): a refusal treats an empty parameter as missing, a reason does not.
 */
export function fillTemplate(template: string, has: (name: string) => boolean, format: (name: string) => string): string {
  const withOptional = template.replace(/\[([^\]]*)\]/g, (_, inner: string) => ([...inner.matchAll(/\{(\w+)\}/g)].every((x) => has(x[1]!)) ? inner : ''));
  return withOptional.replace(/\{(\w+)\}/g, (m, name: string) => (has(name) ? format(name) : m));
}
