export { JsSdkService } from './jssdk.service';
export { registerJsSdkRoutes } from './jssdk.routes';
