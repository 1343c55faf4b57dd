export { describeZodError, errorBodySchema, handleError, notFound, ServiceError } from './errors.ts';
