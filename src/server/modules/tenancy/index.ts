/** The tenancy module's public face: counties and townships, for other modules. */
export { countCounties, findTownship, insertCounty, insertTownships } from './repository.js';
