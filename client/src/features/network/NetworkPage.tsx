export default function NetworkPage(_props: Record<string, unknown>) {
  return <div className="page">NetworkPage</div>;
}
