export default function MemberHomePage(_props: Record<string, unknown>) {
  return <div className="page">MemberHomePage</div>;
}
