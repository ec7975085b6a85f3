export { IconLabel } from './IconLabel';
export type { IconLabelColor, IconLabelStyle } from './IconLabel';
