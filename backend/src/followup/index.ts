export { notifyCitizensJob } from './notify-citizens.ts';
export { lookupKnownCase, lookupPublicAppeal } from './public-lookup.ts';
export { answerSurvey, type SurveyAnswer, surveyReply, thankOnChat } from './survey.ts';
export { type PublicAppeal, publicAppealSchema } from './views.ts';
