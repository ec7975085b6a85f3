export { WhatIfEditor, changedChecks } from './WhatIfEditor';
export { draftYamlOf, applyRemediations } from './draftYaml';
