/** The agenda module's public face. */
export { countAgendaItems } from './repository.js';
