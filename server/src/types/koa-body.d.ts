// Brings @koa/bodyparser's typing of ctx.request.body (unknown) into every file, not only app.ts.
import '@koa/bodyparser';
