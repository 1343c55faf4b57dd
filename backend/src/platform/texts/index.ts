export { type CitizenLanguage, citizenLanguages, citizenTexts, citizenTime } from './texts.ts';
export type { CitizenTexts } from './zh-CN.ts';
