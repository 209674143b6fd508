/** Every page of the app, in one place: app.config.ts builds `pages` from it and code navigates by name. */
export const routes = {
  home: 'pages/index/index',
} as const;

export type RouteName = keyof typeof routes;
