import { useQuery } from 'urql';
import { hrefFor } from '../../app/routes';
import { MemberAppraisalsDocument } from '../../gql/graphql';
import { useI18n } from '../../i18n/useI18n';
import { Section } from '../../ui/Section';

/**
 * The appraisal part of a member's record (self-assessments, results above the floor) and the way to their talk
 * records. Shown to the member and their branch's managers; the API answers NOT_FOUND to anyone else, and then
 * nothing is shown.
 */
export function AppraisalRecord({ memberId }: { memberId: string }) {
  const { t } = useI18n();
  const [{ data }] = useQuery({ query: MemberAppraisalsDocument, variables: { memberId } });
  if (!data) return null;
  return (
    <Section title={t('appraisal.record')}>
      <ul className="plain-list" data-testid="appraisal-record">
        {data.memberAppraisals.map((a) => (
          <li key={a.round.id}>
            <a href={hrefFor({ name: 'appraisalRound', id: a.round.id })}>{a.round.title}</a> <span className="chip">{t(`appraisal.status.${a.round.status}`)}</span>
            {a.selfAssessment ? (
              <p>
                {t('appraisal.self')}：{a.selfAssessment.text}
              </p>
            ) : null}
            {a.result ? (
              <p className="meta">
                {a.result.shown && a.result.counts ? a.result.counts.map((c) => `${t(`appraisal.grade.${c.grade}`)} ${c.count}`).join(' · ') : t('appraisal.tooFew')}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
      <a href={hrefFor({ name: 'talks', memberId })} data-testid="talks-link">
        {t('talk.title')}
      </a>
    </Section>
  );
}
