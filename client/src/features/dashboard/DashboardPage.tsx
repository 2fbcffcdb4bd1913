export default function DashboardPage(_props: Record<string, unknown>) {
  return <div className="page">DashboardPage</div>;
}
