import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { InvalidInboundError } from '../types.ts';
import { parseInbound } from './parse.ts';
import { buildTextReply } from './reply.ts';

/** Pushes shaped as WeChat's message documentation shows them (接收普通消息 / 接收事件推送). */
const push = (body: string, msgId = '23912345678901234') => `<xml>
  <ToUserName><![CDATA[gh_10f6c3c3ac5a]]></ToUserName>
  <FromUserName><![CDATA[oyORnuP8q7ou2gfYjqLzSIWZf0rs]]></FromUserName>
  <CreateTime>1795852800</CreateTime>
  ${body}
  <MsgId>${msgId}</MsgId>
</xml>`;

const event = (body: string) => `<xml>
  <ToUserName><![CDATA[gh_10f6c3c3ac5a]]></ToUserName>
  <FromUserName><![CDATA[oyORnuP8q7ou2gfYjqLzSIWZf0rs]]></FromUserName>
  <CreateTime>1795852800</CreateTime>
  <MsgType><![CDATA[event]]></MsgType>
  ${body}
</xml>`;

const sender = { kind: 'wechat_openid', value: 'oyORnuP8q7ou2gfYjqLzSIWZf0rs' };
const receivedAt = new Date(1795852800 * 1000);

function message(xml: string) {
  const parsed = parseInbound(xml);
  if (parsed.kind !== 'message') throw new Error(`expected a message, got ${parsed.kind}`);
  return parsed;
}

describe('WeChat messages', () => {
  it('a text message becomes an inbound message from the openid, keyed by MsgId', () => {
    const parsed = message(
      push(
        '<MsgType><![CDATA[text]]></MsgType>\n  <Content><![CDATA[小区门口路灯坏了三天了]]></Content>\n  <MsgDataId><![CDATA[]]></MsgDataId>\n  <Idx><![CDATA[]]></Idx>',
      ),
    );
    expect(parsed).toMatchObject({ openId: sender.value, accountId: 'gh_10f6c3c3ac5a', msgType: 'text' });
    expect(parsed.inbound).toEqual({
      channel: 'wechat',
      sender,
      otherIdentities: [],
      text: '小区门口路灯坏了三天了',
      attachments: [],
      providerMessageId: '23912345678901234',
      receivedAt,
      startsNewAppeal: false,
    });
  });

  it('keeps CDATA " 007 " and a 19-digit MsgId as strings, never numbers', () => {
    const parsed = message(push('<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[ 007 ]]></Content>', '6054768590064713728'));
    expect(parsed.inbound.text).toBe('007');
    expect(parsed.inbound.providerMessageId).toBe('6054768590064713728');
    expect(new XMLParser({ parseTagValue: false }).parse('<xml><Content><![CDATA[ 007 ]]></Content></xml>').xml.Content).toBe(' 007 ');
  });

  it('a voice message carries WeChat speech recognition as its text and keeps the MediaId', () => {
    const parsed = message(
      push(
        '<MsgType><![CDATA[voice]]></MsgType><MediaId><![CDATA[mVoice_1a2b3c]]></MediaId><Format><![CDATA[amr]]></Format><Recognition><![CDATA[我要反映噪音扰民]]></Recognition>',
      ),
    );
    expect(parsed.inbound.text).toBe('我要反映噪音扰民');
    expect(parsed.media).toEqual({ kind: 'voice', mediaId: 'mVoice_1a2b3c', format: 'amr' });
  });

  it('a voice message without recognition gets a placeholder text', () => {
    const parsed = message(
      push(
        '<MsgType><![CDATA[voice]]></MsgType><MediaId><![CDATA[mVoice_1a2b3c]]></MediaId><Format><![CDATA[amr]]></Format><Recognition><![CDATA[]]></Recognition>',
      ),
    );
    expect(parsed.inbound.text).toBe('[语音消息]');
    expect(parsed.media?.mediaId).toBe('mVoice_1a2b3c');
  });

  it('an image message keeps PicUrl as an attachment', () => {
    const parsed = message(
      push(
        '<MsgType><![CDATA[image]]></MsgType><PicUrl><![CDATA[http://mmbiz.qpic.cn/mmbiz_jpg/abc123/0]]></PicUrl><MediaId><![CDATA[mImage_9z8y]]></MediaId>',
      ),
    );
    expect(parsed.inbound.text).toBe('[图片]');
    expect(parsed.inbound.attachments).toEqual([{ contentType: 'image/jpeg', fileName: 'mImage_9z8y.jpg', url: 'http://mmbiz.qpic.cn/mmbiz_jpg/abc123/0' }]);
    expect(parsed.media).toEqual({ kind: 'image', mediaId: 'mImage_9z8y' });
  });

  it('a location message: Location_X is the latitude, Location_Y the longitude, Label the address', () => {
    const parsed = message(
      push(
        '<MsgType><![CDATA[location]]></MsgType><Location_X>30.235</Location_X><Location_Y>120.135</Location_Y><Scale>15</Scale><Label><![CDATA[青禾区翠峰路88号]]></Label>',
      ),
    );
    expect(parsed.inbound).toMatchObject({
      text: '[位置] 青禾区翠峰路88号',
      location: { latitude: 30.235, longitude: 120.135, label: '青禾区翠峰路88号' },
      address: '青禾区翠峰路88号',
    });
  });

  it('a location without a label describes itself by its coordinates', () => {
    const parsed = message(
      push(
        '<MsgType><![CDATA[location]]></MsgType><Location_X>30.235</Location_X><Location_Y>120.135</Location_Y><Scale>15</Scale><Label><![CDATA[]]></Label>',
      ),
    );
    expect(parsed.inbound).toMatchObject({ text: '[位置] 30.235, 120.135', address: undefined, location: { label: undefined } });
  });

  it('a link message keeps title, description and URL in the text', () => {
    const parsed = message(
      push(
        '<MsgType><![CDATA[link]]></MsgType><Title><![CDATA[占道经营]]></Title><Description><![CDATA[菜场门口天天堵]]></Description><Url><![CDATA[https://mp.weixin.qq.com/s/abc]]></Url>',
      ),
    );
    expect(parsed.inbound.text).toBe('[链接] 占道经营\n菜场门口天天堵\nhttps://mp.weixin.qq.com/s/abc');
  });

  it('a short video becomes a placeholder with its MediaId', () => {
    const parsed = message(
      push('<MsgType><![CDATA[shortvideo]]></MsgType><MediaId><![CDATA[mVideo_1]]></MediaId><ThumbMediaId><![CDATA[mThumb_1]]></ThumbMediaId>'),
    );
    expect(parsed.inbound.text).toBe('[小视频消息]');
    expect(parsed.media).toEqual({ kind: 'video', mediaId: 'mVideo_1' });
  });
});

