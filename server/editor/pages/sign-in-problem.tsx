import type { VNode } from "preact";
import { Layout } from "../../site/layout.js";

/** What went wrong with a sign-in through the town's identity provider, in German. */
export interface SignInProblemProps {
  /** The page's heading, e.g. "Anmeldung nicht möglich". */
  heading: string;
  /** What happened and what the person can do, one paragraph each. */
  paragraphs: string[];
}

/** The page a sign-in through single sign-on ends on when it gives no session: why, and the way back. */
export function SignInProblemPage({ heading, paragraphs }: SignInProblemProps): VNode {
  return (
    <Layout title={`Fehler: ${heading}`} section={null}>
      <h1>{heading}</h1>
      <div role="alert">
        {paragraphs.map((text, index) => (
          <p key={index}>{text}</p>
        ))}
      </div>
      <p>
        <a href="/anmelden">Zurück zur Anmeldung</a>
      </p>
    </Layout>
  );
}
