import { lazy, type ReactNode, Suspense, useEffect, useRef } from 'react';
import { useI18n } from '../i18n/useI18n';
import { EmptyState } from '../ui/EmptyState';
import { Loading } from '../ui/Loading';
import { hrefFor, navigate } from './routes';
import { useRoute } from './useRoute';
import { useSession, useSessionKnown } from './useSession';
import { landingFor } from './session';

// One lazy chunk per page, so a member's phone never downloads cytoscape.
const SignInPage = lazy(() => import('../features/sign-in/SignInPage'));
const AccountPage = lazy(() => import('../features/account/AccountPage'));
const AccountsAdminPage = lazy(() => import('../features/account/AccountsAdminPage'));
const MemberHomePage = lazy(() => import('../features/member-home/MemberHomePage'));
const PortraitPage = lazy(() => import('../features/portrait/PortraitPage'));
const BranchPage = lazy(() => import('../features/branch/BranchPage'));
const CoursePage = lazy(() => import('../features/course/CoursePage'));
const NetworkPage = lazy(() => import('../features/network/NetworkPage'));
const DashboardPage = lazy(() => import('../features/dashboard/DashboardPage'));
const NetworkBenchPage = lazy(() => import('../features/bench/NetworkBenchPage'));
const WorkQueuePage = lazy(() => import('../features/work-queue/WorkQueuePage'));
const MeetingsPage = lazy(() => import('../features/meetings/MeetingsPage'));
const MeetingFormPage = lazy(() => import('../features/meetings/MeetingFormPage'));
const MeetingPage = lazy(() => import('../features/meetings/MeetingPage'));
const PipelinePage = lazy(() => import('../features/affairs/PipelinePage'));
const MemberDuesPage = lazy(() => import('../features/affairs/MemberDuesPage'));
const BranchAffairsPage = lazy(() => import('../features/affairs/BranchAffairsPage'));
const AssessmentPage = lazy(() => import('../features/assessment/AssessmentPage'));
const NoticesPage = lazy(() => import('../features/affairs/NoticesPage'));
const AppraisalPage = lazy(() => import('../features/appraisal/AppraisalPage'));
const RoundPage = lazy(() => import('../features/appraisal/RoundPage'));
const TalksPage = lazy(() => import('../features/talks/TalksPage'));
const MemberRecordPage = lazy(() => import('../features/records/MemberRecordPage'));
const ProfilesPage = lazy(() => import('../features/records/ProfilesPage'));
const CalendarPage = lazy(() => import('../features/affairs/CalendarPage'));
const RulesPage = lazy(() => import('../features/affairs/RulesPage'));
const BulkTransfersPage = lazy(() => import('../features/affairs/BulkTransfersPage'));

/** Renders the page for the current route; signed-out visitors are sent to the sign-in page. */
export function RouteView() {
  const route = useRoute();
  const session = useSession();
  const known = useSessionKnown();
  const { t } = useI18n();
  const mainRef = useRef<HTMLElement>(null);
  const needsSignIn = known && !session && route.name !== 'signin' && route.name !== 'benchNetwork';

  useEffect(() => {
    if (needsSignIn) navigate({ name: 'signin' });
  }, [needsSignIn]);
  // Move focus to the page on navigation so keyboard and screen-reader users start at the new content.
  // biome-ignore lint/correctness/useExhaustiveDependencies: route.name is the trigger (a navigation), not a value the effect reads
  useEffect(() => {
    mainRef.current?.focus({ preventScroll: true });
  }, [route.name]);

  let page: ReactNode;
  if (needsSignIn || (!known && route.name !== 'benchNetwork')) page = <Loading />;
  else
    switch (route.name) {
      case 'signin':
        page = <SignInPage />;
        break;
      case 'account':
        page = <AccountPage />;
        break;
      case 'accounts':
        page = <AccountsAdminPage canSeeHistory={session!.role === 'UNIVERSITY_ADMIN'} />;
        break;
      case 'root':
        page = <Redirect to={landingFor(session!)} branchId={session!.branchId} />;
        break;
      case 'home':
        page = <MemberHomePage memberId={session!.memberId} />;
        break;
      case 'portrait':
        page = <PortraitPage memberId={route.id} />;
        break;
      case 'branch':
        page = <BranchPage branchId={route.id} />;
        break;
      case 'course':
        page = <CoursePage courseId={route.id} memberId={session!.memberId} />;
        break;
      case 'network':
        page = <NetworkPage root={route.root} />;
        break;
      case 'dashboard':
        page = <DashboardPage scopeId={route.id} />;
        break;
      case 'benchNetwork':
        page = <NetworkBenchPage nodes={route.nodes} allEdges={route.allEdges ?? false} />;
        break;
      case 'todo':
        page = <WorkQueuePage />;
        break;
      case 'meetings':
        page = <MeetingsPage branchId={route.branchId} />;
        break;
      case 'meetingNew':
        page = <MeetingFormPage branchId={route.branchId} kind={route.kind} period={route.period} />;
        break;
      case 'meeting':
        page = <MeetingPage meetingId={route.id} />;
        break;
      case 'pipeline':
        page = <PipelinePage memberId={route.memberId} />;
        break;
      case 'dues':
        page = <MemberDuesPage memberId={route.memberId} />;
        break;
      case 'affairs':
        page = <BranchAffairsPage branchId={route.branchId} />;
        break;
      case 'appraisal':
        page = <AppraisalPage branchId={session!.branchId ?? ''} canOpen={session!.role === 'SECRETARY'} />;
        break;
      case 'appraisalRound':
        page = <RoundPage roundId={route.id} />;
        break;
      case 'talks':
        page = <TalksPage memberId={route.memberId} />;
        break;
      case 'record':
        page = <MemberRecordPage memberId={route.memberId} />;
        break;
      case 'profiles':
        page = <ProfilesPage memberId={route.memberId} />;
        break;
      case 'assessment':
        page = <AssessmentPage branchId={route.branchId} />;
        break;
      case 'notices':
        page = <NoticesPage />;
        break;
      case 'calendar':
        page = <CalendarPage branchId={route.branchId} />;
        break;
      case 'rules':
        page = <RulesPage canOverride={session!.role === 'UNIVERSITY_ADMIN'} />;
        break;
      case 'bulkTransfers':
        page = <BulkTransfersPage />;
        break;
      default:
        page = (
          <>
            <h1>{t('state.notFoundTitle')}</h1>
            <EmptyState
              action={
                <a className="button" href={hrefFor({ name: 'root' })}>
                  {t('state.backHome')}
                </a>
              }
            >
              {t('state.notFoundPage')}
            </EmptyState>
          </>
        );
    }
  return (
    <main id="main" ref={mainRef} tabIndex={-1} className="main">
      <Suspense fallback={<Loading />}>{page}</Suspense>
    </main>
  );
}

function Redirect({ to, branchId }: { to: 'dashboard' | 'branch' | 'home' | 'todo'; branchId: string | null }) {
  useEffect(() => {
    if (to === 'todo') navigate({ name: 'todo' });
    else if (to === 'branch' && branchId) navigate({ name: 'branch', id: branchId });
    else if (to === 'dashboard') navigate({ name: 'dashboard', id: null });
    else navigate({ name: 'home' });
  }, [to, branchId]);
  return <Loading />;
}
