export * from './signature.ts';
export * from './safe-mode.ts';
export * from './request.ts';
export * from './parse.ts';
export * from './reply.ts';
export * from './sender.ts';
