export * from './scale.js';
export * from './rates.js';
