export { interpretCaseDigits, interpretInbound, type Keyword, ratingOf } from './interpret.ts';
export { webAppealInbound, webChatInbound } from './web-form.ts';
