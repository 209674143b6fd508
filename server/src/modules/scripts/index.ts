export { ScriptRepository, type ScriptRecord } from './script.repository';
export { ScriptService, toScriptView, type ScriptEditor } from './script.service';
export { registerScriptRoutes } from './script.routes';
export { fillVariables, unknownVariables, type ScriptVariableValues } from './script-variables';
