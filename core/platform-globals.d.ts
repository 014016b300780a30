/**
 * The few web-platform globals core code uses, which every runtime it runs in (Node and browsers)
 * provides, declared here because core compiles with the ES library alone (no Node or DOM types).
 */
declare class URL {
  constructor(url: string, base?: string);
  readonly protocol: string;
  readonly hostname: string;
  readonly pathname: string;
  readonly href: string;
}
