export { WeComClient, type WeComClientOptions, type WeComMember, type WeComDepartment, type WeComUserInfo } from './wecom-client';
export {
  ExternalContactClient,
  MAX_USERIDS_PER_BATCH,
  type ContactPage,
  type WeComContactDetail,
  type WeComContactPair,
  type WeComCorpTag,
  type WeComCorpTagGroup,
  type WeComExternalContact,
  type WeComFollowInfo,
  type WeComFollowUser,
} from './external-contact-client';
export { signJsApi, newNonce } from './jssdk-signature';
export { WeComMediaClient, TEMPORARY_MEDIA_TTL_MS, type TemporaryMediaUpload } from './media-client';
