export { isOptedOut, setOptOut } from './opt-out.ts';
export { contactOfIdentity, resolveContacts, type ResolvedContact } from './resolve.ts';
export { contactIdentities, contacts, type IdentityKind } from './schema.ts';
