export { WaiversPage } from './WaiversPage';
