/** Scalars, the liveness field and the shared PageInfo type. */
import type { Resolvers } from './generated/resolvers-types';
import { type ApiModule, readSdl } from './module';
import { DateTimeScalar } from './scalars';

const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query: { health: () => true },
};

export const commonModule: ApiModule = { name: 'common', typeDefs: readSdl('common.graphql', import.meta.url), resolvers };
