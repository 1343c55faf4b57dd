export { cannedReplies, knowledgeArticles } from './schema.ts';
export { listCannedReplies, searchKnowledge } from './search.ts';
export { type CannedReply, type KnowledgeArticle, cannedReplySchema, knowledgeArticleSchema } from './views.ts';
