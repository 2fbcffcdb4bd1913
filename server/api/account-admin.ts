/** accountList: the administrators' account screen reads members in scope with their accounts. */
import { listAccountsInScope } from '../auth/account-list';
import { accountInfo } from './account';
import type { Resolvers } from './generated/resolvers-types';
import { type ApiModule, readSdl } from './module';

const resolvers: Resolvers = {
  Query: {
    accountList: async (_, { search, first, after }, ctx) => {
      const s = await ctx.session();
      const page = await listAccountsInScope(s, search ?? null, first ?? 20, after ?? null);
      const now = s.now();
      return {
        ...page,
        items: page.items.map((x) => ({ member: x.member, account: x.account && accountInfo(x.account, now), manageable: x.manageable })),
      };
    },
  },
};

export const accountAdminModule: ApiModule = { name: 'account-admin', typeDefs: readSdl('account-admin.graphql', import.meta.url), resolvers };
