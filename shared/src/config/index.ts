import { z } from 'zod';

/** What a client needs before it can log in; nothing secret. */
export const ClientConfig = z
  .object({
    corpId: z.string().describe('WeCom corp id, for ww.register'),
    agentId: z.number().int().describe('The self-built app agentid, for agentConfig'),
    miniProgramAppId: z.string(),
    demoMode: z.boolean().describe('True when the server talks to its own sandbox upstreams'),
  })
  .meta({ id: 'ClientConfig' });
export type ClientConfig = z.infer<typeof ClientConfig>;
