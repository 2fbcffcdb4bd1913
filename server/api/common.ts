/** Scalars, the liveness field and the shared PageInfo type. */
import type { Resolvers } from './generated/resolvers-types';
import { type ApiModule, readSdl } from './module';
import { DateTimeScalar } from './scalars';

const resolvers: Resolvers = {
  // Scalar behaviour only: the description stays the SDL's.
  DateTime: {
    __serialize: DateTimeScalar.serialize,
    __parseValue: DateTimeScalar.parseValue,
    __parseLiteral: DateTimeScalar.parseLiteral,
  } as unknown as Resolvers['DateTime'],
  Query: { health: () => true },
};

export const commonModule: ApiModule = { name: 'common', typeDefs: readSdl('common.graphql', import.meta.url), resolvers };
