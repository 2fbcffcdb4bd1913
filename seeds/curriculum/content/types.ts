/** A course's study page content (all text zh-CN, written by us). */
export interface CourseContentSeed {
  /** Course id (c-N of courses-*.ts). */
  courseId: string;
  /** What the course goes through, in order: 3–6 short lines. */
  outline: string[];
  /** The reading: a few paragraphs. */
  reading: string[];
  /** Where the full material lives elsewhere (a site, a university's own video), when it does. */
  link?: { url: string; label: string };
  /** Questions to check one's understanding, answered in one's own words (never scored). */
  questions: string[];
}