describe('WeChat events are not appeals', () => {
  it.each([
    ['subscribe', '<Event><![CDATA[subscribe]]></Event>', { event: 'subscribe', eventKey: undefined }],
    [
      'subscribe by scanning a QR code',
      '<Event><![CDATA[subscribe]]></Event><EventKey><![CDATA[qrscene_123123]]></EventKey><Ticket><![CDATA[TICKET]]></Ticket>',
      { event: 'subscribe', eventKey: 'qrscene_123123' },
    ],
    ['unsubscribe', '<Event><![CDATA[unsubscribe]]></Event>', { event: 'unsubscribe' }],
    ['a menu click', '<Event><![CDATA[CLICK]]></Event><EventKey><![CDATA[PROGRESS]]></EventKey>', { event: 'CLICK', eventKey: 'PROGRESS' }],
  ])('%s', (_name, body, expected) => {
    expect(parseInbound(event(body))).toEqual({
      kind: 'event',
      openId: sender.value,
      accountId: 'gh_10f6c3c3ac5a',
      createdAt: receivedAt,
      eventKey: undefined,
      ...expected,
    });
  });
});

describe('refused pushes', () => {
  it.each([
    ['malformed XML', '<xml><ToUserName>gh</FromUserName></xml>'],
    ['not XML at all', 'hello'],
    ['an empty body', ''],
    ['another root element', '<message><MsgType>text</MsgType></message>'],
    ['a DOCTYPE', '<!DOCTYPE xml [<!ENTITY a "aaaa">]><xml><Content>&a;</Content></xml>'],
    ['an unknown MsgType', push('<MsgType><![CDATA[miniprogrampage]]></MsgType><Title>x</Title>')],
    ['a text without Content', push('<MsgType><![CDATA[text]]></MsgType>')],
    ['a text of only spaces', push('<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[   ]]></Content>')],
    ['a text over 4,000 characters', push(`<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${'坑'.repeat(4001)}]]></Content>`)],
    ['a message without MsgId', push('<MsgType><![CDATA[text]]></MsgType><Content>hi</Content>').replace(/<MsgId>.*<\/MsgId>/, '')],
    ['a message without FromUserName', push('<MsgType><![CDATA[text]]></MsgType><Content>hi</Content>').replace(/<FromUserName>.*<\/FromUserName>/, '')],
    ['a CreateTime that is not a time', push('<MsgType><![CDATA[text]]></MsgType><Content>hi</Content>').replace('1795852800', 'yesterday')],
    ['a repeated Content', push('<MsgType><![CDATA[text]]></MsgType><Content>a</Content><Content>b</Content>')],
    ['an image without PicUrl', push('<MsgType><![CDATA[image]]></MsgType><MediaId>m</MediaId>')],
    ['an image whose PicUrl is not a URL', push('<MsgType><![CDATA[image]]></MsgType><PicUrl>javascript:alert(1)</PicUrl><MediaId>m</MediaId>')],
    ['a location that is not a number', push('<MsgType><![CDATA[location]]></MsgType><Location_X>north</Location_X><Location_Y>120.1</Location_Y>')],
    ['a latitude out of range', push('<MsgType><![CDATA[location]]></MsgType><Location_X>95</Location_X><Location_Y>120.1</Location_Y>')],
    ['an event without Event', event('')],
  ])('%s', (_name, xml) => {
    const refusal = (() => {
      try {
        parseInbound(xml);
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(InvalidInboundError);
    expect(refusal).toMatchObject({ reason: 'invalid' });
  });
});

describe('passive text replies', () => {
  it('swap the parties and wrap the text in CDATA', () => {
    const xml = buildTextReply({
      to: 'oyORnuP8q7ou2gfYjqLzSIWZf0rs',
      from: 'gh_10f6c3c3ac5a',
      content: '您的诉求已收到',
      createTime: new Date(1795852801_000),
    });
    expect(xml).toBe(
      '<xml><ToUserName><![CDATA[oyORnuP8q7ou2gfYjqLzSIWZf0rs]]></ToUserName><FromUserName><![CDATA[gh_10f6c3c3ac5a]]></FromUserName><CreateTime>1795852801</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[您的诉求已收到]]></Content></xml>',
    );
  });

  it('survive text that contains "]]>" and markup', () => {
    const content = 'a]]><b>&amp; 007 ';
    const xml = buildTextReply({ to: 'o', from: 'gh', content, createTime: new Date(0) });
    expect(new XMLParser({ parseTagValue: false, trimValues: false }).parse(xml).xml.Content).toBe(content);
  });
});
