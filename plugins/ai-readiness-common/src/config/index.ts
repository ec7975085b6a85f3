export * from './schema';
export * from './evidence';
