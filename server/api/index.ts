/**
 * The API's feature modules, in order. To add a feature (e.g. learning's
 * recommendations, studyPlan, gaps, suggestTopics, search):
 *   1. write `server/api/<feature>.graphql` — use `extend type Query { … }` / `extend type Mutation { … }`
 *      and a """description""" on every type, field and enum value (schema assembly fails otherwise);
 *   2. write `server/api/<feature>.ts` exporting `<feature>Module: ApiModule` = { name, typeDefs:
 *      readSdl('<feature>.graphql', import.meta.url), resolvers } — resolvers typed with
 *      `Resolvers` from ./generated/resolvers-types (run `npm run codegen` after changing SDL);
 *   3. add it to API_MODULES below; put its services into AppDeps (server/app-deps.ts, `learning`)
 *      and read them in resolvers as `ctx.deps.learning`;
 *   4. in resolvers: `const s = await ctx.session()` (UNAUTHENTICATED without a token); for a member,
 *      `loadMemberRaw(s, id)` (NOT_FOUND) then `assertCanReadMember(s.viewer, m)` from
 *      server/auth/scope.ts (or `getMember(s, id)`, which does both and masks); read through
 *      `s.loaders` (batched: member, course, question, history, mastery, gaps by id); note reads of
 *      personal data with `s.audit.note('READ_LEARNING', 'Member', id)`; throw AppErrors.
 *      Event hooks (mastery/gap updates after recordStudy/recordAnswer): `learning.hooks`.
 *   5. run `npm run codegen` (rewrites schema.graphql, which test/api/schema.test.ts compares).
 */
import { accountModule } from './account';
import { accountAdminModule } from './account-admin';
import { activityModule } from './activity';
import { appraisalModule } from './appraisal';
import { affairsModule } from './affairs';
import { auditModule } from './audit';
import { commonModule } from './common';
import { coursePageModule } from './course-page';
import { curriculumModule } from './curriculum';
import { devLoginModule } from './dev-login';
import { learningModule } from './learning';
import { learningIntegrityModule } from './learning-integrity';
import { reasonsModule } from './reasons';
import { learningSummaryModule } from './learning-summary';
import { placementModule } from './placement';
import { learningTextModule } from './learning-text';
import { lifeModule } from './life';
import { membersModule } from './members';
import type { ApiModule } from './module';
import { orgModule } from './org';
import { ssoModule } from './sso';
import { talkModule } from './talk';
import { rulesModule } from './rules';
import { assessmentModule } from './assessment';
import { memberRecordModule } from './member-record';
import { viewerModule } from './viewer';

export const API_MODULES: ApiModule[] = [
  commonModule,
  viewerModule,
  orgModule,
  membersModule,
  activityModule,
  curriculumModule,
  coursePageModule,
  lifeModule,
  rulesModule,
  assessmentModule,
  memberRecordModule,
  auditModule,
  appraisalModule,
  talkModule,
  learningTextModule,
  reasonsModule,
  learningModule,
  learningIntegrityModule,
  learningSummaryModule,
  placementModule,
  accountModule,
  ssoModule,
  accountAdminModule,
  affairsModule,
  devLoginModule,
];
