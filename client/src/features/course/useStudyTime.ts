import { useEffect, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { RecordPageStudyDocument } from '../../gql/graphql';
import { VisibleClock } from './visible-time';

const FLUSH_EVERY_MS = 30_000;
const MIN_SECONDS = 5;

/**
 * Records the signed-in member's visible time on a course page through recordStudy: every 30 s while visible,
 * when the page is hidden, and when the member leaves it. Each report carries its own id, so a retry never
 * counts twice; progress is the share of the course's length seen so far. Returns the visible seconds.
 */
export function useStudyTime(memberId: string, courseId: string, minutes: number | null): number {
  const [, record] = useMutation(RecordPageStudyDocument);
  const [shown, setShown] = useState(0);
  const recordRef = useRef(record);
  recordRef.current = record;
  useEffect(() => {
    if (!minutes) return;
    const cap = minutes * 60_000;
    const visit = Date.now();
    const clock = new VisibleClock(cap, visit, document.visibilityState === 'visible');
    let n = 0;
    const flush = (force: boolean) => {
      const now = Date.now();
      if (clock.unsentSeconds(now) < (force ? 1 : MIN_SECONDS)) return;
      const ms = clock.visibleMs(now);
      const seconds = clock.takeUnsentSeconds(now);
      n += 1;
      void recordRef.current({
        input: {
          id: `view-${memberId}-${courseId}-${visit}-${n}`,
          memberId,
          courseId,
          seconds,
          progress: Math.min(1, ms / cap),
        },
      });
    };
    const onVisibility = () => {
      const visible = document.visibilityState === 'visible';
      clock.setVisible(visible, Date.now());
      if (!visible) flush(true);
    };
    const tick = setInterval(() => setShown(Math.floor(clock.visibleMs(Date.now()) / 1000)), 1000);
    const timer = setInterval(() => flush(false), FLUSH_EVERY_MS);
    const onLeave = () => flush(true);
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', onLeave);
    return () => {
      clearInterval(tick);
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', onLeave);
      flush(true);
    };
  }, [memberId, courseId, minutes]);
  return shown;
}
