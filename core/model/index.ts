export * from './vocabulary';
export * from './schemas';
export * from './records';
export * from './accounts';
export * from './permissions';
