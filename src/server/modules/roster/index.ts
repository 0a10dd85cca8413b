/** The roster module's public face: delegates, for other modules. */
export { activeDelegatesOfTerm, countActiveDelegates } from './repository.js';
export { countsOfTerms } from './counts-repository.js';
