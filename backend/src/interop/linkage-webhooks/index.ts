export { linkageWebhooks } from './deliver.ts';
export { listWebhookDeliveries, retryWebhookDelivery } from './delivery-log.ts';
export { queueWebhooksJob, queueWebhookSteps } from './queue.ts';
export { type WebhookDeliveryPage, webhookDeliveryPageSchema, webhookDeliveryStatuses, type WebhookDeliveryView, webhookDeliveryViewSchema } from './views.ts';
