/**
 * The content admin's screens in one lazily loaded chunk. One chunk, not three: the build puts any module that
 * two chunks share into the `common` chunk, which every page (the sidebar too) loads up front, so the form code
 * the screens share would otherwise weigh on the sidebar.
 */
export { default as ScriptsScreen } from './scripts/ScriptsScreen';
export { default as PostersScreen } from './posters/PostersScreen';
export { default as StatsScreen } from './stats/StatsScreen';
