/**
 * Calendar periods in which meetings are counted (China Standard Time). The minimum frequency of
 * each meeting kind is a rule of the catalogue (server/rules/catalogue/life.ts).
 */
export { type Frequency, type Period, requiredPeriods } from '../rules/periods';
