export { discoveryDocument } from './discovery.ts';
export { handleOpen311Error, Open311Error } from './errors.ts';
export { clientOfApiKey, fileServiceRequest } from './file-request.ts';
export { type Format, formats, sendList, sendSingle } from './format.ts';
export { getServiceRequest, listServiceRequests } from './requests.ts';
export { listServices, serviceDefinition } from './services.ts';
export { fileRequestUpdate, listRequestUpdates } from './updates.ts';
export {
  createdRequestSchema,
  createdUpdateSchema,
  MAX_MEDIA,
  open311ErrorsSchema,
  requestQuerySchema,
  type RequestUpdateInput,
  requestUpdateInputSchema,
  requestUpdateViewSchema,
  serviceDefinitionSchema,
  type ServiceRequestInput,
  serviceRequestInputSchema,
  serviceRequestViewSchema,
  serviceSchema,
  updateQuerySchema,
} from './views.ts';
