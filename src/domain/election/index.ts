export * from './settings.js';
export * from './opening.js';
export * from './ballot.js';
export * from './count.js';
export * from './preliminary.js';
export * from './outcome.js';
