export * from './form.ts';
export * from './sender.ts';
export * from './photos.ts';
