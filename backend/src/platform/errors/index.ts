export { ServiceError, describeZodError, errorBodySchema, handleError, notFound } from './errors.ts';
