export * from './match-quote';
export * from './quote-context';
export * from './reanchor';
