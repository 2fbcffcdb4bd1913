import { useI18n } from '../../i18n/useI18n';

const STAGES = ['APPLICANT', 'ACTIVIST', 'CANDIDATE', 'PROBATIONARY', 'FULL'] as const;

/** The admission pipeline with the member's stage marked (aria-current="step"). */
export function StagePipeline({ stage }: { stage: string }) {
  const { te } = useI18n();
  const at = STAGES.indexOf(stage as (typeof STAGES)[number]);
  return (
    <ol className="pipeline">
      {STAGES.map((s, i) => (
        <li key={s} aria-current={i === at ? 'step' : undefined} className={i < at ? 'passed' : undefined}>
          {te('stage', s)}
        </li>
      ))}
    </ol>
  );
}
