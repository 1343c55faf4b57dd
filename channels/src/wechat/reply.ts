import { cdata } from './xml.ts';

/**
 * A passive reply (被动回复) to a push: the text goes back to the citizen in the HTTP answer.
 * `to` is the citizen's openid, `from` the account's original id, as received swapped.
 */
export function buildTextReply(p: { to: string; from: string; content: string; createTime: Date }): string {
  const seconds = Math.floor(p.createTime.getTime() / 1000);
  return `<xml><ToUserName>${cdata(p.to)}</ToUserName><FromUserName>${cdata(p.from)}</FromUserName><CreateTime>${seconds}</CreateTime><MsgType>${cdata('text')}</MsgType><Content>${cdata(p.content)}</Content></xml>`;
}
