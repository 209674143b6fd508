import { z } from 'zod';

// WeChat forbids `new Function`; zod decides whether to compile its fast object parsers when each schema
// is created, so this must run before any schema module is evaluated (app.ts imports it first).
z.config({ jitless: true });
