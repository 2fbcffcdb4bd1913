/** A course's study page: content and prerequisite topics (readable by every signed-in viewer, like courses). */
import { courseContent, coursePrerequisites } from '../curriculum/course-content';
import { topicIndex } from './curriculum';
import type { Resolvers } from './generated/resolvers-types';
import { type ApiModule, readSdl } from './module';

const resolvers: Resolvers = {
  Course: {
    content: (c) => {
      const x = courseContent(c.id);
      return x ? { ...x, link: x.link ?? null } : null;
    },
    prerequisites: async (c, _, ctx) => coursePrerequisites(c, await topicIndex(ctx)),
  },
};

export const coursePageModule: ApiModule = { name: 'course-page', typeDefs: readSdl('course-page.graphql', import.meta.url), resolvers };
