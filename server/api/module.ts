/**
 * One GraphQL feature: its SDL (a `.graphql` file next to it) and its resolvers. server/api/index.ts
 * lists the modules; server/api/schema.ts merges them with makeExecutableSchema.
 */
import { readFileSync } from 'node:fs';
import type { IResolvers } from '@graphql-tools/utils';
import type { Config } from '../config';

export interface ApiModule {
  /** Short name, for error messages. */
  name: string;
  /** SDL text; types may `extend type Query` / `extend type Mutation`. */
  typeDefs: string;
  // Resolvers are typed per feature with the generated `Resolvers` type; here any map will do.
  // biome-ignore lint/suspicious/noExplicitAny: each feature's resolver map has its own parent and context types
  resolvers: IResolvers<any, any>;
  /** Leave the module out of the schema when this returns false (e.g. dev login). */
  enabled?: (config: Pick<Config, 'devLogin'>) => boolean;
}

/** Read a `.graphql` file that sits next to the calling module (pass `import.meta.url`). */
export function readSdl(file: string, base: string): string {
  return readFileSync(new URL(file, base), 'utf8');
}
