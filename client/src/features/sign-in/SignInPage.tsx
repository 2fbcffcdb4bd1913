export default function SignInPage(_props: Record<string, unknown>) {
  return <div className="page">SignInPage</div>;
}
