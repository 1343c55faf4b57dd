export { addKnowledgeIfEmpty } from './save.ts';
export { cannedReplies, knowledgeArticles } from './schema.ts';
export { listCannedReplies, searchKnowledge } from './search.ts';
export { type CannedReply, cannedReplySchema, type KnowledgeArticle, knowledgeArticleSchema } from './views.ts';
