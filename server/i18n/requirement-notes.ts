/**
 * The catalogue's notes on stage requirements (why a stage must master a topic or an area) as codes: a
 * note key `<STAGE>/<topic id or area>` names the note of the catalogue's default requirement
 * (server/rules/catalogue/learning.ts), whose Chinese text is the catalogue's own; this file holds the
 * English text of each. A reason parameter of kind NOTE holds such a key; an administrator's override that
 * writes its own note is content, quoted as written (parameter `noteText`).
 */
import type { MemberStage } from '../../graph';
import { LEARNING_RULES, stageRequirementRuleId } from '../rules/catalogue/learning';
import type { Locale } from './locale';

export const REQUIREMENT_NOTES_EN: Readonly<Record<string, string>> = {
  'APPLICANT/constitution': 'Applicants should begin to know the Party Constitution and understand the nature and purpose of the Party',
  'APPLICANT/admission': 'Applicants should know the basic conditions and procedure for joining the Party',
  'APPLICANT/constitution.general-program': "Applying to join starts with knowing the Party's nature, purpose and goals",
  'APPLICANT/constitution.membership': 'Applicants must check their motives for joining against the conditions of membership',
  'APPLICANT/history.founding': "Knowing how the Party was founded deepens one's understanding of it",
  'APPLICANT/admission.application': 'Applicants must know how to write an application for membership and what it requires',
  'APPLICANT/service.purpose': 'Applicants should understand the fundamental purpose of serving the people wholeheartedly',
  'ACTIVIST/constitution': 'Activists must study the Party Constitution systematically',
  'ACTIVIST/admission': 'Activists must know how they are trained and assessed, and the admission procedure',
  'ACTIVIST/history': 'Activists should study Party history and firm up their ideals and convictions',
  'ACTIVIST/constitution.general-program': 'Activists must understand the General Program of the Constitution accurately',
  'ACTIVIST/constitution.membership': 'Activists must hold themselves to the standard of a member',
  'ACTIVIST/constitution.member-duties': "Activists should already conduct themselves by a member's duties",
  'ACTIVIST/constitution.member-rights': 'Activists should know the democratic rights members enjoy',
  'ACTIVIST/history.founding': 'Activists must know how the Party was founded and its original aspiration and mission',
  'ACTIVIST/history.new-democratic-revolution': 'Activists should know how the Party led the people to victory in the revolution',
  'ACTIVIST/admission.application': 'Activists must know what an application for membership requires',
  'ACTIVIST/admission.activist': 'Activists must know how they themselves are trained, educated and assessed',
  'ACTIVIST/admission.candidate': 'Activists must know the conditions for becoming a candidate for admission',
  'ACTIVIST/service.purpose': 'Activists should firmly take up serving the people',
  'ACTIVIST/service.volunteering': 'Activists should grow through volunteer service',
  'CANDIDATE/constitution': 'Candidates must master the basics of the Party Constitution as a whole',
  'CANDIDATE/admission': 'Candidates must master the basics of the admission procedure',
  'CANDIDATE/theory': "Candidates must study the Party's new theories",
  'CANDIDATE/constitution.general-program': "Candidates must firmly grasp the Party's nature, purpose and guiding ideology",
  'CANDIDATE/constitution.membership': 'Candidates must measure themselves against the conditions of membership',
  'CANDIDATE/constitution.member-duties': "Candidates must know a member's eight duties well",
  'CANDIDATE/constitution.member-rights': "Candidates must know a member's eight rights well",
  'CANDIDATE/constitution.democratic-centralism': 'Candidates must understand democratic centralism, the fundamental organizational principle',
  'CANDIDATE/history.spirit-lineage': 'Candidates should understand what the great founding spirit of the Party means',
  'CANDIDATE/theory.xi-thought': 'Candidates must study Xi Jinping Thought on Socialism with Chinese Characteristics for a New Era',
  'CANDIDATE/admission.candidate': 'Candidates must know what the concentrated training and the introducers require',
  'CANDIDATE/admission.political-review': 'Candidates must know what the political review covers and how it is done',
  'CANDIDATE/admission.publicity-and-vote': "Candidates must master the public notice and the branch meeting's discussion of admission",
  'CANDIDATE/admission.oath': 'Candidates must understand what the admission oath means',
  'CANDIDATE/affairs.twentieth-congress': 'Candidates must study the guiding principles of the 20th Party Congress',
  'CANDIDATE/service.purpose': "Candidates must live by the Party's fundamental purpose of their own accord",
  'PROBATIONARY/discipline': "Probationary members must learn the Party's discipline and keep it strictly",
  'PROBATIONARY/organization': "Probationary members must know and take part in the Party's organizational life",
  'PROBATIONARY/constitution': 'Probationary members must fulfil all the duties the Party Constitution sets',
  'PROBATIONARY/constitution.member-duties': 'A probationary member has the same duties as a full member',
  'PROBATIONARY/constitution.member-rights': 'Probationary members must know their rights and the limits on voting and election',
  'PROBATIONARY/constitution.democratic-centralism': 'Probationary members must practise democratic centralism in organizational life',
  'PROBATIONARY/constitution.grassroots': 'Probationary members must know the basic tasks of primary-level Party organizations',
  'PROBATIONARY/theory.two-establishes': 'Probationary members must strengthen the "four consciousnesses" and uphold the "two safeguards"',
  'PROBATIONARY/discipline.regulations-overview': 'Probationary members must master the basics of the Regulations on Disciplinary Actions',
  'PROBATIONARY/discipline.political-discipline': 'Probationary members must strictly keep political discipline and political rules',
  'PROBATIONARY/discipline.integrity': 'Probationary members must build a sense of integrity and self-discipline',
  'PROBATIONARY/discipline.sanctions': 'Probationary members must know the kinds of disciplinary sanctions',
  'PROBATIONARY/organization.branch-work': "Probationary members must know a Party branch's duties and work",
  'PROBATIONARY/organization.three-meetings-one-lesson': 'Probationary members must attend the "three meetings and one lesson" on time',
  'PROBATIONARY/organization.org-life-meeting': 'Probationary members must learn to practise criticism and self-criticism at organizational life meetings',
  'PROBATIONARY/organization.party-dues': 'Probationary members must pay their dues in full every month',
  'PROBATIONARY/admission.oath': 'Probationary members must live up to the admission oath',
  'PROBATIONARY/admission.probation': 'Probationary members must master the probation assessment and the procedure for full membership',
  'PROBATIONARY/service.work-style': "Probationary members must carry forward the Party's fine conduct",
  'FULL/theory': "Full members must arm their minds with the Party's new theories",
  'FULL/discipline': 'Full members must stand in awe of the rules, stay alert and hold the bottom line',
  'FULL/organization': 'Full members must strictly follow the system of organizational life',
  'FULL/affairs': "Full members must promptly study the Central Committee's major decisions and plans",
  'FULL/constitution': 'Full members must regularly examine themselves against the Party Constitution',
  'FULL/service': 'Full members must play a vanguard and exemplary role',
  'FULL/constitution.democratic-centralism': 'Full members must apply democratic centralism of their own accord',
  'FULL/history.historical-resolutions': "Full members must study the Party's historical resolutions and historical experience",
  'FULL/theory.socialism-chinese-characteristics': 'Full members must master the theoretical system of socialism with Chinese characteristics',
  'FULL/theory.xi-thought': 'Full members must study Xi Jinping Thought on Socialism with Chinese Characteristics for a New Era in depth',
  'FULL/theory.two-establishes': 'Full members must deeply understand the decisive significance of the "two establishes"',
  'FULL/theory.chinese-modernization': 'Full members must understand the features and essential requirements of Chinese modernization',
  'FULL/discipline.regulations-overview': 'Full members must know the Regulations on Disciplinary Actions well',
  'FULL/discipline.political-discipline': 'Full members must put political discipline first',
  'FULL/discipline.integrity': 'Full members must strictly keep the discipline of integrity',
  'FULL/discipline.eight-provisions': "Full members must put the Central Committee's eight-point rules into practice",
  'FULL/discipline.four-forms': 'Full members must understand the "four forms" of oversight and discipline',
  'FULL/organization.three-meetings-one-lesson': 'Full members must keep to the "three meetings and one lesson" system',
  'FULL/organization.org-life-meeting': 'Full members must hold good organizational life meetings',
  'FULL/organization.member-appraisal': 'Full members must know the procedure of the democratic appraisal of members',
  'FULL/organization.party-dues': 'Full members must pay their dues as the rules require',
  'FULL/organization.relation-transfer': 'Full members must transfer their membership promptly as the rules require',
  'FULL/affairs.twentieth-congress': 'Full members must study the guiding principles of the 20th Party Congress in full',
  'FULL/affairs.third-plenum-reform': 'Full members must study the plans for further deepening reform comprehensively',
  'FULL/service.mass-line': "Full members must practise the Party's mass line",
  'FULL/service.work-style': 'Full members must keep improving their conduct',
};

