/** The little of oidc-provider's API the tests use (the package ships no type declarations). */
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  interface FoundAccount {
    accountId: string;
    claims(): Promise<Record<string, unknown>>;
  }
  export default class Provider {
    constructor(
      issuer: string,
      configuration: {
        clients: Record<string, unknown>[];
        claims?: Record<string, string[]>;
        findAccount?: (ctx: unknown, id: string) => Promise<FoundAccount | undefined>;
        features?: Record<string, unknown>;
        cookies?: { keys: string[] };
        [key: string]: unknown;
      },
    );
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
  }
}
