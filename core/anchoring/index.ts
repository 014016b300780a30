export * from './fuzzy-quote';
export * from './match-quote';
export * from './quote-context';
export * from './reanchor';
export * from './reanchor-annotations';
export * from './reanchor-targets';
export * from './text-diff';
export * from './text-mapping';
