export * from './form.ts';
export * from './sender.ts';
