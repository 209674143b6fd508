import type { ChatMessage } from '@zhike/shared/content';
import type { ScriptContent } from '@zhike/shared/scripts';
import type { AssetRecord } from '../../modules/assets';
import { fillVariables, type ScriptVariableValues } from '../../modules/scripts';

export interface MessageSources {
  /** An asset of the corp, by id. */
  asset(id: string): Promise<AssetRecord>;
  mediaIdFor(asset: AssetRecord): Promise<string>;
  publicUrlOf(asset: AssetRecord): string;
  /** The tracked address of a link: opening it is counted, then redirected to the target. */
  trackedLink: string;
  token: string;
  miniProgramAppId: string;
}

/** The `sendChatMessage` argument for a script, with variables filled and attachments as WeCom media ids. */
export async function scriptMessage(content: ScriptContent, values: ScriptVariableValues, sources: MessageSources): Promise<{ message: ChatMessage; missing: string[] }> {
  const missing = new Set<string>();
  const fill = (text: string) => {
    const filled = fillVariables(text, values);
    filled.missing.forEach((name) => missing.add(name));
    return filled.text;
  };
  let message: ChatMessage;
  switch (content.type) {
    case 'text':
      message = { msgtype: 'text', text: { content: fill(content.text) } };
      break;
    case 'image':
      message = { msgtype: 'image', image: { mediaid: await sources.mediaIdFor(await sources.asset(content.assetId)) } };
      break;
    case 'file':
      message = { msgtype: 'file', file: { mediaid: await sources.mediaIdFor(await sources.asset(content.assetId)) } };
      break;
    case 'link':
      message = {
        msgtype: 'news',
        news: {
          link: sources.trackedLink,
          title: fill(content.title),
          desc: fill(content.desc),
          imgUrl: content.imageAssetId ? sources.publicUrlOf(await sources.asset(content.imageAssetId)) : '',
        },
      };
      break;
    case 'miniprogram':
      message = {
        msgtype: 'miniprogram',
        miniprogram: {
          appid: sources.miniProgramAppId,
          title: fill(content.title),
          imgUrl: sources.publicUrlOf(await sources.asset(content.imageAssetId)),
          // WeCom requires the page to end in .html; the token rides in the query.
          page: `${content.page}.html?t=${sources.token}`,
        },
      };
      break;
  }
  return { message, missing: [...missing] };
}
