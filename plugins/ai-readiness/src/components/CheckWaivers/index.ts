export { CheckWaivers } from './CheckWaivers';
export { PilotWaivers, usePilotWaivers } from './PilotWaivers';
