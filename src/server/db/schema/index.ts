export * from './tenancy.js';
export * from './accounts.js';
export * from './audit.js';
export * from './terms.js';
export * from './roster.js';
export * from './groups.js';
export * from './settings.js';
export * from './meetings.js';
