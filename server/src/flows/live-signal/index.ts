export { LiveSignalFlow, type LiveSignalDeps } from './live-signal.flow';
export { registerLiveSignalRoutes } from './live-signal.routes';
