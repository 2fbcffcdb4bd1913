/** suggestTopics and search: thin resolvers over the tagging and search services (server/learning). */
import { unavailable } from '../errors';
import type { Resolvers } from './generated/resolvers-types';
import { type ApiModule, readSdl } from './module';

const resolvers: Resolvers = {
  Query: {
    suggestTopics: async (_, { text, first }, ctx) => {
      await ctx.session();
      const tagger = ctx.deps.learning?.tagger;
      if (!tagger) throw unavailable('Topic tagging is not running on this server');
      return tagger.suggestTopics(text, first ?? 5);
    },
    search: async (_, { query, first }, ctx) => {
      await ctx.session();
      const search = ctx.deps.learning?.search;
      if (!search) throw unavailable('Search is not running on this server');
      return search.search(query, first ?? 10);
    },
  },
};

export const learningTextModule: ApiModule = { name: 'learning-text', typeDefs: readSdl('learning-text.graphql', import.meta.url), resolvers };
