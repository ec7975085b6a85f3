export { AiReadinessScopeGate } from './AiReadinessScopeGate';
