export { YamlBlock } from './YamlBlock';
