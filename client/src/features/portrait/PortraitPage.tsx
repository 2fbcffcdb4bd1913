export default function PortraitPage(_props: Record<string, unknown>) {
  return <div className="page">PortraitPage</div>;
}
