export default function BranchPage(_props: Record<string, unknown>) {
  return <div className="page">BranchPage</div>;
}