/** The note key of a stage's requirement on a topic or an area. */
export const requirementNoteKey = (stage: MemberStage, topicOrArea: string) => `${stage}/${topicOrArea}`;

/** The catalogue's default Chinese note of every key. */
export const REQUIREMENT_NOTES_ZH: Readonly<Record<string, string>> = Object.fromEntries(
  LEARNING_RULES.flatMap((r) => {
    const stage = (['APPLICANT', 'ACTIVIST', 'CANDIDATE', 'PROBATIONARY', 'FULL'] as const).find((s) => stageRequirementRuleId(s) === r.id)!;
    return [...r.params.areas.map((a) => [requirementNoteKey(stage, a.area), a.reason]), ...r.params.topics.map((t) => [requirementNoteKey(stage, t.topicId), t.reason])];
  }),
);

/**
 * How a requirement's note goes into a reason: the key when the note is the catalogue's default for that
 * stage and topic or area (rendered in the reader's language), otherwise the note's own text (an
 * administrator's, quoted as written).
 */
export function requirementNote(stage: MemberStage, topicOrArea: string, text: string): { note?: string; noteText?: string } {
  const key = requirementNoteKey(stage, topicOrArea);
  return REQUIREMENT_NOTES_ZH[key] === text ? { note: key } : { noteText: text };
}

/** A note key's text in the locale; undefined for a key the catalogue does not have. */
export function requirementNoteText(key: string, locale: Locale): string | undefined {
  return locale === 'en' ? REQUIREMENT_NOTES_EN[key] : REQUIREMENT_NOTES_ZH[key];
}
