export * from './vocabulary';
export * from './schemas';
export * from './records';
