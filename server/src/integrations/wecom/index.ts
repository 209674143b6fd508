export { WeComClient, type WeComClientOptions, type WeComMember, type WeComDepartment, type WeComUserInfo } from './wecom-client';
export { signJsApi, newNonce } from './jssdk-signature';
