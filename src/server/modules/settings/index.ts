/** The settings module's public face: a township's settings by key. */
export { getSetting, putSetting } from './repository.js';
