export { describeZodError, errorBodySchema, handleError, notFound, ServiceError } from './errors.ts';
export { ERROR_CODES, ERROR_REASONS, type ApiErrorCode, type ErrorReason } from './codes.ts';
