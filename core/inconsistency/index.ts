export * from './types';
export * from './suggest';
export * from './to-annotation';
export { suggestionId } from './suggestion-id';
export { namedByTitle } from './named-by-title';
