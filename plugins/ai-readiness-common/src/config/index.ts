export * from './schema';
export * from './evidence';
export * from './waivers';
