/**
 * The sorted, printed schema is committed as schema.graphql: any change to the API shows up in that
 * file's diff (a removed field or type is a breaking change for the client). After changing SDL,
 * run `npm run codegen` (it rewrites schema.graphql and the generated types).
 */
import type { GraphQLEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ATTENDANCE_STATUSES, COURSE_KINDS, MEETING_KINDS, MEMBER_KINDS, MEMBER_STAGES, ROLES, TAG_SOURCES, TOP_AREAS, TRANSFER_KINDS } from '../../graph/model';
import { printSortedSchema } from '../../server/api/print-schema';
import { buildSchema, undocumented } from '../../server/api/schema';

describe('schema', () => {
  it('matches the committed schema.graphql (dev login on)', async () => {
    await expect(printSortedSchema(buildSchema({ devLogin: true }))).toMatchFileSnapshot('../../schema.graphql');
  });

  it('documents every type, field and enum value', () => {
    expect(undocumented(buildSchema({ devLogin: true }))).toEqual([]);
  });

  it('leaves login and demoAccounts out when dev login is off', () => {
    const schema = buildSchema({ devLogin: false });
    expect(Object.keys(schema.getMutationType()!.getFields())).not.toContain('login');
    expect(Object.keys(schema.getQueryType()!.getFields())).not.toContain('demoAccounts');
    expect(schema.getType('LoginPayload')).toBeUndefined();
  });

  it('uses the enum values of graph/model.ts, in the same order', () => {
    const schema = buildSchema({ devLogin: true });
    const values = (name: string) => (schema.getType(name) as GraphQLEnumType).getValues().map((v) => v.value);
    expect({
      MemberStage: values('MemberStage'),
      MemberKind: values('MemberKind'),
      Role: values('Role'),
      MeetingKind: values('MeetingKind'),
      AttendanceStatus: values('AttendanceStatus'),
      CourseKind: values('CourseKind'),
      TagSource: values('TagSource'),
      Area: values('Area'),
      TransferKind: values('TransferKind'),
    }).toEqual({
      MemberStage: [...MEMBER_STAGES],
      MemberKind: [...MEMBER_KINDS],
      Role: [...ROLES],
      MeetingKind: [...MEETING_KINDS],
      AttendanceStatus: [...ATTENDANCE_STATUSES],
      CourseKind: [...COURSE_KINDS],
      TagSource: [...TAG_SOURCES],
      Area: [...TOP_AREAS],
      TransferKind: [...TRANSFER_KINDS],
    });
  });
});
