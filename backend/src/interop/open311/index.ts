export { handleOpen311Error, Open311Error } from './errors.ts';
export { clientOfApiKey, fileServiceRequest } from './file-request.ts';
export { type Format, formats, sendList, sendSingle } from './format.ts';
export { getServiceRequest, listServiceRequests } from './requests.ts';
export { listServices, serviceDefinition } from './services.ts';
export {
  createdRequestSchema,
  open311ErrorsSchema,
  requestQuerySchema,
  serviceDefinitionSchema,
  type ServiceRequestInput,
  serviceRequestInputSchema,
  serviceRequestViewSchema,
  serviceSchema,
} from './views.ts';
