export { PosterRepository, type PosterSceneRecord, type PosterTemplateRecord } from './poster.repository';
export { PosterService, type MiniProgramCodeSource, type PersonaliseInput } from './poster.service';
export { RemoteImageLoader } from './remote-images';
export { registerPosterRoutes } from './poster.routes';
export { registerPosterFonts, POSTER_FONT_FAMILY } from './poster-renderer';
