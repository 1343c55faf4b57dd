export { interpretCaseDigits, interpretInbound, type Keyword } from './interpret.ts';
export { webAppealInbound, webChatInbound } from './web-form.ts';
